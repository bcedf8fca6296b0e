/**
 * Newline-delimited framing for MCP stdio, as a pure class (like the MCP SDK's
 * `ReadBuffer`): feed it chunks, get whole lines back. Tolerant of any chunk
 * boundary, of `\r\n`, and of multi-byte UTF-8 split across chunks (lines
 * are kept as bytes; decoding happens per whole line).
 *
 * Lines longer than the cap are never buffered whole: once the cap is
 * passed the framer keeps only a head and a tail (enough to recover a
 * request id) and discards the rest until the next newline, so a hostile
 * peer cannot grow memory without bound.
 *
 * @see https://modelcontextprotocol.io/specification/2025-06-18/basic/transports#stdio
 */

export type Frame =
  | { kind: 'line'; bytes: Buffer }
  | { kind: 'too-large'; bytes: number; head: Buffer; tail: Buffer };

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
/** Bytes kept from each end of an over-long line to recover its id. */
const KEEP = 512;

/** Default cap on one message line: 64 MiB (the issue asks for at least 32 MiB). */
export const DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

export class LineFramer {
  readonly #maxBytes: number;
  #chunks: Buffer[] = [];
  #length = 0;
  /** Set while discarding an over-long line. */
  #oversize: { bytes: number; head: Buffer; tail: Buffer } | null = null;

  constructor(maxBytes: number = DEFAULT_MAX_MESSAGE_BYTES) {
    if (!Number.isInteger(maxBytes) || maxBytes < 1) throw new RangeError(`maxBytes must be a positive integer, got ${maxBytes}`);
    this.#maxBytes = maxBytes;
  }

  /** Bytes held for the current, unfinished line. */
  get bufferedBytes(): number {
    return this.#length;
  }

  /** Appends a chunk; returns the frames it completed, in order, appended to `frames` when given (no array per chunk). */
  push(chunk: Buffer, frames: Frame[] = []): Frame[] {
    let start = 0;
    // Only the new chunk is scanned for newlines, so cost stays linear in input size.
    for (let newline = chunk.indexOf(NEWLINE, start); newline !== -1; newline = chunk.indexOf(NEWLINE, start)) {
      this.#append(chunk.subarray(start, newline));
      const frame = this.#finishLine();
      if (frame) frames.push(frame);
      start = newline + 1;
    }
    if (start < chunk.length) this.#append(chunk.subarray(start));
    return frames;
  }

  /** At end of input: a final line without a newline still counts. */
  end(): Frame[] {
    const frame = this.#finishLine();
    return frame ? [frame] : [];
  }

  clear(): void {
    this.#chunks = [];
    this.#length = 0;
    this.#oversize = null;
  }

  #append(piece: Buffer): void {
    if (piece.length === 0) return;
    if (this.#oversize) {
      this.#oversize.bytes += piece.length;
      this.#oversize.tail = keepTail(this.#oversize.tail, piece);
      return;
    }
    if (this.#length + piece.length > this.#maxBytes) {
      const held = Buffer.concat([...this.#chunks, piece.subarray(0, Math.min(piece.length, KEEP))]);
      this.#oversize = {
        bytes: this.#length + piece.length,
        head: Buffer.from(held.subarray(0, KEEP)),
        tail: keepTail(Buffer.concat(this.#chunks.slice(-2)), piece),
      };
      this.#chunks = [];
      this.#length = 0;
      return;
    }
    this.#chunks.push(piece);
    this.#length += piece.length;
  }

  #finishLine(): Frame | null {
    if (this.#oversize) {
      const { bytes, head, tail } = this.#oversize;
      this.#oversize = null;
      return { kind: 'too-large', bytes, head, tail };
    }
    if (this.#length === 0) return null;
    let bytes = this.#chunks.length === 1 ? (this.#chunks[0] as Buffer) : Buffer.concat(this.#chunks, this.#length);
    this.#chunks = [];
    this.#length = 0;
    if (bytes[bytes.length - 1] === CARRIAGE_RETURN) bytes = bytes.subarray(0, bytes.length - 1);
    if (isBlank(bytes)) return null;
    return { kind: 'line', bytes };
  }
}

function keepTail(previous: Buffer, piece: Buffer): Buffer {
  if (piece.length >= KEEP) return Buffer.from(piece.subarray(piece.length - KEEP));
  const joined = Buffer.concat([previous, piece]);
  return Buffer.from(joined.subarray(Math.max(0, joined.length - KEEP)));
}

function isBlank(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i];
    if (byte !== 0x20 && byte !== 0x09 && byte !== CARRIAGE_RETURN) return false;
  }
  return true;
}

/**
 * Recovers the JSON-RPC id of a line that could not be parsed whole (too
 * large, or cut). The SDK serialises responses as `{"result":…,"jsonrpc":"2.0","id":N}`,
 * so the id is usually at the end; requests usually carry it near the start.
 * Returns undefined unless exactly one reading is plausible.
 */
export function recoverId(head: Buffer, tail: Buffer): string | number | undefined {
  const tailMatch = /"id"\s*:\s*(-?\d{1,15}|"(?:[^"\\]|\\.){0,200}")\s*}\s*$/.exec(tail.toString('latin1'));
  const match = tailMatch ?? /^\s*\{\s*(?:"(?:jsonrpc|method)"\s*:\s*"[^"]{0,200}"\s*,\s*){0,2}"id"\s*:\s*(-?\d{1,15}|"(?:[^"\\]|\\.){0,200}")/.exec(head.toString('latin1'));
  if (!match?.[1]) return undefined;
  try {
    const id: unknown = JSON.parse(match[1]);
    return typeof id === 'string' || typeof id === 'number' ? id : undefined;
  } catch {
    return undefined;
  }
}

/** `recoverId` for a whole line held in memory (one that is not JSON or not UTF-8), read from the ends a too-large line keeps. */
export function recoverLineId(line: Buffer): string | number | undefined {
  return recoverId(line.subarray(0, KEEP), line.subarray(-KEEP));
}
