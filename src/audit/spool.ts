/**
 * The spool's layout under `<home>/spool/` and its low-level reads and
 * appends:
 *
 * - `<session>.jsonl`: one append-only file per session (only its own
 *   wrapper appends to it, so concurrent wrappers never share a file); one
 *   JSON record a line — events, `batch` and `seal` records.
 * - `index.jsonl`: the session index, shared by every wrapper of the home.
 *   Each line is written with a single O_APPEND write shorter than PIPE_BUF,
 *   so lines of concurrent wrappers never interleave.
 * - `shipped.jsonl`: batches the shipper delivered (same append rule).
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { GuardError } from '../errors.js';
import type { BatchRecord, SealRecord } from './batch.js';
import type { AuditEvent } from './event.js';

/** Index lines must stay below POSIX PIPE_BUF (4096) so each append is atomic. */
export const MAX_INDEX_LINE_BYTES = 4000;

/** Session ids become file names: keep them to a safe alphabet. */
const SESSION_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Names the spool uses for its own files. */
const RESERVED = new Set(['index', 'shipped']);

export function isValidSessionId(id: string): boolean {
  return SESSION_ID.test(id) && !RESERVED.has(id);
}

export function spoolDir(home: string): string {
  return join(home, 'spool');
}

export function sessionFile(home: string, sessionId: string): string {
  if (!isValidSessionId(sessionId)) {
    throw new GuardError('GUARD_AUDIT_IO', `session id ${JSON.stringify(sessionId)} cannot name a spool file — expected letters, digits, '.', '_' or '-'`);
  }
  return join(spoolDir(home), `${sessionId}.jsonl`);
}

export function indexFile(home: string): string {
  return join(spoolDir(home), 'index.jsonl');
}

export function shippedFile(home: string): string {
  return join(spoolDir(home), 'shipped.jsonl');
}

export function ensureSpoolDir(home: string): void {
  mkdirSync(spoolDir(home), { recursive: true, mode: 0o700 });
}

/** A line of the session index. */
export type IndexRecord =
  | { op: 'start'; session: string; at: number; user: string | null; server: string; pid: number; host: string }
  | { op: 'end'; session: string; at: number; events: number; lastHash: string; exitCode: number }
  | { op: 'recovered'; session: string; at: number; events: number; lastHash: string; tornBytes: number };

/** One record of a session file. */
export type SpoolRecord = AuditEvent | BatchRecord | SealRecord;

export function isEvent(record: SpoolRecord): record is AuditEvent {
  return !('rec' in record);
}

/**
 * Appends one line with a single O_APPEND write and fsyncs it. Lines longer
 * than `MAX_INDEX_LINE_BYTES` are refused (they could interleave).
 */
export function appendLineAtomic(path: string, value: unknown): void {
  const line = Buffer.from(`${JSON.stringify(value)}\n`, 'utf8');
  if (line.length > MAX_INDEX_LINE_BYTES) {
    throw new GuardError('GUARD_AUDIT_IO', `internal: a ${line.length}-byte line for ${path} is too long to append atomically`);
  }
  let fd: number | undefined;
  try {
    fd = openSync(path, 'a', 0o600);
    writeSync(fd, line);
    fsyncSync(fd);
  } catch (error) {
    throw new GuardError('GUARD_AUDIT_IO', `cannot append to ${path}: ${(error as Error).message}`, { cause: error });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Appends a session index line (fields that could be long are cut to fit). */
export function appendIndex(home: string, record: IndexRecord): void {
  ensureSpoolDir(home);
  // Worst case a character takes 6 bytes of JSON (\u escapes): 300 + 100 characters stay far below the limit.
  const fitted = record.op === 'start' ? { ...record, server: cut(record.server, 300), user: record.user === null ? null : cut(record.user, 100) } : record;
  appendLineAtomic(indexFile(home), fitted);
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Reads a JSON-lines file: the complete lines, and the torn tail (bytes after the last newline) if any. Missing file → no lines. */
export function readLines(path: string): { lines: string[]; torn: Buffer | null; size: number } {
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], torn: null, size: 0 };
    throw new GuardError('GUARD_AUDIT_IO', `cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  const end = data.lastIndexOf(0x0a);
  const complete = end < 0 ? '' : data.subarray(0, end).toString('utf8');
  const torn = end + 1 < data.length ? data.subarray(end + 1) : null;
  return { lines: complete === '' ? [] : complete.split('\n'), torn, size: data.length };
}

/** Parses every line of a JSON-lines file that parses; others are skipped (the index and marks files are advisory). */
export function readJsonLines<T>(path: string): T[] {
  const out: T[] = [];
  for (const line of readLines(path).lines) {
    try {
      out.push(JSON.parse(line) as T);
    } catch {
      // A line another process is writing right now, or damage: skip it.
    }
  }
  return out;
}

export function readIndex(home: string): IndexRecord[] {
  return readJsonLines<IndexRecord>(indexFile(home));
}

/** Parses one session-file line; null when it is not a JSON object. */
export function parseRecord(line: string): SpoolRecord | null {
  try {
    const value = JSON.parse(line) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as SpoolRecord) : null;
  } catch {
    return null;
  }
}

/** The records of a session file that parse (for reading, not verifying). */
export function readSessionRecords(home: string, sessionId: string): SpoolRecord[] {
  const out: SpoolRecord[] = [];
  for (const line of readLines(sessionFile(home, sessionId)).lines) {
    const record = parseRecord(line);
    if (record) out.push(record);
  }
  return out;
}

/** The events of a session file, in file order. */
export function readSessionEvents(home: string, sessionId: string): AuditEvent[] {
  return readSessionRecords(home, sessionId).filter(isEvent);
}
