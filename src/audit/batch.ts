/**
 * Signed records that sit between the events of a spool file:
 *
 * - a `batch` record after each group of events the writer flushed: the
 *   events' seq range and hashes, signed with the device key. Because the
 *   signature covers every hash, and every hash covers its `prev`, a batch
 *   signature vouches for the whole chain up to its last event.
 * - a `seal` record, last in the file, when the session ended (`ended`) or
 *   when a later start found it crashed and repaired it (`recovered`): the
 *   total counts, so that cutting events off the end is detectable.
 *
 * The signature is over the canonical JSON of the record without `sig`, so
 * the key id and public key are covered too. Pure; no I/O.
 */
import { canonicalJson } from './canonical.js';
import type { Signer } from './signer.js';
import { verifySignature } from './signer.js';

export interface BatchRecord {
  rec: 'batch';
  v: 1;
  session: string;
  /** Counts from 1 within the session. */
  batch: number;
  firstSeq: number;
  lastSeq: number;
  /** The events' hashes, in seq order. */
  hashes: string[];
  at: number;
  /** Set on the batch a recovery signed for events a crashed writer left unsigned. */
  recovered?: true;
  keyId: string;
  publicKey: string;
  sig: string;
}

export interface SealRecord {
  rec: 'seal';
  v: 1;
  session: string;
  reason: 'ended' | 'recovered';
  at: number;
  /** Events in the file. */
  events: number;
  /** Batches in the file. */
  batches: number;
  lastSeq: number;
  lastHash: string;
  /** Recovery only: bytes of the torn last line that were cut off, and their SHA-256. */
  tornBytes?: number;
  tornSha256?: string;
  keyId: string;
  publicKey: string;
  sig: string;
}

export type SignedRecord = BatchRecord | SealRecord;

type Unsigned<T extends SignedRecord> = Omit<T, 'keyId' | 'publicKey' | 'sig'>;

/** Signs a batch or seal record with `signer`. */
export function signRecord<T extends SignedRecord>(record: Unsigned<T>, signer: Signer): T {
  const withKey = { ...record, keyId: signer.keyId, publicKey: signer.publicKey };
  return { ...withKey, sig: signer.sign(canonicalJson(withKey)) } as T;
}

/** True when the record's signature verifies with the public key it names. Does not decide whether that key is trusted. */
export function hasValidSignature(record: SignedRecord): boolean {
  const { sig, ...rest } = record;
  if (typeof sig !== 'string' || typeof rest.publicKey !== 'string') return false;
  let text: string;
  try {
    text = canonicalJson(rest);
  } catch {
    return false;
  }
  return verifySignature(rest.publicKey, text, sig);
}
