/**
 * Reading who someone is from OIDC claims: the profile (`sub`, `email`,
 * `name`) and the groups from a configurable claim. Pure.
 *
 * Where the claims come from, in order (first one that has the groups claim
 * wins for groups; profile fields merge, ID token first):
 * 1. the ID token of the latest token response (Okta, Entra, Keycloak,
 *    Cognito put groups there),
 * 2. the access token when it is a JWT (Cognito's `cognito:groups`, Keycloak's
 *    `realm_access.roles`),
 * 3. the userinfo response, fetched only when neither token has the claim.
 * Tokens come straight from the token endpoint over TLS, so their payloads
 * are read without a second signature check (OIDC Core 3.1.3.7, 6).
 *
 * @see ../../../shared/DESIGN.md "Identity"
 */

/** The parts of a person the wrapper records; `groups` already read from the configured claim. */
export interface ProfileClaims {
  sub: string;
  email?: string;
  name?: string;
  groups: string[];
}

export const DEFAULT_GROUPS_CLAIM = 'groups';

/**
 * The value of `claim` in `claims`: the exact key first (claim names such as
 * `cognito:groups` or `https://acme.eu/groups` contain dots and colons), then
 * a dot path into nested objects (`realm_access.roles`).
 */
export function readClaim(claims: Record<string, unknown>, claim: string): unknown {
  if (Object.hasOwn(claims, claim)) return claims[claim];
  if (!claim.includes('.')) return undefined;
  let value: unknown = claims;
  for (const part of claim.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * Groups from `claim`: an array of strings, or one string (some IdPs send a
 * single group, or a space-separated list). Anything else yields `undefined`
 * (the claim is absent or unusable), never an exception: claims are input
 * from the network.
 */
export function readGroups(claims: Record<string, unknown>, claim: string = DEFAULT_GROUPS_CLAIM): string[] | undefined {
  const value = readClaim(claims, claim);
  if (typeof value === 'string') return value.split(/[\s,]+/).filter((group) => group.length > 0);
  if (Array.isArray(value)) return value.filter((group): group is string => typeof group === 'string' && group.length > 0);
  return undefined;
}

/**
 * The payload of a JWT, unverified, or `undefined` when `token` is not a JWT
 * (opaque access tokens are common and fine).
 */
export function decodeJwtPayload(token: string | undefined): Record<string, unknown> | undefined {
  if (!token) return undefined;
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Merges the claim sources into a profile. Returns `undefined` when no source
 * names a subject.
 */
export function profileFromClaims(sources: (Record<string, unknown> | undefined)[], groupsClaim: string = DEFAULT_GROUPS_CLAIM): ProfileClaims | undefined {
  const present = sources.filter((source): source is Record<string, unknown> => source !== undefined);
  const pick = (key: string): string | undefined => {
    for (const source of present) {
      const value = source[key];
      if (typeof value === 'string' && value.length > 0) return value;
    }
    return undefined;
  };
  const sub = pick('sub');
  if (!sub) return undefined;
  let groups: string[] = [];
  for (const source of present) {
    const found = readGroups(source, groupsClaim);
    if (found) {
      groups = found;
      break;
    }
  }
  const profile: ProfileClaims = { sub, groups };
  const email = pick('email');
  const name = pick('name') ?? pick('preferred_username');
  if (email) profile.email = email;
  if (name) profile.name = name;
  return profile;
}

/** True when some source carries the groups claim (so userinfo need not be asked). */
export function hasGroupsClaim(sources: (Record<string, unknown> | undefined)[], groupsClaim: string = DEFAULT_GROUPS_CLAIM): boolean {
  return sources.some((source) => source !== undefined && readGroups(source, groupsClaim) !== undefined);
}
