/**
 * Crash recovery. A wrapper killed with SIGKILL leaves its session file
 * without a seal, perhaps with a torn last line (a write cut short) and
 * events written without their batch record. The next start of any wrapper,
 * or of `sessions`/`verify`, repairs such files: it cuts the torn tail off,
 * signs the complete events that chain correctly in a `recovered` batch, and
 * appends a `seal` record with reason `recovered` naming the bytes it cut, so
 * what happened stays on the record.
 *
 * A session is only repaired when the index shows it started on this host,
 * never ended, and its process is gone.
 */
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, ftruncateSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { signRecord, type BatchRecord, type SealRecord } from './batch.js';
import { computeEventHash, EMPTY_CHAIN, type ChainHead } from './chain.js';
import type { AuditEvent } from './event.js';
import type { Signer } from './signer.js';
import { appendIndex, isEvent, parseRecord, readIndex, readLines, sessionFile, isValidSessionId } from './spool.js';

export interface RecoveryReport {
  session: string;
  /** Bytes of a torn tail (and of events that did not chain) that were cut off. */
  tornBytes: number;
  /** Complete events that had no batch record and were signed by the recovery. */
  signedEvents: number;
  events: number;
}

/** A lock older than this belongs to a recovery that died; take it over. */
const STALE_LOCK_MS = 30_000;

/** True when a process with this pid exists (EPERM: it exists but is not ours). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Sessions of this home that started on this host, never ended or were recovered, and whose process is gone. */
export function findCrashedSessions(home: string, isAlive: (pid: number) => boolean = processAlive): string[] {
  const open = new Map<string, { pid: number; host: string }>();
  for (const record of readIndex(home)) {
    if (record.op === 'start') open.set(record.session, { pid: record.pid, host: record.host });
    else open.delete(record.session);
  }
  const host = hostname();
  const crashed: string[] = [];
  for (const [session, owner] of open) {
    if (owner.host === host && owner.pid !== process.pid && !isAlive(owner.pid) && isValidSessionId(session)) crashed.push(session);
  }
  return crashed;
}

/** Repairs every crashed session of the home (see the module comment). Returns what was done. */
export function recoverCrashedSessions(home: string, signer: Signer, options: { clock?: () => number; isAlive?: (pid: number) => boolean } = {}): RecoveryReport[] {
  const reports: RecoveryReport[] = [];
  for (const session of findCrashedSessions(home, options.isAlive)) {
    const report = recoverSession(home, session, signer, options.clock ?? Date.now);
    if (report) reports.push(report);
  }
  return reports;
}

/** Repairs one session file under an exclusive lock; null when another process holds the lock or the file is already sealed. */
export function recoverSession(home: string, session: string, signer: Signer, clock: () => number = Date.now): RecoveryReport | null {
  const path = sessionFile(home, session);
  const lock = `${path}.recover-lock`;
  if (!takeLock(lock)) return null;
  try {
    return repair(home, session, path, signer, clock);
  } finally {
    rmSync(lock, { force: true });
  }
}

function takeLock(lock: string): boolean {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx', mode: 0o600 });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(lock).mtimeMs < STALE_LOCK_MS) return false;
        rmSync(lock, { force: true });
      } catch {
        return false;
      }
    }
  }
  return false;
}

function repair(home: string, session: string, path: string, signer: Signer, clock: () => number): RecoveryReport | null {
  const { lines, size } = readLines(path);
  const records = lines.map(parseRecord);
  // Someone else finished the job between our index read and our lock.
  const lastRecord = records[records.length - 1];
  if (lastRecord && !isEvent(lastRecord) && lastRecord.rec === 'seal') return null;

  // Walk the file: keep everything up to the last good line; remember the events after the last batch.
  let head: ChainHead = EMPTY_CHAIN;
  let batches = 0;
  let events = 0;
  let keptBytes = 0;
  let unsigned: AuditEvent[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const record = records[index];
    if (!record) break;
    if (isEvent(record)) {
      if (record.seq !== head.seq + 1 || record.prev !== head.hash || computeEventHash(record) !== record.hash) break;
      head = { seq: record.seq, hash: record.hash };
      unsigned.push(record);
      events += 1;
    } else if (record.rec === 'batch') {
      batches = Math.max(batches, record.batch);
      unsigned = [];
    } else {
      break;
    }
    keptBytes += Buffer.byteLength(lines[index] ?? '', 'utf8') + 1;
  }
  const cut = size - keptBytes;
  const tornSha256 = cut > 0 ? createHash('sha256').update(readFileSync(path).subarray(keptBytes)).digest('hex') : undefined;

  const at = clock();
  let text = '';
  if (unsigned.length > 0) {
    const first = unsigned[0] as AuditEvent;
    const batch = signRecord<BatchRecord>(
      { rec: 'batch', v: 1, session, batch: batches + 1, firstSeq: first.seq, lastSeq: head.seq, hashes: unsigned.map((event) => event.hash), at, recovered: true },
      signer,
    );
    batches += 1;
    text += `${JSON.stringify(batch)}\n`;
  }
  const seal = signRecord<SealRecord>(
    { rec: 'seal', v: 1, session, reason: 'recovered', at, events, batches, lastSeq: head.seq, lastHash: head.hash, tornBytes: cut, ...(tornSha256 ? { tornSha256 } : {}) },
    signer,
  );
  text += `${JSON.stringify(seal)}\n`;

  const fd = openSync(path, 'a+', 0o600);
  try {
    if (cut > 0) ftruncateSync(fd, keptBytes);
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  appendIndex(home, { op: 'recovered', session, at, events, lastHash: head.hash, tornBytes: cut });
  return { session, tornBytes: cut, signedEvents: unsigned.length, events };
}
