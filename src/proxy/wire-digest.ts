import { createHash, type Hash } from 'node:crypto';

/**
 * A line made a piece at a time, kept as its size and SHA-256 only: a
 * result masked as it is sent (see `Session`), or the masked copy of one
 * the trail alone masks (see `MessageNotes.maskForTrail`). The trail records
 * such a line as its digest (see `audit/payload.ts`), so its pieces need not
 * be held once hashed. Holding them had the wrapper keep a second copy of
 * every streamed result until it was recorded.
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
