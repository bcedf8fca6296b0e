/**
 * Turns a payload into what the audit trail may hold: secrets removed, then
 * masked with the audit masking policy, then cut to a digest when too large.
 * Pure.
 */
import { createHash } from 'node:crypto';
import { MAX_PAYLOAD_BYTES, type BinaryDigest, type PayloadDigest } from './event.js';
import { mapItems, mapMembers } from '../lib/copy-on-write.js';
import { addCounts } from '../lib/counts.js';
import { isBinaryMember, type Wire } from '../proxy/interceptor.js';
import { WireDigest } from '../proxy/wire-digest.js';
import { scrubSecrets } from './secrets.js';

/** The audit masking policy's `maskValue`: masks personal data in any JSON value and counts what it found. */
export type Masker = (value: unknown) => { value: unknown; findings: Record<string, number> };

const EXCERPT_CHARS = 2000;

/**
 * `wire` is the whole message line as it was forwarded, when the caller has
 * it. When it is too large to record and no masking is done, or masking
 * and scrubbing change nothing in the payload, the digest covers the line
 * as it was sent instead of a re-serialised copy of the payload. A wire in parts
 * (or kept as its digest alone) is a message whose long strings were kept as bytes
 * (`proxy/long-strings.ts`): its parsed value holds notes of them, so it is
 * recorded as the wire's digest whatever its size.
 */
export function preparePayload(
  value: unknown,
  mask: Masker | undefined,
  maxBytes: number = MAX_PAYLOAD_BYTES,
  wire?: Wire,
): { value: unknown; findings: Record<string, number> } {
  if (value === undefined) return { value: undefined, findings: {} };
  const scrubbed = scrubSecrets(value);
  const masked = mask ? mask(scrubbed) : { value: scrubbed, findings: {} };
  const findings = { ...masked.findings };
  const inParts = wireInParts(wire);
  // The line as sent stands for a payload recorded as it was sent (a secret scrubbed out counts as a change only where the trail masks).
  if (wire !== undefined && (!mask || inParts || masked.value === value)) {
    const bytes = wireBytes(wire);
    if (bytes > maxBytes || inParts) {
      // The excerpt is of the parsed value, masked.
      const digest: PayloadDigest = { truncated: true, bytes, sha256: wireSha256(wire), excerpt: boundedJson(masked.value, EXCERPT_CHARS), of: 'message' };
      return { value: digest, findings };
    }
  }
  // Most payloads are far below the limit: a bound proves it without serializing them.
  if (jsonBytesLeft(masked.value, maxBytes) >= 0) return { value: masked.value, findings };
  const json = JSON.stringify(masked.value) ?? 'null';
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes <= maxBytes) return { value: masked.value, findings };
  const digest: PayloadDigest = {
    truncated: true,
    bytes,
    sha256: createHash('sha256').update(json, 'utf8').digest('hex'),
    excerpt: json.slice(0, EXCERPT_CHARS),
  };
  return { value: digest, findings };
}

/** Deeper than this, `rewriteMembers` stops walking (the walk is recursive, the input untrusted). */
const MAX_REWRITE_DEPTH = 64;
/** What `rewriteMembers`'s `replace` returns to go into a member rather than replace it. */
const WALK_INTO = Symbol('walk into');

/**
 * `value` with members replaced wherever they stand: `replace` gives a
 * member's new value, or `WALK_INTO` to look inside it. Copies only where
 * something changed; a value nested deeper than MAX_REWRITE_DEPTH becomes
 * `tooDeep(value)`.
 */
function rewriteMembers(value: unknown, replace: (key: string, member: unknown, parent: Record<string, unknown>) => unknown, tooDeep: (value: unknown) => unknown): unknown {
  const walk = (node: unknown, level: number): unknown => {
    if (node === null || typeof node !== 'object') return node;
    if (level > MAX_REWRITE_DEPTH) return tooDeep(node);
    if (Array.isArray(node)) return mapItems(node as unknown[], (item) => walk(item, level + 1));
    const parent = node as Record<string, unknown>;
    return mapMembers(parent, (key, member) => {
      const replaced = replace(key, member, parent);
      return replaced === WALK_INTO ? walk(member, level + 1) : replaced;
    });
  };
  return walk(value, 0);
}

/**
 * Masks the members under `keys` wherever they stand in `value` (the rest is
 * masked already); a value nested too deep is masked whole.
 */
export function maskMembers(value: unknown, keys: ReadonlySet<string>, mask: Masker): { value: unknown; findings: Record<string, number> } {
  const findings: Record<string, number> = {};
  const masked = (member: unknown): unknown => {
    const result = mask(member);
    addCounts(findings, result.findings);
    return result.value;
  };
  return { value: rewriteMembers(value, (key, member) => (keys.has(key) ? masked(member) : WALK_INTO), masked), findings };
}

/** `value` (a result) with its binary content (`isBinaryMember`) replaced by `BinaryDigest`s. */
export function digestBinary(value: unknown): unknown {
  return rewriteMembers(value, (key, member, parent) => (isBinaryMember(key, member, parent) ? binaryDigest(member as string) : WALK_INTO), (node) => node);
}

function binaryDigest(base64: string): BinaryDigest {
  return { omitted: 'binary', base64Chars: base64.length, sha256: createHash('sha256').update(base64, 'utf8').digest('hex') };
}

/** The size in bytes of a message line as written: whole (bytes or text), in parts, or digested. */
export function wireBytes(wire: Wire): number {
  if (typeof wire === 'string') return Buffer.byteLength(wire, 'utf8');
  if (Buffer.isBuffer(wire)) return wire.length;
  if (wire instanceof WireDigest) return wire.bytes;
  let bytes = 0;
  for (const part of wire as readonly Buffer[]) bytes += part.length;
  return bytes;
}

/** Whether a message line came in parts (or as their digest): a message whose long strings were kept as bytes. */
export function wireInParts(wire: Wire | undefined): boolean {
  return Array.isArray(wire) || wire instanceof WireDigest;
}

function wireSha256(wire: Wire): string {
  if (wire instanceof WireDigest) return wire.sha256();
  const hash = createHash('sha256');
  for (const part of Array.isArray(wire) ? (wire as readonly Buffer[]) : [wire as Buffer | string]) hash.update(part);
  return hash.digest('hex');
}

/** Longest JSON of a character (`\u001f`), and of a number (`-1.7976931348623157e+308`). */
const MAX_CHAR_BYTES = 6;
const MAX_NUMBER_BYTES = 24;

/**
 * What is left of `budget` after the UTF-8 bytes of `JSON.stringify(value)`
 * at their most (every character at its longest escape); negative once it
 * runs out, where the walk stops. A bound, not a size: negative means "maybe
 * more", and the caller measures. Values whose JSON is not their own
 * (`toJSON`, a bigint) count as too large.
 */
export function jsonBytesLeft(value: unknown, budget: number): number {
  switch (typeof value) {
    case 'string':
      return budget - (value.length * MAX_CHAR_BYTES + 2);
    case 'number':
      return budget - MAX_NUMBER_BYTES;
    case 'bigint':
      return -1;
    case 'object':
      break;
    default:
      // true, false, or what JSON writes as null or leaves out.
      return budget - 5;
  }
  if (value === null) return budget - 4;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return -1;
  let left = budget - 2;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length && left >= 0; i += 1) left = jsonBytesLeft(value[i], left - 1);
    return left;
  }
  // for-in also counts inherited enumerable members, which JSON leaves out: still a bound.
  for (const key in value) {
    if (left < 0) break;
    left = jsonBytesLeft((value as Record<string, unknown>)[key], left - (key.length * MAX_CHAR_BYTES + 4));
  }
  return left;
}

/** JSON of `value`, cut at about `limit` characters without serialising the rest. */
export function boundedJson(value: unknown, limit: number): string {
  let out = '';
  const visit = (node: unknown): void => {
    if (out.length >= limit) return;
    if (typeof node === 'string') {
      out += JSON.stringify(node.length > limit ? node.slice(0, limit) : node);
    } else if (Array.isArray(node)) {
      out += '[';
      for (let i = 0; i < node.length && out.length < limit; i += 1) {
        if (i > 0) out += ',';
        visit(node[i]);
      }
      out += ']';
    } else if (typeof node === 'object' && node !== null) {
      out += '{';
      let first = true;
      for (const [key, child] of Object.entries(node)) {
        if (out.length >= limit) break;
        if (child === undefined) continue;
        out += `${first ? '' : ','}${JSON.stringify(key)}:`;
        first = false;
        visit(child);
      }
      out += '}';
    } else {
      out += JSON.stringify(node) ?? 'null';
    }
  };
  visit(value);
  return out.slice(0, limit);
}
