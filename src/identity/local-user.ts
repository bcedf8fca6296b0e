import { userInfo } from 'node:os';
import type { Identity, IdentitySource, IdentityResolution } from './identity.js';

/** The local OS user, marked unverified: the identity of local mode (no issuer configured). */
export function localUserIdentity(): Identity {
  let name = process.env.USER ?? process.env.USERNAME ?? 'unknown';
  try {
    name = userInfo().username;
  } catch {
    // userInfo() throws when the uid has no passwd entry (containers); keep the env name.
  }
  return { sub: name, name, groups: [], roles: [], verified: false };
}

export class LocalUserSource implements IdentitySource {
  readonly #identity = localUserIdentity();
  async current(): Promise<IdentityResolution> {
    return { identity: this.#identity };
  }

  peek(): IdentityResolution {
    return { identity: this.#identity };
  }
}
