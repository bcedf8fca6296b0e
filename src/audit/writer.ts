/**
 * The background writer of one session file. Events are queued in memory and
 * written in batches — when `maxBatchEvents` are waiting or `maxDelayMs`
 * after the first of them (well inside the 250 ms promise) — each batch as
 * one append of its event lines plus a signed `batch` record, then fsynced.
 * The data path never waits on it unless it chooses to await `append`
 * (strict durability).
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

export class SpoolWriter {
  readonly #options: Required<Omit<SpoolWriterOptions, 'onError'>> & Pick<SpoolWriterOptions, 'onError'>;
  #pending: AuditEvent[] = [];
  #pendingDone: Deferred = deferred();
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
    return this.#pending.length + this.#inFlight;
  }

  /**
   * Resolves once the backlog is below `below` events (at once when it
   * already is). The session waits on it so that a peer producing faster
   * than the disk can take cannot grow memory without bound.
   */
  backlogBelow(below: number): Promise<void> {
    if (this.backlog < below) return Promise.resolve();
    if (this.#pending.length > 0) void this.flush();
    return new Promise((resolve) => this.#drainWaiters.push({ below, resolve }));
  }

  /** Events written so far (fsynced or in flight). */
  get events(): number {
    return this.#events + this.#pending.length;
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
    this.#pending.push(event);
    const done = this.#pendingDone.promise;
    if (options.now || this.#pending.length >= this.#options.maxBatchEvents) void this.flush();
    else if (!this.#timer) {
      this.#timer = setTimeout(() => void this.flush(), this.#options.maxDelayMs);
      // Never keep the process alive for the audit alone: sessionEnded flushes on every exit path.
      this.#timer.unref();
    }
    return done;
  }

  /** Writes and fsyncs everything queued; resolves when it is on disk (or the write failed and was reported). */
  flush(): Promise<void> {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    if (this.#pending.length === 0) return this.#tail;
    const events = this.#pending;
    const done = this.#pendingDone;
    this.#pending = [];
    this.#pendingDone = deferred();
    this.#inFlight += events.length;
    this.#tail = this.#tail
      .then(() => this.#writeBatch(events))
      .then(done.resolve, (error: unknown) => {
        const failure = error instanceof Error ? error : new Error(String(error));
        this.#options.onError(failure);
        done.reject(failure);
      })
      .finally(() => {
        this.#inFlight -= events.length;
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
      await this.#write(`${JSON.stringify(seal)}\n`);
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

  async #writeBatch(events: AuditEvent[]): Promise<void> {
    const first = events[0];
    const last = events[events.length - 1];
    if (!first || !last) return;
    const batch = signRecord<BatchRecord>(
      {
        rec: 'batch',
        v: 1,
        session: this.#options.session,
        batch: this.#batches + 1,
        firstSeq: first.seq,
        lastSeq: last.seq,
        hashes: events.map((event) => event.hash),
        at: this.#options.clock(),
      },
      this.#options.signer,
    );
    let text = '';
    for (const event of events) text += `${JSON.stringify(event)}\n`;
    text += `${JSON.stringify(batch)}\n`;
    await this.#write(text);
    this.#batches += 1;
    this.#events += events.length;
    this.#head = { seq: last.seq, hash: last.hash };
  }

  async #write(text: string): Promise<void> {
    try {
      // O_APPEND: every write lands at the end even if something else appended (a recovery that misjudged us as dead).
      this.#handle ??= await open(this.#options.path, 'a', 0o600);
      await this.#handle.appendFile(text, 'utf8');
      await this.#handle.datasync();
    } catch (error) {
      throw new GuardError('GUARD_AUDIT_IO', `cannot write the audit spool ${this.#options.path}: ${(error as Error).message}`, { cause: error });
    }
  }
}
