/**
 * Verification of one session file, pure: recomputes every event hash and
 * chain link, checks every batch and seal signature against the keys this
 * device trusts, and checks that nothing is missing at the end. Stops at the
 * first problem and names it.
 *
 * Trust model: the signature covers the batch (the events' hashes, hence the
 * chain); a record signed with a key that is not this device's is
 * `unknown-key` even when its signature is valid, since anyone can re-sign a
 * doctored file with a key of their own. Cutting events off the end is
 * caught by the seal (signed total counts) and by the session index, which
 * records the count and last hash when a session ends.
 */
import { hasValidSignature, type BatchRecord, type SealRecord } from './batch.js';
import { computeEventHash, EMPTY_CHAIN, type ChainHead } from './chain.js';
import type { AuditEvent } from './event.js';
import { isEvent, parseRecord } from './spool.js';

export type VerifyProblem = 'modified' | 'missing' | 'reordered' | 'bad-signature' | 'unknown-key' | 'truncated';

export interface VerifyResult {
  ok: boolean;
  /** Events that verified (all of them when `ok`). */
  events: number;
  /**
   * `ended`: sealed at the end of the session. `recovered`: sealed by a
   * later start after a crash. `running`: its wrapper is still running (the
   * newest events may not be signed yet). `unsealed`: no seal and no
   * running wrapper.
   */
  state: 'ended' | 'recovered' | 'running' | 'unsealed';
  batches: number;
  /** Events after the last signed batch (only while running). */
  unsignedEvents: number;
  /** For a recovered session: bytes of a torn tail that the recovery cut off. */
  tornBytes?: number;
  firstBad?: { seq: number; problem: VerifyProblem; detail: string };
}

export interface VerifyContext {
  /** Key id → raw public key (base64url) of the keys this device trusts. */
  knownKeys: ReadonlyMap<string, string>;
  /** What the session index recorded at the end or recovery of the session, if anything. */
  closed?: { events: number; lastHash: string };
  /** True when the session's wrapper is still running. */
  running: boolean;
}

class Failure extends Error {
  constructor(
    readonly seq: number,
    readonly problem: VerifyProblem,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** Verifies the lines of one session file (`torn`: bytes after its last newline, if any). */
export function verifyRecords(session: string, lines: readonly string[], torn: Buffer | null, context: VerifyContext): VerifyResult {
  const records = lines.map(parseRecord);
  let head: ChainHead = EMPTY_CHAIN;
  let events = 0;
  let batches = 0;
  let uncovered: AuditEvent[] = [];
  let seal: SealRecord | undefined;

  const result = (state: VerifyResult['state'], failure?: Failure): VerifyResult => ({
    ok: failure === undefined,
    events,
    state,
    batches,
    unsignedEvents: uncovered.length,
    ...(seal?.tornBytes ? { tornBytes: seal.tornBytes } : {}),
    ...(failure ? { firstBad: { seq: failure.seq, problem: failure.problem, detail: failure.detail } } : {}),
  });

  try {
    for (let index = 0; index < records.length; index += 1) {
      const record = records[index];
      const line = index + 1;
      const next = head.seq + 1;
      if (!record) throw new Failure(next, 'modified', `line ${line} is not a JSON record (expected event ${next} or a batch record)`);
      if (seal) throw new Failure(next, 'modified', `line ${line} follows the seal record, which must be last`);
      if (record.session !== session) throw new Failure(next, 'modified', `line ${line} belongs to session ${String(record.session)}, not ${session}`);
      if (isEvent(record)) {
        checkEvent(record, head, line, records, index);
        head = { seq: record.seq, hash: record.hash };
        events += 1;
        uncovered.push(record);
      } else if (record.rec === 'batch') {
        checkBatch(record, batches, uncovered, context, line);
        batches = record.batch;
        uncovered = [];
      } else if (record.rec === 'seal') {
        checkSignature(record, context, `the seal record (line ${line})`, next);
        if (uncovered.length > 0) {
          throw new Failure((uncovered[0] as AuditEvent).seq, 'modified', `events ${(uncovered[0] as AuditEvent).seq}–${head.seq} are not covered by any signed batch`);
        }
        if (record.lastSeq > head.seq || record.events > events || record.batches > batches) {
          throw new Failure(next, 'missing', `the seal records ${record.events} events up to ${record.lastSeq} in ${record.batches} batches; the file has ${events} up to ${head.seq} in ${batches}`);
        }
        if (record.lastSeq !== head.seq || record.lastHash !== head.hash || record.events !== events || record.batches !== batches) {
          throw new Failure(head.seq, 'modified', `the seal records ${record.events} events ending with ${record.lastSeq} (${record.lastHash.slice(0, 12)}); the file has ${events} ending with ${head.seq} (${head.hash.slice(0, 12)})`);
        }
        seal = record;
      } else {
        throw new Failure(next, 'modified', `line ${line} is an unknown record kind ${JSON.stringify((record as { rec?: unknown }).rec)}`);
      }
    }

    if (torn && !context.running) {
      throw new Failure(head.seq + 1, 'truncated', `the file ends in a partial line of ${torn.length} bytes after event ${head.seq}`);
    }
    if (context.closed) {
      if (context.closed.events > events || !seal) {
        throw new Failure(head.seq + 1, 'truncated', `the session closed with ${context.closed.events} events; the file stops after event ${head.seq}${seal ? '' : ' without its seal'}`);
      }
      if (context.closed.lastHash !== seal.lastHash) {
        throw new Failure(head.seq, 'modified', `the session index records a different last event hash (${context.closed.lastHash.slice(0, 12)}) than the file (${seal.lastHash.slice(0, 12)})`);
      }
    }
    if (seal) return result(seal.reason);
    if (context.running) return result('running');
    throw new Failure(head.seq + 1, 'truncated', `the file stops after event ${head.seq} without a seal: it was cut off, or its wrapper crashed and no mcp-guard started since to repair it`);
  } catch (error) {
    if (!(error instanceof Failure)) throw error;
    return result(seal ? seal.reason : context.running ? 'running' : 'unsealed', error);
  }
}

function checkEvent(event: AuditEvent, head: ChainHead, line: number, records: readonly (ReturnType<typeof parseRecord>)[], index: number): void {
  const expected = head.seq + 1;
  if (event.v !== 1 || !Number.isInteger(event.seq) || typeof event.hash !== 'string') {
    throw new Failure(expected, 'modified', `line ${line} is not a version 1 event`);
  }
  let recomputed: string;
  try {
    recomputed = computeEventHash(event);
  } catch {
    recomputed = '';
  }
  if (recomputed !== event.hash) throw new Failure(event.seq, 'modified', `event ${event.seq} (line ${line}) does not match its hash: its content was changed`);
  if (event.seq < expected) {
    throw new Failure(event.seq, 'reordered', `event ${event.seq} (line ${line}) comes after event ${head.seq}`);
  }
  if (event.seq > expected) {
    const later = records.slice(index + 1).some((record) => record !== null && isEvent(record) && record.seq === expected);
    if (later) throw new Failure(expected, 'reordered', `event ${event.seq} (line ${line}) comes before event ${expected}`);
    throw new Failure(expected, 'missing', event.seq === expected + 1 ? `event ${expected} is missing` : `events ${expected}–${event.seq - 1} are missing`);
  }
  if (event.prev !== head.hash) {
    throw head.seq === 0
      ? new Failure(event.seq, 'modified', `event ${event.seq} (line ${line}) does not start the chain`)
      : new Failure(head.seq, 'modified', `event ${event.seq} does not link to event ${head.seq}: event ${head.seq} was replaced`);
  }
}

function checkSignature(record: BatchRecord | SealRecord, context: VerifyContext, what: string, seq: number): void {
  const trusted = context.knownKeys.get(record.keyId);
  if (trusted === undefined || trusted !== record.publicKey) {
    throw new Failure(seq, 'unknown-key', `${what} is signed with key ${String(record.keyId)}, which is not this device's key`);
  }
  if (!hasValidSignature(record)) throw new Failure(seq, 'bad-signature', `the signature of ${what} does not verify`);
}

function checkBatch(batch: BatchRecord, previousBatch: number, uncovered: readonly AuditEvent[], context: VerifyContext, line: number): void {
  const first = uncovered[0];
  const firstSeq = first?.seq ?? (typeof batch.firstSeq === 'number' ? batch.firstSeq : 0);
  const what = `batch ${String(batch.batch)} (line ${line})`;
  checkSignature(batch, context, what, firstSeq);
  if (batch.batch <= previousBatch) throw new Failure(firstSeq, 'reordered', `${what} comes after batch ${previousBatch}`);
  if (batch.batch > previousBatch + 1) throw new Failure(firstSeq, 'missing', `batch ${previousBatch + 1} is missing before ${what}`);
  const hashes = Array.isArray(batch.hashes) ? batch.hashes : [];
  if (hashes.length > uncovered.length) {
    throw new Failure((uncovered[uncovered.length - 1]?.seq ?? firstSeq - 1) + 1, 'missing', `${what} signs ${hashes.length} events (${batch.firstSeq}–${batch.lastSeq}) but only ${uncovered.length} precede it`);
  }
  for (let position = 0; position < uncovered.length; position += 1) {
    const event = uncovered[position] as AuditEvent;
    if (hashes[position] !== event.hash) {
      throw new Failure(event.seq, 'modified', `event ${event.seq} is not the event ${what} signed`);
    }
  }
  if (batch.firstSeq !== first?.seq || batch.lastSeq !== uncovered[uncovered.length - 1]?.seq) {
    throw new Failure(firstSeq, 'modified', `${what} names events ${batch.firstSeq}–${batch.lastSeq}, the file has ${first?.seq}–${uncovered[uncovered.length - 1]?.seq}`);
  }
}
