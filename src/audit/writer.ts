/**
 * The background writer of one session file. Events are queued in memory and
 * written in batches — when `maxBatchEvents` are waiting or `maxDelayMs`
 * after the first of them (well inside the 250 ms promise) — each batch as
 * one append of its event lines plus a signed `batch` record, then fsynced.
 * The data path never waits on it unless it chooses to await `append`
 * (strict durability).
 *
 * A queued event is kept as the bytes of its line (outside the JS heap) and
 * its hash, not as the event object: up to `maxDelayMs` of events would
 * otherwise be copied by every young-generation collection in between,
 * which the data path waits for.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { GuardError } from '../errors.js';
import { signRecord, type BatchRecord, type SealRecord } from './batch.js';
import { EMPTY_CHAIN, type ChainHead } from './chain.js';
import type { AuditEvent } from './event.js';
import type { Signer } from './signer.js';

export interface SpoolWriterOptions {
  path: string;
  session: string;
  signer: Signer;
  clock: () => number;
  /** Longest an event waits in memory (default 100 ms). */
  maxDelayMs?: number;
  /** Flush as soon as this many events wait (default 256). */
  maxBatchEvents?: number;
  /** Told about write failures (the data path must not die of them). */
  onError: (error: Error) => void;
}

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Default durability never awaits these; a failure is reported through onError instead.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/** Events on their way to disk, in seq order. */
class QueuedEvents {
  /** Each event's JSON line, newline included. */
  readonly lines: Buffer[] = [];
  readonly hashes: string[] = [];
  firstSeq = 0;
  lastSeq = 0;
  /** Settles when these events are on disk. */
  readonly done: Deferred = deferred();

  add(event: AuditEvent): void {
    if (this.lines.length === 0) this.firstSeq = event.seq;
    this.lastSeq = event.seq;
    this.lines.push(lineBytes(JSON.stringify(event)));
    this.hashes.push(event.hash);
  }
}

export class SpoolWriter {
  readonly #options: Required<Omit<SpoolWriterOptions, 'onError'>> & Pick<SpoolWriterOptions, 'onError'>;
  #pending = new QueuedEvents();
  #timer: NodeJS.Timeout | undefined;
  /** The last write in flight; writes run one after another in queue order. */
  #tail: Promise<void> = Promise.resolve();
  #handle: FileHandle | undefined;
  #batches = 0;
  #events = 0;
  #head: ChainHead = EMPTY_CHAIN;
  #sealed = false;
  /** Events handed to a write that has not finished yet. */
  #inFlight = 0;
  #drainWaiters: Array<{ below: number; resolve: () => void }> = [];

  constructor(options: SpoolWriterOptions) {
    this.#options = { maxDelayMs: 100, maxBatchEvents: 256, ...options };
  }

  /** Events queued or being written: what memory holds for the disk. */
  get backlog(): number {
    return this.#pending.lines.length + this.#inFlight;
  }

  /**
   * Resolves once the backlog is below `below` events (at once when it
   * already is). The session waits on it so that a peer producing faster
   * than the disk can take cannot grow memory without bound.
   */
  backlogBelow(below: number): Promise<void> {
    if (this.backlog < below) return Promise.resolve();
    if (this.#pending.lines.length > 0) void this.flush();
    return new Promise((resolve) => this.#drainWaiters.push({ below, resolve }));
  }

  /** Events written so far (fsynced or in flight). */
  get events(): number {
    return this.#events + this.#pending.lines.length;
  }

  /**
   * Queues an event. The promise resolves when the batch holding it is
   * fsynced, and rejects when that write failed; callers may ignore it.
   * `now`: write it (and everything queued) at once instead of waiting for
   * the batch timer — for a caller that is about to await it.
   */
  append(event: AuditEvent, options: { now?: boolean } = {}): Promise<void> {
    if (this.#sealed) {
      this.#options.onError(new GuardError('GUARD_AUDIT_IO', `internal: event ${event.seq} of session ${event.session} recorded after the session was sealed`));
      return Promise.resolve();
    }
    const pending = this.#pending;
    pending.add(event);
    if (options.now || pending.lines.length >= this.#options.maxBatchEvents) void this.flush();
    else if (!this.#timer) {
      this.#timer = setTimeout(() => void this.flush(), this.#options.maxDelayMs);
      // Never keep the process alive for the audit alone: sessionEnded flushes on every exit path.
      this.#timer.unref();
    }
    return pending.done.promise;
  }

  /** Writes and fsyncs everything queued; resolves when it is on disk (or the write failed and was reported). */
  flush(): Promise<void> {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    const events = this.#pending;
    const count = events.lines.length;
    if (count === 0) return this.#tail;
    this.#pending = new QueuedEvents();
    this.#inFlight += count;
    this.#tail = this.#tail
      .then(() => this.#writeBatch(events))
      .then(events.done.resolve, (error: unknown) => {
        const failure = error instanceof Error ? error : new Error(String(error));
        this.#options.onError(failure);
        events.done.reject(failure);
      })
      .finally(() => {
        this.#inFlight -= count;
        this.#wakeDrainWaiters();
      });
    return this.#tail;
  }

  #wakeDrainWaiters(): void {
    const backlog = this.backlog;
    this.#drainWaiters = this.#drainWaiters.filter((waiter) => {
      if (backlog >= waiter.below) return true;
      waiter.resolve();
      return false;
    });
  }

  /** Flushes, appends the signed seal record, fsyncs and closes the file. */
  async seal(): Promise<void> {
    await this.flush();
    if (this.#sealed) return;
    this.#sealed = true;
    const seal = signRecord<SealRecord>(
      {
        rec: 'seal',
        v: 1,
        session: this.#options.session,
        reason: 'ended',
        at: this.#options.clock(),
        events: this.#events,
        batches: this.#batches,
        lastSeq: this.#head.seq,
        lastHash: this.#head.hash,
      },
      this.#options.signer,
    );
    try {
      await this.#write([lineBytes(JSON.stringify(seal))]);
    } catch (error) {
      this.#options.onError(error as Error);
    } finally {
      await this.#handle?.close().catch(() => undefined);
      this.#handle = undefined;
    }
  }

  /** The chain head of what was handed to the disk. */
  get head(): ChainHead {
    return this.#head;
  }

  async #writeBatch(events: QueuedEvents): Promise<void> {
    const { lines, hashes, firstSeq, lastSeq } = events;
    const batch = signRecord<BatchRecord>(
      {
        rec: 'batch',
        v: 1,
        session: this.#options.session,
        batch: this.#batches + 1,
        firstSeq,
        lastSeq,
        hashes,
        at: this.#options.clock(),
      },
      this.#options.signer,
    );
    const count = lines.length;
    lines.push(lineBytes(JSON.stringify(batch)));
    await this.#write(lines);
    this.#batches += 1;
    this.#events += count;
    this.#head = { seq: lastSeq, hash: hashes[count - 1] as string };
  }

  /** Appends the lines in one write (a writev) and fsyncs. */
  async #write(lines: Buffer[]): Promise<void> {
    try {
      // O_APPEND: every write lands at the end even if something else appended (a recovery that misjudged us as dead).
      this.#handle ??= await open(this.#options.path, 'a', 0o600);
      const { bytesWritten } = await this.#handle.writev(lines);
      // One writev may stop short (a nearly full disk): the rest follows, or fails with the reason,
      // never leaving a torn line for the next batch to be appended after.
      let total = 0;
      for (const line of lines) total += line.length;
      if (bytesWritten < total) await this.#handle.appendFile(Buffer.concat(lines, total).subarray(bytesWritten));
      await this.#handle.datasync();
    } catch (error) {
      throw new GuardError('GUARD_AUDIT_IO', `cannot write the audit spool ${this.#options.path}: ${(error as Error).message}`, { cause: error });
    }
  }
}

/** `text` and a newline as UTF-8 bytes, without joining them into a string first (small lines share Node's buffer pool). */
function lineBytes(text: string): Buffer {
  const length = Buffer.byteLength(text, 'utf8');
  const line = Buffer.allocUnsafe(length + 1);
  line.write(text, 0, length, 'utf8');
  line[length] = 0x0a;
  return line;
}
