/**
 * `verifySession`: verifies one session of the local spool against this
 * device's key and the session index. Read-only; repairing crashed sessions
 * first is `prepareSpool`'s job (`open-spool.ts`).
 *
 * @see ./verify-records.ts for the checks and the trust model
 */
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { GuardError } from '../errors.js';
import type { Keychain } from '../identity/keychain.js';
import { keychainWhenNeeded } from '../identity/keychain.js';
import { knownDeviceKeys } from './device-key.js';
import { processAlive } from './recover.js';
import { readIndex, readLines, sessionFile, type IndexRecord } from './spool.js';
import { verifyRecords, type VerifyResult } from './verify-records.js';

export type { VerifyProblem, VerifyResult } from './verify-records.js';

export interface VerifyOptions {
  /** Trusted keys (key id → raw public key); default: this device's key. */
  knownKeys?: ReadonlyMap<string, string>;
  /** Keychain holding the device key; default: the OS keychain, opened only when the key is not in a file. */
  keychain?: Keychain | null;
  /** The index, when the caller has read it already. */
  index?: readonly IndexRecord[];
  isAlive?: (pid: number) => boolean;
}

/**
 * Verifies one session.
 *
 * @throws GuardError `GUARD_SESSION_NOT_FOUND` when the home has no such session.
 */
export async function verifySession(home: string, sessionId: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  const index = options.index ?? readIndex(home);
  const path = sessionFile(home, sessionId);
  const entries = index.filter((record) => record.session === sessionId);
  if (!existsSync(path) && entries.length === 0) {
    throw new GuardError('GUARD_SESSION_NOT_FOUND', `no session ${sessionId} in ${home} — list them with \`mcp-guard sessions\``);
  }
  const knownKeys = options.knownKeys ?? (await knownDeviceKeys(home, options.keychain !== undefined ? options.keychain : keychainWhenNeeded()));
  const { lines, torn } = readLines(path);
  return verifyRecords(sessionId, lines, torn, sessionContext(entries, knownKeys, options.isAlive ?? processAlive));
}

function sessionContext(entries: readonly IndexRecord[], knownKeys: ReadonlyMap<string, string>, isAlive: (pid: number) => boolean) {
  let closed: { events: number; lastHash: string } | undefined;
  let running = false;
  for (const entry of entries) {
    if (entry.op === 'start') running = entry.host === hostname() && isAlive(entry.pid);
    else {
      // The end line is the authority; a recovery line only counts when there is no end.
      if (entry.op === 'end' || !closed) closed = { events: entry.events, lastHash: entry.lastHash };
      running = false;
    }
  }
  return { knownKeys, running, ...(closed ? { closed } : {}) };
}
