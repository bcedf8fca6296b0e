/**
 * Roles: the policy's names for who may do what, mapped from the identity's
 * groups (IdP groups for OIDC identities, the pseudo-group `@local` for the
 * local OS user) and, for small teams without groups, from user names.
 */
import type { Identity } from '../identity/identity.js';
import { compileGlobs } from './lib/glob.js';
import type { Policy, RoleMapping } from './policy.js';

/** The group every unverified local identity is in, so `identity.roles` can grant roles in local mode. */
export const LOCAL_GROUP = '@local';

interface CompiledRole {
  role: string;
  groups: RegExp | null;
  users: RegExp | null;
}

const compiled = new WeakMap<Record<string, RoleMapping>, CompiledRole[]>();

function compileRoles(roles: Policy['identity']['roles']): CompiledRole[] {
  let list = compiled.get(roles);
  if (!list) {
    list = Object.entries(roles).map(([role, mapping]) => ({
      role,
      groups: mapping.groups.length > 0 ? compileGlobs(mapping.groups) : null,
      users: mapping.users && mapping.users.length > 0 ? compileGlobs(mapping.users) : null,
    }));
    compiled.set(roles, list);
  }
  return list;
}

/**
 * The roles whose group globs match any of `groups` (`cs-*` matches
 * `cs-tier2`), in the policy's order. Called by the OIDC identity source.
 */
export function mapRoles(groups: string[], roles: Policy['identity']['roles']): string[] {
  return compileRoles(roles)
    .filter((entry) => entry.groups !== null && groups.some((group) => entry.groups!.test(group)))
    .map((entry) => entry.role);
}

/**
 * Every role the identity holds under this policy: the roles it carries
 * itself, those its groups map to (plus `@local` when unverified), and those
 * granted to its `sub` or e-mail by `users:`.
 */
export function resolveRoles(identity: Identity | null, roles: Policy['identity']['roles']): string[] {
  if (!identity) return [];
  const out = new Set(identity.roles);
  const groups = identity.verified ? identity.groups : [...identity.groups, LOCAL_GROUP];
  for (const role of mapRoles(groups, roles)) out.add(role);
  for (const entry of compileRoles(roles)) {
    if (entry.users === null) continue;
    if (entry.users.test(identity.sub) || (identity.email !== undefined && entry.users.test(identity.email))) out.add(entry.role);
  }
  return [...out];
}
