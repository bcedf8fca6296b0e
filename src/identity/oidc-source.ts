/**
 * The identity of a logged-in person, for the wrapper: tokens from the
 * credential store, renewed silently with the refresh token when the access
 * token is within `refreshSkewMs` of expiry — at session start and mid-session
 * alike, since the wrapper asks on every call.
 *
 * @see ../../../shared/DESIGN.md "Identity"
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type * as oidc from 'openid-client';
import { isGuardError } from '../errors.js';
import type { CredentialStore } from './credential-store.js';
import type { Identity, IdentityResolution, IdentitySource } from './identity.js';
import { discoverIssuer } from './issuer.js';
import { acquireFileLock } from './lib/file-lock.js';
import { refreshCredentials } from './refresh-credentials.js';
import { credentialKey, normaliseIssuer, type StoredCredentials } from './stored-credentials.js';

export interface OidcIdentitySourceOptions {
  issuer: string;
  clientId: string;
  /** Plain-HTTP requests allowed (loopback issuer); credentials saved by `login --insecure` allow it too. */
  allowHttp: boolean;
  /** The credential store, or how to open it (opened once, on first use). */
  store: CredentialStore | (() => Promise<CredentialStore>);
  /** State directory: holds the lock that serialises refreshes across processes. */
  home: string;
  /** The policy's mapping from IdP groups to roles (`identity.roles`); none means no roles. */
  rolesFor?: (groups: string[]) => string[];
  now?: () => number;
  /** Refresh when the access token expires within this many ms (default 60 000). */
  refreshSkewMs?: number;
  /** After a failed refresh, wait this long before asking the issuer again (default 5 000). */
  retryAfterMs?: number;
  /** Seconds one request to the issuer may take (default 5): a tool call waits for a refresh. */
  timeoutSeconds?: number;
}

/** An `IdentitySource` backed by OIDC tokens. `current()` never throws. */
export class OidcIdentitySource implements IdentitySource {
  readonly #options: OidcIdentitySourceOptions;
  readonly #issuer: string;
  readonly #now: () => number;
  #store: CredentialStore | undefined;
  #credentials: StoredCredentials | undefined;
  #config: oidc.Configuration | undefined;
  #pending: Promise<IdentityResolution> | undefined;
  #failure: { at: number; detail: string } | undefined;

  constructor(options: OidcIdentitySourceOptions) {
    this.#options = options;
    this.#issuer = normaliseIssuer(options.issuer);
    this.#now = options.now ?? Date.now;
    if (typeof options.store !== 'function') this.#store = options.store;
  }

  /** Resolves the identity; concurrent callers share one store read and one refresh. */
  current(): Promise<IdentityResolution> {
    this.#pending ??= this.#resolve()
      .catch((error: unknown): IdentityResolution => ({ identity: null, reason: `cannot read the identity for ${this.#issuer}: ${safeMessage(error)} — run \`mcp-guard login\`` }))
      .finally(() => {
        this.#pending = undefined;
      });
    return this.#pending;
  }

  async #resolve(): Promise<IdentityResolution> {
    const now = this.#now();
    const retryAfter = this.#options.retryAfterMs ?? 5_000;
    const backingOff = this.#failure !== undefined && now - this.#failure.at < retryAfter;
    if (!this.#credentials || (this.#failure && !backingOff)) {
      // Re-read after a failure too: the person may have run `mcp-guard login` meanwhile.
      const stored = await this.#load();
      if (stored && (!this.#credentials || stored.obtainedAt > this.#credentials.obtainedAt)) {
        this.#credentials = stored;
        this.#failure = undefined;
      }
    }
    const credentials = this.#credentials;
    if (!credentials) {
      return { identity: null, reason: `no credentials for issuer ${this.#issuer} — run \`mcp-guard login\`` };
    }
    if (!this.#needsRefresh(credentials, now)) return { identity: this.#identityOf(credentials) };
    if (!this.#failure || !backingOff) await this.#refresh(credentials);
    const latest = this.#credentials ?? credentials;
    if (!this.#needsRefresh(latest, this.#now())) return { identity: this.#identityOf(latest) };
    if (latest.expiresAt !== undefined && latest.expiresAt > this.#now()) {
      // The refresh failed but the access token is still valid: keep working until it is not.
      return { identity: this.#identityOf(latest) };
    }
    return {
      identity: null,
      reason: `your session with ${this.#issuer} expired and could not be refreshed (${this.#failure?.detail ?? 'unknown reason'}) — run \`mcp-guard login\``,
    };
  }

  #needsRefresh(credentials: StoredCredentials, now: number): boolean {
    return credentials.expiresAt !== undefined && credentials.expiresAt - now <= (this.#options.refreshSkewMs ?? 60_000);
  }

  async #refresh(credentials: StoredCredentials): Promise<void> {
    const lockPath = join(this.#options.home, 'locks', `refresh-${createHash('sha256').update(credentialKey(this.#issuer, this.#options.clientId)).digest('hex').slice(0, 16)}.lock`);
    const release = await acquireFileLock(lockPath);
    try {
      // Another wrapper may have refreshed while we waited for the lock: use its tokens, not the rotated-away ones.
      const stored = await this.#load();
      if (stored && stored.obtainedAt > credentials.obtainedAt && !this.#needsRefresh(stored, this.#now())) {
        this.#credentials = stored;
        this.#failure = undefined;
        return;
      }
      const current = stored && stored.obtainedAt > credentials.obtainedAt ? stored : credentials;
      this.#config ??= await discoverIssuer({ issuer: this.#issuer, clientId: this.#options.clientId, allowHttp: this.#options.allowHttp || current.allowHttp === true, timeoutSeconds: this.#options.timeoutSeconds ?? 5 });
      const renewed = await refreshCredentials(this.#config, current, this.#now);
      await (await this.#openStore()).save(renewed);
      this.#credentials = renewed;
      this.#failure = undefined;
    } catch (error) {
      this.#failure = { at: this.#now(), detail: safeMessage(error) };
    } finally {
      release();
    }
  }

  async #load(): Promise<StoredCredentials | undefined> {
    const found = await (await this.#openStore()).load(this.#issuer, this.#options.clientId);
    return found?.credentials;
  }

  async #openStore(): Promise<CredentialStore> {
    if (!this.#store && typeof this.#options.store === 'function') this.#store = await this.#options.store();
    return this.#store as CredentialStore;
  }

  #identityOf(credentials: StoredCredentials): Identity {
    const { profile } = credentials;
    const identity: Identity = {
      sub: profile.sub,
      groups: [...profile.groups],
      roles: this.#options.rolesFor ? this.#options.rolesFor([...profile.groups]) : [],
      issuer: this.#issuer,
      verified: true,
    };
    if (profile.email) identity.email = profile.email;
    if (profile.name) identity.name = profile.name;
    if (credentials.expiresAt !== undefined) identity.expiresAt = credentials.expiresAt;
    return identity;
  }
}

/** Error text for a person: our own messages are token-free by construction; anything else keeps its first line only. */
function safeMessage(error: unknown): string {
  if (isGuardError(error)) return error.message;
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : 'unknown error';
}
