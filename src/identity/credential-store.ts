/**
 * Where tokens live: the OS keychain (keytar) when it loads and answers,
 * otherwise `<home>/credentials.json` with mode 0600. Entries are keyed by
 * issuer and client id.
 *
 * Reads look in both places: a login made where a keychain answered may be
 * used by a wrapper started without one (an MCP client that strips
 * DBUS_SESSION_BUS_ADDRESS), and the other way round.
 *
 * @see ../../../shared/DESIGN.md "Identity"
 */
import { chmodSync, mkdirSync, openSync, closeSync, fstatSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GuardError } from '../errors.js';
import { openKeychain, type Keychain } from './keychain.js';
import { credentialKey, parseStoredCredentials, type StoredCredentials } from './stored-credentials.js';

export type CredentialStoreKind = 'keychain' | 'file';

export interface CredentialStore {
  /** Where new credentials are written. */
  readonly kind: CredentialStoreKind;
  /** Why new credentials go where they go, for `login` to tell the user (updated when the keychain refuses a write). */
  readonly reason: string;
  /** The file that holds credentials when the keychain is not used (also read as a fallback). */
  readonly filePath: string;
  load(issuer: string, clientId: string): Promise<{ credentials: StoredCredentials; kind: CredentialStoreKind } | undefined>;
  save(credentials: StoredCredentials): Promise<CredentialStoreKind>;
  /** Deletes the entry wherever it is; true when something was deleted. */
  delete(issuer: string, clientId: string): Promise<boolean>;
}

export interface OpenCredentialStoreOptions {
  home: string;
  env?: NodeJS.ProcessEnv;
  /** Told about a credentials file whose permissions were too wide (and were fixed). */
  warn?: (message: string) => void;
  /** Opens the OS keychain (tests pass a stand-in); default `openKeychain`. */
  openKeychain?: typeof openKeychain;
}

export const CREDENTIALS_FILE = 'credentials.json';

/** Opens the keychain store when the keychain answers, else the file store; never throws for a missing keychain. */
export async function openCredentialStore(options: OpenCredentialStoreOptions): Promise<CredentialStore> {
  const file = new FileCredentials(join(options.home, CREDENTIALS_FILE), options.warn);
  const { keychain, reason } = await (options.openKeychain ?? openKeychain)(options.env ?? process.env);
  if (keychain) return new KeychainCredentialStore(keychain, file);
  return new FileCredentialStore(file, `the OS keychain is not available: ${reason ?? 'unknown reason'}`);
}

class KeychainCredentialStore implements CredentialStore {
  kind: CredentialStoreKind = 'keychain';
  reason = 'the OS keychain answered (keytar)';
  readonly #keychain: Keychain;
  readonly #file: FileCredentials;

  constructor(keychain: Keychain, file: FileCredentials) {
    this.#keychain = keychain;
    this.#file = file;
  }

  get filePath(): string {
    return this.#file.path;
  }

  async load(issuer: string, clientId: string) {
    const secret = await this.#keychain.get(credentialKey(issuer, clientId));
    if (secret !== null) {
      const credentials = parseJson(secret);
      if (credentials) return { credentials, kind: 'keychain' as const };
    }
    const credentials = this.#file.read()[credentialKey(issuer, clientId)];
    return credentials ? { credentials, kind: 'file' as const } : undefined;
  }

  async save(credentials: StoredCredentials): Promise<CredentialStoreKind> {
    const key = credentialKey(credentials.issuer, credentials.clientId);
    try {
      await this.#keychain.set(key, JSON.stringify(credentials));
    } catch (error) {
      // A keychain that reads but will not write (a locked collection) must not waste a completed login.
      this.#file.put(key, credentials);
      this.kind = 'file';
      this.reason = `the OS keychain refused to store them (${(error as Error).message.split('\n')[0]})`;
      return 'file';
    }
    // No stale copy stays behind in the weaker store.
    this.#file.remove(key);
    return 'keychain';
  }

  async delete(issuer: string, clientId: string): Promise<boolean> {
    const key = credentialKey(issuer, clientId);
    const fromKeychain = await this.#keychain.delete(key);
    return this.#file.remove(key) || fromKeychain;
  }
}

class FileCredentialStore implements CredentialStore {
  readonly kind = 'file';
  readonly reason: string;
  readonly #file: FileCredentials;

  constructor(file: FileCredentials, reason: string) {
    this.#file = file;
    this.reason = reason;
  }

  get filePath(): string {
    return this.#file.path;
  }

  async load(issuer: string, clientId: string) {
    const credentials = this.#file.read()[credentialKey(issuer, clientId)];
    return credentials ? { credentials, kind: 'file' as const } : undefined;
  }

  async save(credentials: StoredCredentials): Promise<CredentialStoreKind> {
    this.#file.put(credentialKey(credentials.issuer, credentials.clientId), credentials);
    return 'file';
  }

  async delete(issuer: string, clientId: string): Promise<boolean> {
    return this.#file.remove(credentialKey(issuer, clientId));
  }
}

/** The 0600 file: `{ "version": 1, "credentials": { "<issuer> <client id>": {...} } }`. */
class FileCredentials {
  readonly path: string;
  readonly #warn: ((message: string) => void) | undefined;

  constructor(path: string, warn?: (message: string) => void) {
    this.path = path;
    this.#warn = warn;
  }

  read(): Record<string, StoredCredentials> {
    let fd: number;
    try {
      fd = openSync(this.path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw new GuardError('GUARD_CREDENTIALS_UNAVAILABLE', `cannot read ${this.path}: ${(error as Error).message} — check its permissions or delete it and run \`mcp-guard login\``, { cause: error });
    }
    let text: string;
    try {
      const stat = fstatSync(fd);
      if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) {
        throw new GuardError('GUARD_CREDENTIALS_UNAVAILABLE', `${this.path} belongs to another user (uid ${stat.uid}); refusing to use it — delete it and run \`mcp-guard login\``);
      }
      if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
        // Someone (a copy, an unzip, a umask) widened the file; close the gap before using it.
        chmodSync(this.path, 0o600);
        this.#warn?.(`${this.path} was readable by others (mode ${(stat.mode & 0o777).toString(8)}); set it to 0600 — if others could read it, run \`mcp-guard logout\` and \`mcp-guard login\``);
      }
      text = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      this.#warn?.(`${this.path} is not valid JSON; ignoring it — run \`mcp-guard login\` to replace it`);
      return {};
    }
    const entries = (parsed as { credentials?: unknown } | null)?.credentials;
    const result: Record<string, StoredCredentials> = {};
    if (typeof entries !== 'object' || entries === null) return result;
    for (const [key, value] of Object.entries(entries)) {
      const credentials = parseStoredCredentials(value);
      if (credentials) result[key] = credentials;
    }
    return result;
  }

  put(key: string, credentials: StoredCredentials): void {
    const entries = this.read();
    entries[key] = credentials;
    this.#write(entries);
  }

  remove(key: string): boolean {
    const entries = this.read();
    if (!(key in entries)) return false;
    delete entries[key];
    if (Object.keys(entries).length === 0) rmSync(this.path, { force: true });
    else this.#write(entries);
    return true;
  }

  #write(entries: Record<string, StoredCredentials>): void {
    const dir = join(this.path, '..');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Write then rename: a crash never leaves half a file; the temporary is 0600 from its first byte.
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify({ version: 1, credentials: entries }, null, 2)}\n`, { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, this.path);
  }
}

function parseJson(text: string): StoredCredentials | undefined {
  try {
    return parseStoredCredentials(JSON.parse(text));
  } catch {
    return undefined;
  }
}
