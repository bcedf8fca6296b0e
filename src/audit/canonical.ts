/**
 * RFC 8785 (JSON Canonicalization Scheme) through the `canonicalize` package:
 * the one byte form that event hashes and batch signatures are computed over.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8785
 */
// A namespace: `hash` is missing before Node 20.12, and a named import of it would not link there.
import * as crypto from 'node:crypto';
import canonicalizeModule from 'canonicalize';

type Serialize = (input: unknown) => string | undefined;

// The package is CommonJS but its typings declare an ESM default export, so
// TypeScript types the default import as `{ default }` while Node hands us the
// function itself; accept either.
const loaded = canonicalizeModule as unknown as Serialize | { default: Serialize };
const serialize: Serialize = typeof loaded === 'function' ? loaded : loaded.default;

/** Canonical JSON text of `value`. Throws on values JSON cannot represent (NaN, Infinity, a bare `undefined`). */
export function canonicalJson(value: unknown): string {
  const text = serialize(value);
  if (text === undefined) throw new TypeError('cannot canonicalize undefined');
  return text;
}

/** Hex SHA-256 of the canonical JSON of `value`. */
export function canonicalHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}

/**
 * One call of `crypto.hash` where Node has it (20.12+): ~1.3 µs for an
 * event-sized text instead of ~2 µs through a Hash object.
 */
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function' ? (text) => crypto.hash('sha256', text, 'hex') : (text) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');
