/**
 * One direction of the proxy: reads chunks from a source, frames them into
 * lines, and hands each frame, in order, to a handler that may be
 * asynchronous. Backpressure: the source is paused while the destination
 * needs draining or while frames wait for a slow handler, so a fast sender
 * and a slow receiver cannot grow memory without bound.
 */
import type { Readable, Writable } from 'node:stream';
import { type Frame, LineFramer } from './framing.js';

/** Frames queued before the source is paused. */
const HIGH_WATER_FRAMES = 32;

export class Pump {
  readonly #source: Readable;
  readonly #destination: Writable;
  readonly #framer: LineFramer;
  readonly #handle: (frame: Frame) => void | Promise<void>;
  readonly #queue: Frame[] = [];
  #busy = false;
  #ended = false;
  readonly #done: Promise<void>;
  #resolveDone!: () => void;

  constructor(options: {
    source: Readable;
    destination: Writable;
    maxMessageBytes: number;
    handle: (frame: Frame) => void | Promise<void>;
  }) {
    this.#source = options.source;
    this.#destination = options.destination;
    this.#framer = new LineFramer(options.maxMessageBytes);
    this.#handle = options.handle;
    this.#done = new Promise((resolve) => (this.#resolveDone = resolve));
  }

  /** Resolves when the source has ended and every frame has been handled. */
  get done(): Promise<void> {
    return this.#done;
  }

  start(): void {
    this.#source.on('data', (chunk: Buffer) => {
      this.#framer.push(chunk, this.#queue);
      if (this.#queue.length >= HIGH_WATER_FRAMES) this.#source.pause();
      this.#kick();
    });
    const finish = (): void => {
      if (this.#ended) return;
      this.#ended = true;
      for (const frame of this.#framer.end()) this.#queue.push(frame);
      this.#kick();
    };
    this.#source.once('end', finish);
    this.#source.once('close', finish);
    this.#source.once('error', finish);
  }

  #kick(): void {
    if (this.#busy) return;
    this.#busy = true;
    this.#drain();
  }

  /**
   * Hands the queued frames over in order. Synchronous while the handler
   * is (the common case: no promise per message); a handler's promise, or a
   * destination to drain, continues it once settled.
   */
  #drain(): void {
    while (this.#queue.length > 0) {
      if (this.#destination.writableNeedDrain && !this.#destination.destroyed) {
        this.#source.pause();
        void waitForDrain(this.#destination).then(this.#continue);
        return;
      }
      const frame = this.#queue.shift() as Frame;
      const handled = this.#handle(frame);
      if (handled instanceof Promise) {
        void handled.then(this.#continue);
        return;
      }
    }
    this.#busy = false;
    if (this.#ended) {
      this.#resolveDone();
    } else if (this.#source.isPaused()) {
      this.#source.resume();
    }
  }

  readonly #continue = (): void => this.#drain();
}

/** Settles once `stream` has drained, or closed or failed (nothing will drain it then). */
export function waitForDrain(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
    stream.on('error', done);
  });
}
