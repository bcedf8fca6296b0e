/**
 * The hash chain: pure functions that turn event bodies into chained events
 * and recompute an event's hash. No I/O.
 *
 * @see ./event.ts for the envelope and what `hash` covers
 */
import { canonicalHash } from './canonical.js';
import { EVENT_VERSION, GENESIS, type AuditEvent, type EventBody } from './event.js';

/** Where a session's chain stands: the last event's seq and hash. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** The head of a chain that has no event yet. */
export const EMPTY_CHAIN: ChainHead = Object.freeze({ seq: 0, hash: GENESIS });

/** The hash an event must carry: SHA-256 over the canonical JSON of the event without `hash`. */
export function computeEventHash(event: Omit<AuditEvent, 'hash'> | AuditEvent): string {
  const { hash: _ignored, ...rest } = event as AuditEvent;
  return canonicalHash(rest);
}

/**
 * Appends one event after `head`: assigns the next seq, links `prev`, and
 * computes `hash`. Returns the event and the new head.
 */
export function chainEvent(head: ChainHead, session: string, ts: number, body: EventBody): { event: AuditEvent; head: ChainHead } {
  const event = { v: EVENT_VERSION, seq: head.seq + 1, ts, session, prev: head.hash, ...body } as AuditEvent;
  // Hashed before it has a hash, then given it (as its last member): one object per event, not three copies.
  event.hash = canonicalHash(event);
  return { event, head: { seq: event.seq, hash: event.hash } };
}
