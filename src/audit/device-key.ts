/**
 * The per-device Ed25519 key that signs audit batches, created on first use.
 * The private key lives in the OS keychain when one answers, else in
 * `<home>/device-key.pem` (mode 0600). `<home>/device-key.json` names the key
 * id, public key and where the private key is.
 *
 * Several wrappers may start at once on a fresh home; creation is made
 * race-free by publishing the key with `link()`, which fails when another
 * process published first (the loser then loads the winner's key).
 */
import { createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GuardError } from '../errors.js';
import type { Keychain } from '../identity/keychain.js';
import { createSigner, keyIdOf, type Signer } from './signer.js';

export interface DeviceKeyInfo {
  keyId: string;
  publicKey: string;
  storage: 'keychain' | 'file';
  createdAt: number;
}

const KEYCHAIN_ACCOUNT_PREFIX = 'audit-device-key:';

/**
 * The keychain, or how to open it when it is needed: only a key that lives
 * in the keychain, or a new one, needs it. Opening loads keytar and asks the
 * Secret Service, 10–25 ms of every start that a key in a file can skip.
 */
export type KeychainAccess = Keychain | null | (() => Promise<Keychain | null>);

function opener(access: KeychainAccess): () => Promise<Keychain | null> {
  return typeof access === 'function' ? access : async () => access;
}

export function deviceKeyPaths(home: string): { pem: string; info: string } {
  return { pem: join(home, 'device-key.pem'), info: join(home, 'device-key.json') };
}

/** The recorded public facts about this device's key, or null when none was created yet. */
export function readDeviceKeyInfo(home: string): DeviceKeyInfo | null {
  try {
    const info = JSON.parse(readFileSync(deviceKeyPaths(home).info, 'utf8')) as DeviceKeyInfo;
    if (typeof info.publicKey !== 'string' || keyIdOf(info.publicKey) !== info.keyId) return null;
    return info;
  } catch {
    return null;
  }
}

/**
 * Loads the device key, creating it when `create` is set and there is none.
 * Returns null when there is none and `create` is false.
 *
 * @throws GuardError `GUARD_AUDIT_IO` when the key exists but cannot be read
 *   (the keychain holding it does not answer, or the file is unreadable).
 */
export async function loadDeviceKey(home: string, options: { create: boolean; keychain: KeychainAccess }): Promise<Signer | null> {
  const keychain = opener(options.keychain);
  const existing = await loadExisting(home, keychain);
  if (existing || !options.create) return existing;
  mkdirSync(home, { recursive: true, mode: 0o700 });
  const opened = await keychain();
  return opened ? createInKeychain(home, opened) : createInFile(home);
}

async function loadExisting(home: string, getKeychain: () => Promise<Keychain | null>): Promise<Signer | null> {
  const paths = deviceKeyPaths(home);
  let pem: string | null = null;
  try {
    pem = readFileSync(paths.pem, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new GuardError('GUARD_AUDIT_IO', `cannot read the audit device key ${paths.pem}: ${(error as Error).message}`, { cause: error });
    }
  }
  if (pem !== null) return signerFromPem(pem, paths.pem);
  const info = readDeviceKeyInfo(home);
  if (!info) return null;
  if (info.storage !== 'keychain') {
    throw new GuardError('GUARD_AUDIT_IO', `the audit device key ${paths.pem} is missing though ${paths.info} names it — restore it from a backup`);
  }
  const keychain = await getKeychain();
  if (!keychain) {
    throw new GuardError('GUARD_AUDIT_IO', `the audit device key ${info.keyId} is in the OS keychain, which is not available now — unlock the keychain and retry`);
  }
  // The creator stores the secret before publishing device-key.json, so it is normally there already; wait briefly anyway.
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const stored = await keychain.get(KEYCHAIN_ACCOUNT_PREFIX + info.keyId);
    if (stored) return signerFromPem(stored, `keychain entry ${KEYCHAIN_ACCOUNT_PREFIX}${info.keyId}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new GuardError('GUARD_AUDIT_IO', `the audit device key ${info.keyId} is not in the OS keychain — it was removed; sessions it signed still verify with the public key in ${paths.info}`);
}

function signerFromPem(pem: string, where: string): Signer {
  try {
    return createSigner(createPrivateKey(pem));
  } catch (error) {
    throw new GuardError('GUARD_AUDIT_IO', `the audit device key in ${where} is not an Ed25519 private key: ${(error as Error).message}`, { cause: error });
  }
}

function generatePem(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

/** Writes `text` to a fresh temporary file and links it to `path`; false when `path` already exists. */
function publishExclusive(path: string, text: string, mode: number): boolean {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, text, { mode, flag: 'wx' });
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new GuardError('GUARD_AUDIT_IO', `cannot create ${path}: ${(error as Error).message}`, { cause: error });
  } finally {
    rmSync(temporary, { force: true });
  }
}

function writeInfo(home: string, info: DeviceKeyInfo): void {
  const path = deviceKeyPaths(home).info;
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o644 });
  renameSync(temporary, path);
}

async function createInFile(home: string): Promise<Signer> {
  const paths = deviceKeyPaths(home);
  const pem = generatePem();
  if (!publishExclusive(paths.pem, pem, 0o600)) {
    return signerFromPem(readFileSync(paths.pem, 'utf8'), paths.pem);
  }
  const signer = signerFromPem(pem, paths.pem);
  writeInfo(home, { keyId: signer.keyId, publicKey: signer.publicKey, storage: 'file', createdAt: Date.now() });
  return signer;
}

async function createInKeychain(home: string, keychain: Keychain): Promise<Signer> {
  const pem = generatePem();
  const signer = signerFromPem(pem, 'a new key');
  await keychain.set(KEYCHAIN_ACCOUNT_PREFIX + signer.keyId, pem);
  const info: DeviceKeyInfo = { keyId: signer.keyId, publicKey: signer.publicKey, storage: 'keychain', createdAt: Date.now() };
  if (publishExclusive(deviceKeyPaths(home).info, `${JSON.stringify(info, null, 2)}\n`, 0o644)) return signer;
  // Another process published its key first: drop ours and use theirs.
  await keychain.delete(KEYCHAIN_ACCOUNT_PREFIX + signer.keyId);
  const winner = await loadExisting(home, async () => keychain);
  if (!winner) throw new GuardError('GUARD_AUDIT_IO', `cannot load the audit device key another mcp-guard just created in ${home}`);
  return winner;
}

/** The public keys this device trusts for its own audit trail (key id → raw public key, base64url). */
export async function knownDeviceKeys(home: string, keychain: KeychainAccess): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  const info = readDeviceKeyInfo(home);
  // The private key is the root of trust: derive the public key from it when
  // it is readable, so a swapped device-key.json cannot vouch for another key.
  let signer: Signer | null = null;
  try {
    signer = await loadExisting(home, opener(keychain));
  } catch {
    signer = null;
  }
  if (signer) keys.set(signer.keyId, signer.publicKey);
  else if (info) keys.set(info.keyId, info.publicKey);
  return keys;
}
