/**
 * What the reading commands (`sessions`, `replay`, `verify`) do first: load
 * the device key (never create it) and repair sessions that crashed, so that
 * every start of mcp-guard seals torn tails, not only a new wrapper.
 */
import { keychainWhenNeeded, type Keychain } from '../identity/keychain.js';
import { knownDeviceKeys, loadDeviceKey } from './device-key.js';
import { recoverCrashedSessions, type RecoveryReport } from './recover.js';
import { readIndex } from './spool.js';

export interface OpenedSpool {
  /** Trusted keys for verification (key id → raw public key). */
  knownKeys: Map<string, string>;
  /** Sessions this call repaired. */
  recovered: RecoveryReport[];
}

export async function prepareSpool(home: string, options: { keychain?: Keychain | null; log?: (line: string) => void } = {}): Promise<OpenedSpool> {
  const keychain = options.keychain !== undefined ? options.keychain : keychainWhenNeeded();
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  let recovered: RecoveryReport[] = [];
  // Nothing to repair without an index; and without a key nothing was ever signed.
  if (readIndex(home).length > 0) {
    try {
      const signer = await loadDeviceKey(home, { create: false, keychain });
      if (signer) recovered = recoverCrashedSessions(home, signer);
    } catch (error) {
      log(`mcp-guard: audit: could not repair crashed sessions: ${(error as Error).message}`);
    }
  }
  for (const report of recovered) {
    log(`mcp-guard: audit: session ${report.session} had crashed; sealed it (${report.events} events kept, ${report.tornBytes} torn bytes cut off)`);
  }
  return { knownKeys: await knownDeviceKeys(home, keychain), recovered };
}
