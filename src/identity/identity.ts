/**
 * Who is calling. Every audit event carries one; the policy maps its groups
 * to roles.
 */
export interface Identity {
  /** Subject: the IdP's `sub`, or the local OS user name in local mode. */
  sub: string;
  email?: string;
  name?: string;
  /** Groups as the IdP reported them (from the configured groups claim). */
  groups: string[];
  /** Policy roles the groups map to (filled by the policy's `identity.roles`). */
  roles: string[];
  /** Issuer URL; absent in local mode. */
  issuer?: string;
  /** True only for an identity proven by the issuer (OIDC); false for the local OS user. */
  verified: boolean;
  /** Access token expiry, epoch milliseconds, when known. */
  expiresAt?: number;
}

/** What an identity source knows right now. `reason` says why there is no verified identity and how to fix it. */
export type IdentityResolution =
  | { identity: Identity; reason?: undefined }
  | { identity: Identity | null; reason: string };

/**
 * The seam between the wrapper and where identities come from: the local OS
 * user, or OIDC tokens refreshed silently (identity issue).
 */
export interface IdentitySource {
  /** Resolves the current identity; may refresh tokens. Never throws: failures come back as `reason`. */
  current(): Promise<IdentityResolution>;
  /**
   * The current identity without waiting, when nothing needs refreshing;
   * `undefined` means "await current()". Lets a tool call be decided
   * without a turn of the event loop on the hot path.
   */
  peek?(): IdentityResolution | undefined;
}
