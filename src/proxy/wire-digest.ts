import { createHash, type Hash } from 'node:crypto';

/**
 * A line written a piece at a time (a result masked as it is sent, see
 * `Session`), kept for the observers as its size and SHA-256 only: the
 * trail records such a line as its digest (see `audit/payload.ts`), so its
 * pieces need not be held once they have left. Holding them had the wrapper
 * keep a second copy of every streamed result until it was recorded.
 */
export class WireDigest {
  #bytes = 0;
  readonly #hash: Hash = createHash('sha256');
  #sha256: string | undefined;

  /** Adds the next bytes of the line. */
  add(bytes: Buffer): void {
    if (this.#sha256 !== undefined) throw new Error('bytes added to a line already digested');
    this.#hash.update(bytes);
    this.#bytes += bytes.length;
  }

  /** Bytes added so far. */
  get bytes(): number {
    return this.#bytes;
  }

  /** The SHA-256 (hex) of the line; no bytes may be added after it is read. */
  sha256(): string {
    this.#sha256 ??= this.#hash.digest('hex');
    return this.#sha256;
  }
}
