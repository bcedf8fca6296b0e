/**
 * `mcp-guard whoami`: who the wrapper would act as right now, read from the
 * credential store (no network unless the token needs a refresh). Prints no
 * token.
 */
import type { GuardConfig } from '../config/config.js';
import { resolveHome } from '../config/home.js';
import { GuardError } from '../errors.js';
import { openCredentialStore, type CredentialStoreKind } from './credential-store.js';
import { localUserIdentity } from './local-user.js';
import { OidcIdentitySource } from './oidc-source.js';
import { configuredIssuer } from './select-source.js';
import { isLoopback } from './issuer.js';

/** The `--json` shape (a stable contract). */
export interface WhoamiReport {
  sub: string;
  email: string | null;
  name: string | null;
  groups: string[];
  roles: string[];
  issuer: string | null;
  /** ISO 8601 access-token expiry, or null. */
  expiresAt: string | null;
  /** Where the credentials are: `keychain`, `file`, or null in local mode. */
  store: CredentialStoreKind | null;
  verified: boolean;
}

export interface WhoamiContext {
  config: GuardConfig;
  env: NodeJS.ProcessEnv;
  rolesFor?: (groups: string[]) => string[];
  warn: (line: string) => void;
}

/**
 * @throws GUARD_IDENTITY_REQUIRED when an issuer is configured but there are
 *   no usable credentials (never logged in, or expired and not refreshable).
 */
export async function whoami(context: WhoamiContext): Promise<WhoamiReport> {
  const { issuer, clientId } = configuredIssuer(context.config, context.env);
  if (!issuer) {
    const local = localUserIdentity();
    return { sub: local.sub, email: null, name: local.name ?? null, groups: [], roles: context.rolesFor ? context.rolesFor([]) : [], issuer: null, expiresAt: null, store: null, verified: false };
  }
  const home = resolveHome(context.env);
  const store = await openCredentialStore({ home, env: context.env, warn: context.warn });
  let url: URL | undefined;
  try {
    url = new URL(issuer);
  } catch {
    // Reported by the source below as "no credentials".
  }
  const source = new OidcIdentitySource({ issuer, clientId, allowHttp: url?.protocol === 'http:' && isLoopback(url.hostname), store, home, rolesFor: context.rolesFor });
  const resolution = await source.current();
  if (!resolution.identity) throw new GuardError('GUARD_IDENTITY_REQUIRED', resolution.reason ?? `no identity for ${issuer} — run \`mcp-guard login\``);
  const found = await store.load(issuer, clientId);
  const identity = resolution.identity;
  return {
    sub: identity.sub,
    email: identity.email ?? null,
    name: identity.name ?? null,
    groups: identity.groups,
    roles: identity.roles,
    issuer: identity.issuer ?? issuer,
    expiresAt: identity.expiresAt !== undefined ? new Date(identity.expiresAt).toISOString() : null,
    store: found?.kind ?? store.kind,
    verified: identity.verified,
  };
}

/** The human form of the report. */
export function formatWhoami(report: WhoamiReport): string {
  const lines = [
    `${report.name ?? report.sub}${report.email ? ` <${report.email}>` : ''}${report.verified ? '' : ' (local OS user, unverified)'}`,
    `  sub:      ${report.sub}`,
    `  issuer:   ${report.issuer ?? '(none: local mode)'}`,
    `  groups:   ${report.groups.length > 0 ? report.groups.join(', ') : '(none)'}`,
    `  roles:    ${report.roles.length > 0 ? report.roles.join(', ') : '(none)'}`,
  ];
  if (report.expiresAt) lines.push(`  expires:  ${report.expiresAt}`);
  if (report.store) lines.push(`  store:    ${report.store === 'keychain' ? 'OS keychain' : 'credentials file (0600)'}`);
  return `${lines.join('\n')}\n`;
}
