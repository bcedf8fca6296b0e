/**
 * The organisation key behind pseudonyms. Same key → same token for a value,
 * so every installation of one organisation must share it (config or
 * environment); a lone installation gets its own, generated once.
 *
 * @see ../../../shared/DESIGN.md "Masking"
 */
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GuardError } from '../errors.js';

const KEY_FILE = 'masking.key';
/** HMAC-SHA256 keys shorter than this are guessable; 32 bytes are generated. */
const MIN_BYTES = 16;

/** Decodes a key written as hex or base64 (standard or url-safe). Throws GUARD_MASK_CONFIG when short or malformed. */
export function decodeMaskingKey(text: string, source: string): Uint8Array {
  const trimmed = text.trim();
  let bytes: Buffer;
  if (/^(?:[0-9a-fA-F]{2})+$/.test(trimmed)) bytes = Buffer.from(trimmed, 'hex');
  else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) bytes = Buffer.from(trimmed, 'base64');
  else throw new GuardError('GUARD_MASK_CONFIG', `${source}: expected the masking key as hex or base64 — generate one with \`openssl rand -hex 32\``);
  if (bytes.length < MIN_BYTES) {
    throw new GuardError('GUARD_MASK_CONFIG', `${source}: masking key has ${bytes.length} bytes, expected at least ${MIN_BYTES} — generate one with \`openssl rand -hex 32\``);
  }
  return new Uint8Array(bytes);
}

/**
 * The pseudonym key: `MCP_GUARD_MASKING_KEY`, else the configured
 * `maskingKey`, else `<home>/masking.key`, generated on first use with mode
 * 0600. Two processes starting at once agree on one key: each writes a
 * complete temporary file and hard-links it into place (which fails if the
 * other won), then both read the winner's file.
 * Throws GUARD_MASK_CONFIG for a malformed key and for key-file problems (with the path).
 */
export function loadMaskingKey(options: { home: string; configured?: string; env?: NodeJS.ProcessEnv }): Uint8Array {
  const fromEnv = (options.env ?? process.env).MCP_GUARD_MASKING_KEY;
  if (fromEnv !== undefined && fromEnv !== '') return decodeMaskingKey(fromEnv, 'MCP_GUARD_MASKING_KEY');
  if (options.configured !== undefined && options.configured !== '') return decodeMaskingKey(options.configured, 'config maskingKey');
  const path = join(options.home, KEY_FILE);
  const existing = readKeyFile(path);
  if (existing !== null) return existing;
  try {
    mkdirSync(options.home, { recursive: true, mode: 0o700 });
    const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(temporary, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    try {
      linkSync(temporary, path);
    } catch (error) {
      // Another process created the key first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(temporary);
    }
  } catch (error) {
    throw new GuardError('GUARD_MASK_CONFIG', `cannot create the masking key ${path}: ${(error as Error).message} — check that ${options.home} is writable, or set MCP_GUARD_MASKING_KEY`, { cause: error });
  }
  const created = readKeyFile(path);
  if (created === null) throw new GuardError('GUARD_MASK_CONFIG', `masking key ${path} vanished after it was created — check what deletes files in ${options.home}`);
  return created;
}

function readKeyFile(path: string): Uint8Array | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new GuardError('GUARD_MASK_CONFIG', `cannot read the masking key ${path}: ${(error as Error).message}`, { cause: error });
  }
  return decodeMaskingKey(text, path);
}
