/**
 * Long strings of a large message kept as bytes. A multi-megabyte tool
 * result is nearly all one or two JSON string literals (a text block, an
 * image's base64); parsing the line whole holds the line, its text, the
 * parsed string, the masked string, its serialisation and the write buffer
 * at once, six copies of the message. Here the line is parsed without its
 * long literals: each is replaced by a placeholder string, the rest (a few
 * hundred bytes) is parsed as usual, and a long literal is decoded only a
 * piece at a time by whoever must read it (the masking, see
 * `interceptors/mask-results.ts`). On the way out, each placeholder becomes
 * the literal's bytes again, or its masked bytes.
 *
 * Placeholders carry a random nonce of this process: a server cannot write
 * one into a short string and have it replaced by another literal's bytes.
 * Pure: no I/O.
 */
import { randomBytes } from 'node:crypto';
import { mapItems, mapMembers } from '../lib/copy-on-write.js';

/** String literals (quotes included) of at least this many bytes are kept as bytes. */
export const LONG_STRING_BYTES = 64 * 1024;

/**
 * A long string is decoded in pieces of at least this many bytes, each cut
 * after an escaped line break (`\n` in the JSON): the masking scans a piece
 * with the text around it, and no finding holds a line break.
 */
export const PIECE_BYTES = 64 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const ESCAPED_NEWLINE = Buffer.from('\\n');
const QUOTE_BYTE = Buffer.from('"');
const EMPTY_LITERAL = Buffer.from('""');
const NONCE = randomBytes(8).toString('hex');
/** Numbers the registries, so that a placeholder reads only in the message it was made for. */
let registries = 0;
/** Every placeholder starts with a NUL, which no JSON a peer sends can put there by accident; then come its registry's and its own number. */
const PREFIX = `\u0000mcp-guard long string ${NONCE} #`;
/** The placeholder as it appears in serialised JSON, without its opening quote. */
const PREFIX_JSON = JSON.stringify(PREFIX).slice(1, -1);

/** One long JSON string, as the bytes of its literal (quotes included), in one or more parts. */
export class LongString {
  readonly parts: readonly Buffer[];
  readonly byteLength: number;
  readonly #ascii: boolean;
  /** Whether the literal is a valid JSON string, as `JSON.parse` would find it (known from the read that found it, or written by us). */
  readonly #valid: boolean;

  constructor(parts: readonly Buffer[], ascii: boolean, valid: boolean) {
    this.parts = parts;
    this.byteLength = parts.reduce((sum, part) => sum + part.length, 0);
    this.#ascii = ascii;
    this.#valid = valid;
  }

  /** Whether the literal is a valid JSON string (`pieces()` and `text()` throw where it is not). */
  valid(): boolean {
    return this.#valid;
  }

  /**
   * The decoded text, a piece at a time (see `PIECE_BYTES`); the pieces
   * joined are the whole text. Throws a SyntaxError where the literal is not
   * a valid JSON string.
   */
  *pieces(pieceBytes = PIECE_BYTES): Generator<string> {
    for (const piece of this.pieceLiterals(pieceBytes)) yield piece.text;
  }

  /** `pieces()`, each with its bytes as written in the literal (JSON-escaped, without quotes). */
  *pieceLiterals(pieceBytes = PIECE_BYTES): Generator<{ text: string; escaped: Buffer }> {
    const literal = this.#literal();
    const end = literal.length - 1;
    for (let start = 1; start < end; ) {
      const cut = pieceEnd(literal, start, end, pieceBytes);
      yield { text: JSON.parse(`"${literal.toString(this.#ascii ? 'latin1' : 'utf8', start, cut)}"`) as string, escaped: literal.subarray(start, cut) };
      start = cut;
    }
  }

  /** The whole decoded text (for a reader that cannot take it in pieces). */
  text(): string {
    return JSON.parse(this.#literal().toString(this.#ascii ? 'latin1' : 'utf8')) as string;
  }

  /**
   * Whether the text may start (after JSON white space) with `{` or `[`,
   * that is, may hold a JSON document. A `\u` escape among the leading
   * white space counts as maybe: a reader that then decodes it whole loses
   * only memory, one that takes JSON for text would miss its field names.
   */
  mayBeJson(): boolean {
    const literal = this.#literal();
    for (let i = 1; i < literal.length - 1; i++) {
      const byte = literal[i];
      if (byte === 0x7b || byte === 0x5b) return true;
      if (byte === 0x20) continue;
      if (byte !== BACKSLASH) return false;
      const escaped = literal[i + 1];
      if (escaped === 0x75) return true;
      // \n, \r and \t: JSON white space once decoded.
      if (escaped !== 0x6e && escaped !== 0x72 && escaped !== 0x74) return false;
      i++;
    }
    return false;
  }

  #literal(): Buffer {
    return this.parts.length === 1 ? (this.parts[0] as Buffer) : Buffer.concat(this.parts as Buffer[], this.byteLength);
  }
}

/**
 * Where the piece that starts at `start` ends: after the first escaped line
 * break at least `size` bytes on, or at the end of the literal. A backslash
 * run of odd length before `n` escapes the last backslash, not the `n`.
 */
function pieceEnd(literal: Buffer, start: number, end: number, size: number): number {
  if (end - start <= size) return end;
  for (let at = literal.indexOf(ESCAPED_NEWLINE, start + size - 1); at !== -1 && at < end; at = literal.indexOf(ESCAPED_NEWLINE, at + 1)) {
    let backslashes = 0;
    while (literal[at - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at + 2;
  }
  return end;
}

/**
 * A long string made from pieces (a masked text, see
 * `interceptors/mask-results.ts`), whose bytes are made one piece at a time
 * as they are asked for: the session sends each piece on before the next is
 * masked (see `LongStrings.serialize`), or `drain()` makes them all at once.
 * A piece is text, JSON-escaped here, or bytes already escaped (a piece of
 * the literal as it came, where masking changed nothing). Pieces handed out
 * by `next()` are not kept: a result streamed to the client is not held a
 * second time while it is sent.
 */
export class StreamedString {
  readonly #pieces: Iterator<string | Buffer>;
  /** Bytes made so far: the first piece holds at least the opening quote. */
  #bytes = 0;
  #finished = false;
  #literal: LongString | undefined;

  constructor(pieces: Iterable<string | Buffer>) {
    this.#pieces = pieces[Symbol.iterator]();
  }

  /**
   * The next bytes of the literal: the opening quote with the first piece,
   * each piece after it, the closing quote; undefined once all were made.
   * Throws what the pieces throw.
   */
  next(): Buffer | undefined {
    if (this.#finished) return undefined;
    const piece = this.#pieces.next();
    const first = this.#bytes === 0;
    let bytes: Buffer;
    if (piece.done) {
      bytes = first ? EMPTY_LITERAL : QUOTE_BYTE;
    } else if (Buffer.isBuffer(piece.value)) {
      bytes = first ? Buffer.concat([QUOTE_BYTE, piece.value]) : piece.value;
    } else {
      // The quotes JSON.stringify adds are ASCII: one byte each. The first piece keeps its opening one.
      bytes = Buffer.from(JSON.stringify(piece.value), 'utf8').subarray(first ? 0 : 1, -1);
    }
    this.#bytes += bytes.length;
    if (piece.done) this.#finished = true;
    return bytes;
  }

  /** The whole literal, made now; only before `next()` handed out any of it. */
  drain(): LongString {
    if (this.#literal) return this.#literal;
    if (this.#bytes > 0) throw new Error('internal: a streamed string drained after some of it was sent');
    this.#literal = new LongString([...lineBytes([this])], false, true);
    return this.#literal;
  }

  /** The literal, once drained; undefined until then, and for one sent a piece at a time. */
  made(): LongString | undefined {
    return this.#literal;
  }

  /** The literal's size in bytes once all of it was made (drained or sent); undefined until then. */
  madeBytes(): number | undefined {
    return this.#finished ? this.#bytes : undefined;
  }
}

/** The bytes of a line in parts (see `LongStrings.serialize`), each streamed string's made as they are asked for. */
export function* lineBytes(parts: Iterable<Buffer | StreamedString>): Generator<Buffer, void, undefined> {
  for (const part of parts) {
    if (!(part instanceof StreamedString)) yield part;
    else for (let bytes = part.next(); bytes !== undefined; bytes = part.next()) yield bytes;
  }
}

/**
 * The long strings of one message: its skeleton (the line with a
 * placeholder for each long literal), what each placeholder stands for,
 * and the way back to bytes.
 */
export class LongStrings {
  /** The line, a placeholder where each long literal was. */
  skeleton = '';
  readonly #strings: Array<LongString | StreamedString> = [];
  readonly #prefix = `${PREFIX}${registries++}:`;
  /** The line, and where its long literals stand in it: [start, end] of string 0, of string 1, … */
  readonly #line: Buffer;
  readonly #ranges: number[] = [];
  /** Streamed strings that stand for a literal of the line where it goes out as it came (see `substitute`), by the literal's number. */
  readonly #substitutes = new Map<number, StreamedString>();

  private constructor(line: Buffer) {
    this.#line = line;
  }

  /**
   * The line's long string values (`LONG_STRING_BYTES`) replaced by
   * placeholders; undefined when it has none, or when one is an object key
   * (the line is then parsed whole). `line` must be valid UTF-8; `ascii`
   * says whether it is all ASCII. Whether each long literal is a valid JSON
   * string is known from the read that found it: see `valid()`.
   */
  static split(line: Buffer, ascii: boolean): LongStrings | undefined {
    const found = findLongLiterals(line);
    if (found === undefined || found.length === 0) return undefined;
    const encoding = ascii ? 'latin1' : 'utf8';
    const strings = new LongStrings(line);
    let skeleton = '';
    let at = 0;
    for (let k = 0; k < found.length; k += 3) {
      const start = found[k] as number;
      const end = found[k + 1] as number;
      if (isObjectKey(line, end)) return undefined;
      const long = new LongString([line.subarray(start, end)], ascii, found[k + 2] === 1);
      strings.#ranges.push(start, end);
      skeleton += line.toString(encoding, at, start) + JSON.stringify(strings.add(long));
      at = end;
    }
    strings.skeleton = skeleton + line.toString(encoding, at);
    return strings;
  }

  /** The long string a placeholder stands for (its substitute, see `substitute`; a streamed one only once drained); undefined for any other value. */
  get(value: unknown): LongString | undefined {
    const long = this.#entry(value);
    return long instanceof StreamedString ? long.made() : long;
  }

  /** What a placeholder stands for (a substitute, once there is one); undefined for any other value. */
  #entry(value: unknown): LongString | StreamedString | undefined {
    const index = this.#index(value);
    return index === -1 ? undefined : (this.#substitutes.get(index) ?? this.#strings[index]);
  }

  /** The number of the string a placeholder stands for, or -1. */
  #index(value: unknown): number {
    if (typeof value !== 'string' || value.charCodeAt(0) !== 0 || !value.startsWith(this.#prefix)) return -1;
    const index = value.slice(this.#prefix.length);
    const number = Number(index);
    return this.#strings[number] !== undefined && String(number) === index ? number : -1;
  }

  /** Whether every long literal of the line is a valid JSON string, as the whole line's parse would have checked. */
  valid(): boolean {
    // A streamed string is made by this process, of JSON-escaped text.
    return this.#strings.every((long) => long instanceof StreamedString || long.valid());
  }

  /** A new placeholder for `long` (a masked string, say). */
  add(long: LongString | StreamedString): string {
    this.#strings.push(long);
    return `${this.#prefix}${this.#strings.length - 1}`;
  }

  /**
   * Has `streamed` written in place of the line's long string that
   * `placeholder` stands for, when the line goes out as it came: a text
   * masked as it is written (see `asSent`).
   */
  substitute(placeholder: string, streamed: StreamedString): void {
    const index = this.#index(placeholder);
    if (index === -1 || 2 * index >= this.#ranges.length) throw new Error('only a long string of the line can be substituted');
    this.#substitutes.set(index, streamed);
  }

  /**
   * The line as it came, in parts, with the substituted strings in place
   * (see `substitute`); undefined when there are none, and the line goes
   * out as it came.
   */
  asSent(): Array<Buffer | StreamedString> | undefined {
    if (this.#substitutes.size === 0) return undefined;
    const parts: Array<Buffer | StreamedString> = [];
    let at = 0;
    for (const [index, streamed] of [...this.#substitutes].sort((a, b) => a[0] - b[0])) {
      const start = this.#ranges[2 * index] as number;
      parts.push(this.#line.subarray(at, start));
      const made = streamed.made();
      if (made) parts.push(...made.parts);
      else parts.push(streamed);
      at = this.#ranges[2 * index + 1] as number;
    }
    parts.push(this.#line.subarray(at));
    return parts;
  }

  /** `value` with every placeholder in it (at any depth) replaced by its decoded text; `value` itself when it has none. */
  resolve(value: unknown): unknown {
    return this.#replace(value, (long) => {
      const literal = long instanceof StreamedString ? long.made() : long;
      if (!literal) throw new Error('a streamed string is read before it was made');
      return literal.text();
    });
  }

  /**
   * `value` with every placeholder in it replaced by a note of its string's
   * size: what a record shows of a message whose bytes it keeps only as a
   * digest (see `audit/payload.ts`), rather than this process's placeholders.
   */
  describe(value: unknown): unknown {
    return this.#replace(value, (long) => {
      const bytes = long instanceof StreamedString ? long.madeBytes() : long.byteLength;
      return bytes === undefined ? '[long string, cut off before all of it was sent]' : `[long string of ${bytes} bytes, in the message digest]`;
    });
  }

  /** `replacement` gets what a placeholder stands for. */
  #replace(value: unknown, replacement: (long: LongString | StreamedString) => string): unknown {
    const entry = this.#entry(value);
    if (entry) return replacement(entry);
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return mapItems(value as unknown[], (item) => this.#replace(item, replacement));
    return mapMembers(value as Record<string, unknown>, (_key, item) => this.#replace(item, replacement));
  }

  /**
   * `message` serialised, each placeholder replaced by its string's bytes:
   * the line to write, in parts. A streamed string not made yet stands as
   * itself, for the writer to make as it writes (see `StreamedString`).
   */
  serialize(message: unknown): Array<Buffer | StreamedString> {
    const json = JSON.stringify(message);
    const parts: Array<Buffer | StreamedString> = [];
    let at = 0;
    for (let found = json.indexOf(PREFIX_JSON); found !== -1; found = json.indexOf(PREFIX_JSON, found + 1)) {
      const close = json.indexOf('"', found + PREFIX_JSON.length);
      // Only a whole placeholder string is replaced; the prefix inside a longer string stays text.
      const opens = json[found - 1] === '"' && backslashesBefore(json, found - 1) % 2 === 0;
      const entry = opens && close !== -1 ? this.#entry(JSON.parse(json.slice(found - 1, close + 1))) : undefined;
      if (!entry) continue;
      const long = entry instanceof StreamedString ? (entry.made() ?? entry) : entry;
      parts.push(Buffer.from(json.slice(at, found - 1)));
      if (long instanceof StreamedString) parts.push(long);
      else parts.push(...long.parts);
      at = close + 1;
    }
    parts.push(Buffer.from(json.slice(at)));
    return parts;
  }
}

const EMPTY_WORDS = new Uint32Array(0);
/** Per byte after a backslash: the length of the escape it makes (0: none JSON knows). */
const ESCAPE_LENGTH = new Uint8Array(256);
for (const escaped of '"\\/bfnrt') ESCAPE_LENGTH[escaped.charCodeAt(0)] = 2;
ESCAPE_LENGTH[0x75] = 6;
/** 1 for the bytes of hex digits. */
const HEX = new Uint8Array(256);
for (const digit of '0123456789abcdefABCDEF') HEX[digit.charCodeAt(0)] = 1;

/**
 * The string literals of `line` of at least `LONG_STRING_BYTES` bytes
 * (quotes included), as [start, end, valid] triples, valid being 1 for a
 * valid JSON string as `JSON.parse` would find it (no raw control
 * character, only escapes JSON knows: `\"`, `\\`, `\/`, `\b`, `\f`, `\n`,
 * `\r`, `\t`, `\u` and four hex digits); undefined when the line leaves a
 * literal open. Outside a string a quote opens one; inside, a backslash
 * takes the byte after it and a quote closes it. The line is read four
 * bytes at a time, with bit tricks that test a word's four bytes at once,
 * and byte by byte only in words that hold a quote, a backslash or a
 * control character: plain text and base64 cost a fraction of a byte loop,
 * and a text dense with escapes (JSON inside a text block) one byte loop,
 * where decoding the line to check it cost more.
 */
function findLongLiterals(line: Buffer): number[] | undefined {
  const found: number[] = [];
  const end = line.length;
  // Words start at the first 4-aligned offset: a view may not start anywhere else.
  const first = Math.min(end, (4 - (line.byteOffset & 3)) & 3);
  const count = (end - first) >> 2;
  const words = count > 0 ? new Uint32Array(line.buffer, line.byteOffset + first, count) : EMPTY_WORDS;
  /** Where the literal being read opened (-1: outside one), and whether it is valid so far. */
  let open = -1;
  let valid = 1;
  // Bytes [at, stop) are read one by one, then words from `word` on are skipped while they hold nothing to read.
  let at = 0;
  let stop = first;
  let word = 0;
  for (;;) {
    for (; at < stop; at++) {
      const byte = line[at]!;
      if (byte === QUOTE) {
        if (open === -1) {
          open = at;
          valid = 1;
        } else {
          if (at + 1 - open >= LONG_STRING_BYTES) found.push(open, at + 1, valid);
          open = -1;
        }
      } else if (open !== -1) {
        if (byte === BACKSLASH) {
          const escape = ESCAPE_LENGTH[line[at + 1] ?? 0]!;
          if (escape === 0 || (escape === 6 && !(HEX[line[at + 2] ?? 0]! & HEX[line[at + 3] ?? 0]! & HEX[line[at + 4] ?? 0]! & HEX[line[at + 5] ?? 0]!))) valid = 0;
          // The escaped byte is taken with the backslash (it may be in the next word); hex digits are read as text.
          at++;
        } else if (byte < 0x20) {
          valid = 0;
        }
      }
    }
    if (stop === end) return open === -1 ? found : undefined;
    for (; word < count; word++) {
      const bytes = words[word]!;
      const quotes = bytes ^ 0x22222222;
      const backslashes = bytes ^ 0x5c5c5c5c;
      // A zero byte of bytes ^ quotes (a quote) or of bytes ^ backslashes, or a byte below 0x20.
      if ((((quotes - 0x01010101) & ~quotes) | ((backslashes - 0x01010101) & ~backslashes) | ((bytes - 0x20202020) & ~bytes)) & 0x80808080) break;
    }
    const from = first + 4 * word;
    at = Math.max(at, from);
    stop = word < count ? from + 4 : end;
    word++;
  }
}

/** Whether the literal that ends before `end` is followed by `:` (it is an object key). */
function isObjectKey(line: Buffer, end: number): boolean {
  let at = end;
  while (line[at] === 0x20 || line[at] === 0x09 || line[at] === 0x0a || line[at] === 0x0d) at++;
  return line[at] === 0x3a;
}

/** How many backslashes stand right before `at` in `json`. */
function backslashesBefore(json: string, at: number): number {
  let count = 0;
  while (json.charCodeAt(at - 1 - count) === BACKSLASH) count++;
  return count;
}
