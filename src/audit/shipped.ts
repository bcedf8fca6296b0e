/**
 * Which signed batches have reached the collector. The shipper (collector
 * issue) asks for the batches not shipped yet and marks each one once the
 * collector has stored it. Marks are append-only lines in
 * `<home>/spool/shipped.jsonl`, safe with several wrappers at once.
 */
import type { BatchRecord } from './batch.js';
import type { AuditEvent } from './event.js';
import { appendLineAtomic, ensureSpoolDir, isEvent, readJsonLines, readSessionRecords, shippedFile } from './spool.js';
import { listSessions } from './list-sessions.js';

export interface UnshippedBatch {
  sessionId: string;
  batchSeq: number;
  /** The signed batch record. */
  batch: BatchRecord;
  /** The events it signs, in order. */
  events: AuditEvent[];
}

interface ShippedMark {
  session: string;
  batch: number;
  at: number;
}

function shippedKeys(home: string): Set<string> {
  return new Set(readJsonLines<ShippedMark>(shippedFile(home)).map((mark) => `${mark.session}#${mark.batch}`));
}

/** Signed batches of every session not marked shipped, oldest session first, in batch order. */
export function listUnshippedBatches(home: string): UnshippedBatch[] {
  const shipped = shippedKeys(home);
  const out: UnshippedBatch[] = [];
  for (const session of listSessions(home)) {
    let events: AuditEvent[] = [];
    for (const record of readSessionRecords(home, session.id)) {
      if (isEvent(record)) {
        events.push(record);
      } else if (record.rec === 'batch') {
        if (!shipped.has(`${session.id}#${record.batch}`)) out.push({ sessionId: session.id, batchSeq: record.batch, batch: record, events });
        events = [];
      }
    }
  }
  return out;
}

/** Records that batch `batchSeq` of `sessionId` was delivered. Idempotent in effect (a duplicate mark changes nothing). */
export function markShipped(home: string, sessionId: string, batchSeq: number, clock: () => number = Date.now): void {
  ensureSpoolDir(home);
  appendLineAtomic(shippedFile(home), { session: sessionId, batch: batchSeq, at: clock() } satisfies ShippedMark);
}
