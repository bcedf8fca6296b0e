/**
 * The audit event schema, version 1. Every line of a session's spool file is
 * one JSON record: an event (this file), a signed batch, or a seal (see
 * `batch.ts`).
 *
 * Every event has the envelope `{ v, seq, ts, session, type, prev, hash }`:
 * `seq` counts from 1 within the session, `ts` is epoch milliseconds, `prev`
 * is the `hash` of the previous event of the session (`GENESIS` for the
 * first), and `hash` is the SHA-256 of the RFC 8785 canonical JSON of the
 * event without its `hash` member.
 *
 * Event types:
 * - `session-start`: identity (sub, email, groups, roles, issuer, verified),
 *   `identityProblem`, host, pid, server command, protocol version when
 *   already known, policy name and hash, whether payloads are masked,
 *   mcp-guard version, durability.
 * - `request` (strict durability only): a request recorded, and fsynced,
 *   before it was forwarded; its `call` event follows later and names it
 *   in `requestSeq`.
 * - `call`: one request/response pair in either direction: method, tool,
 *   decision and rule, masked params and result (or error), findings,
 *   duration, and `outcome` — `answered` (the other side replied),
 *   `denied` (mcp-guard replied itself; the other side never saw the
 *   request), `withheld` (the response was replaced by mcp-guard's reply,
 *   `resultDecision` says why), or `unanswered` (the session ended first).
 *   `result` is what was sent on to the requester (after any masking for
 *   the client), masked again for the trail.
 * - `notification`: a notification that matters (all but progress, which is
 *   only counted): method, masked params, whether it was forwarded.
 * - `bad-input`: a line that never became a message: problem, size,
 *   direction (never its content).
 * - `session-end`: exit status, signal, counts.
 *
 * Payloads are scrubbed of secrets and masked with the audit masking policy
 * before they reach an event; payloads larger than `MAX_PAYLOAD_BYTES` are
 * replaced by a `PayloadDigest`.
 *
 * @see ../../../shared/DESIGN.md "Audit trail"
 */

import type { Identity } from '../identity/identity.js';

export const EVENT_VERSION = 1;

/** `prev` of the first event of a session. */
export const GENESIS = '0'.repeat(64);

/** Masked payloads above this size (bytes of JSON) are recorded as a digest with an excerpt. */
export const MAX_PAYLOAD_BYTES = 256 * 1024;

export type EventType = 'session-start' | 'request' | 'call' | 'notification' | 'bad-input' | 'session-end';

/** The identity as recorded: what the policy saw, never a token (fields named, so the schema changes only on purpose). */
export type RecordedIdentity = Pick<Identity, 'sub' | 'email' | 'name' | 'groups' | 'roles' | 'issuer' | 'verified'>;

export interface RecordedDecision {
  action: 'allow' | 'deny' | 'approve';
  rule: string;
  reason?: string;
}

/** Stands in for a payload too large to record whole. */
export interface PayloadDigest {
  truncated: true;
  /** Size of what `sha256` covers. */
  bytes: number;
  /** SHA-256 of the masked payload's JSON, or with `of: 'message'` of the whole message line as forwarded. */
  sha256: string;
  /** The first characters of the masked payload's JSON. */
  excerpt: string;
  /**
   * `message`: the digest covers the forwarded message line (already masked
   * for the trail, or under a policy that does not mask the trail), which
   * spares re-serialising a multi-megabyte payload.
   */
  of?: 'message';
}

/**
 * Stands in for binary content of a result (an image's or audio's `data`, a
 * resource's `blob`) in a trail that masks: masking cannot read base64, so
 * the trail keeps what proves what passed, not the content.
 */
export interface BinaryDigest {
  omitted: 'binary';
  /** Characters of the base64 text. */
  base64Chars: number;
  /** SHA-256 of the base64 text as sent (UTF-8). */
  sha256: string;
}

export interface EventEnvelope {
  v: typeof EVENT_VERSION;
  seq: number;
  ts: number;
  session: string;
  type: EventType;
  prev: string;
  hash: string;
}

export interface SessionStartBody {
  type: 'session-start';
  identity: RecordedIdentity | null;
  identityProblem?: string;
  host: string;
  pid: number;
  server: string[];
  protocolVersion?: string;
  client?: { name?: string; version?: string };
  policy: { name: string; hash: string };
  /** True when payloads in this session's events are masked under the audit masking policy. */
  auditMasked: boolean;
  version: string;
  durability: 'default' | 'strict';
}

export interface RequestBody {
  type: 'request';
  direction: 'to-server' | 'to-client';
  id: string | number;
  method: string;
  tool?: string;
  user: string | null;
  decision?: RecordedDecision;
  params?: unknown;
}

export interface CallBody {
  type: 'call';
  direction: 'to-server' | 'to-client';
  id: string | number;
  method: string;
  tool?: string;
  user: string | null;
  outcome: 'answered' | 'denied' | 'withheld' | 'unanswered';
  decision?: RecordedDecision;
  /** A decision taken on the response (e.g. the bulk guard), when there was one. */
  resultDecision?: RecordedDecision;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
  /** A problem an interceptor noted (`notes.error`). */
  problem?: string;
  /** Findings in what was sent on (from the interceptors' notes), type → count. */
  findings?: Record<string, number>;
  /** Findings the audit masking removed from this event's payloads, type → count. */
  maskedInTrail?: Record<string, number>;
  durationMs?: number;
  /** The `request` event of this call (strict durability). */
  requestSeq?: number;
  /** For `initialize`: the protocol version the server answered with. */
  protocolVersion?: string;
  serverInfo?: { name?: string; version?: string };
  approval?: unknown;
}

export interface NotificationBody {
  type: 'notification';
  direction: 'to-server' | 'to-client';
  method: string;
  user: string | null;
  forwarded: boolean;
  decision?: RecordedDecision;
  params?: unknown;
  findings?: Record<string, number>;
  maskedInTrail?: Record<string, number>;
}

export interface BadInputBody {
  type: 'bad-input';
  direction: 'to-server' | 'to-client';
  problem: string;
  bytes: number;
  id?: string | number;
}

export interface SessionEndBody {
  type: 'session-end';
  exitCode: number;
  signal?: string;
  counts: Record<string, number>;
  protocolVersion?: string;
  durationMs: number;
}

export type EventBody = SessionStartBody | RequestBody | CallBody | NotificationBody | BadInputBody | SessionEndBody;

/** A recorded event: envelope plus the body of its type. */
export type AuditEvent = EventEnvelope & EventBody;
