/**
 * The OS keychain (macOS Keychain, Windows Credential Manager, Secret Service
 * on Linux) through keytar, an optional dependency: an install without a
 * keychain still works, and callers fall back to 0600 files.
 */

export interface Keychain {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

export const KEYCHAIN_SERVICE = 'mcp-guard';

interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/**
 * Loads keytar and checks that the keychain answers. Returns the keychain, or
 * `null` with the reason (keytar not installed, no Secret Service running,
 * disabled by `MCP_GUARD_KEYCHAIN=off`).
 */
export async function openKeychain(env: NodeJS.ProcessEnv = process.env): Promise<{ keychain: Keychain | null; reason?: string }> {
  if (env.MCP_GUARD_KEYCHAIN === 'off') return { keychain: null, reason: 'the keychain is disabled by MCP_GUARD_KEYCHAIN=off' };
  let keytar: Keytar;
  try {
    const module = (await import('keytar' as string)) as { default?: Keytar } & Keytar;
    keytar = module.default ?? module;
  } catch (error) {
    return { keychain: null, reason: `keytar is not installed (${(error as Error).message.split('\n')[0]})` };
  }
  try {
    // A probe read: fails fast when no Secret Service / keychain daemon answers.
    await withTimeout(keytar.getPassword(KEYCHAIN_SERVICE, '__probe__'), 3000);
  } catch (error) {
    return { keychain: null, reason: `the OS keychain did not answer (${(error as Error).message})` };
  }
  return {
    keychain: {
      get: (account) => keytar.getPassword(KEYCHAIN_SERVICE, account),
      set: (account, secret) => keytar.setPassword(KEYCHAIN_SERVICE, account, secret),
      delete: (account) => keytar.deletePassword(KEYCHAIN_SERVICE, account),
    },
  };
}

/** `openKeychain`, deferred until first called, then answered once: for callers that may not need the keychain at all. */
export function keychainWhenNeeded(env: NodeJS.ProcessEnv = process.env): () => Promise<Keychain | null> {
  let opened: Promise<Keychain | null> | undefined;
  return () => (opened ??= openKeychain(env).then((result) => result.keychain));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
