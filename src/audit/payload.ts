/**
 * Turns a payload into what the audit trail may hold: secrets removed, then
 * masked with the audit masking policy, then cut to a digest when too large.
 * Pure.
 */
import { createHash } from 'node:crypto';
import { MAX_PAYLOAD_BYTES, type PayloadDigest } from './event.js';
import { scrubSecrets } from './secrets.js';

/** The audit masking policy's `maskValue`: masks personal data in any JSON value and counts what it found. */
export type Masker = (value: unknown) => { value: unknown; findings: Record<string, number> };

const EXCERPT_CHARS = 2000;

export function preparePayload(value: unknown, mask: Masker | undefined, maxBytes: number = MAX_PAYLOAD_BYTES): { value: unknown; findings: Record<string, number> } {
  if (value === undefined) return { value: undefined, findings: {} };
  const scrubbed = scrubSecrets(value);
  const masked = mask ? mask(scrubbed) : { value: scrubbed, findings: {} };
  const json = JSON.stringify(masked.value) ?? 'null';
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes <= maxBytes) return { value: masked.value, findings: { ...masked.findings } };
  const digest: PayloadDigest = {
    truncated: true,
    bytes,
    sha256: createHash('sha256').update(json, 'utf8').digest('hex'),
    excerpt: json.slice(0, EXCERPT_CHARS),
  };
  return { value: digest, findings: { ...masked.findings } };
}
