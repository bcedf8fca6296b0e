/**
 * The one place that decides where identities come from: the local OS user
 * (unverified) when no issuer is configured, else OIDC tokens.
 *
 * @see ../../../shared/DESIGN.md "Identity"
 */
import type { GuardConfig } from '../config/config.js';
import type { IdentityResolution, IdentitySource } from './identity.js';
import { configuredIssuer } from './issuer-config.js';
import { LocalUserSource } from './local-user.js';

export { configuredIssuer } from './issuer-config.js';

export interface SelectIdentitySourceOptions {
  config: GuardConfig;
  home: string;
  env?: NodeJS.ProcessEnv;
  /** The policy's groups → roles mapping (`mapRoles` bound to `identity.roles`). */
  rolesFor?: (groups: string[]) => string[];
  /** Told about credential-file problems that were fixed (too-wide permissions). */
  warn?: (message: string) => void;
}

/**
 * Picks the identity source for a session. Never throws: a misconfigured
 * issuer gives a source whose `current()` explains the problem.
 */
export async function selectIdentitySource(options: SelectIdentitySourceOptions): Promise<{ source: IdentitySource; issuerConfigured: boolean }> {
  const env = options.env ?? process.env;
  const { issuer, clientId } = configuredIssuer(options.config, env);
  if (!issuer) return { source: new LocalUserSource(), issuerConfigured: false };
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return { source: new UnavailableSource(`the configured issuer "${issuer}" is not a URL — run \`mcp-guard login --issuer https://...\``), issuerConfigured: true };
  }
  // Loaded only when an issuer is configured: local mode starts without openid-client.
  const [{ openCredentialStore }, { isLoopback }, { OidcIdentitySource }] = await Promise.all([
    import('./credential-store.js'),
    import('./issuer.js'),
    import('./oidc-source.js'),
  ]);
  // A non-loopback http:// issuer works only with credentials saved by `login --insecure` (they say so).
  const allowHttp = url.protocol === 'http:' && isLoopback(url.hostname);
  const source = new OidcIdentitySource({
    issuer,
    clientId,
    allowHttp,
    home: options.home,
    store: () => openCredentialStore({ home: options.home, env, warn: options.warn }),
    rolesFor: options.rolesFor,
  });
  return { source, issuerConfigured: true };
}

/** A source that can only say why there is no identity. */
class UnavailableSource implements IdentitySource {
  readonly #reason: string;
  constructor(reason: string) {
    this.#reason = reason;
  }
  async current(): Promise<IdentityResolution> {
    return { identity: null, reason: this.#reason };
  }
}
