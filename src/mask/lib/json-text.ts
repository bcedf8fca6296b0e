/**
 * Reads JSON text without building it: the masking of a JSON text a tool
 * returned replaces some of its string values and leaves every other
 * character as it came. Parsing the text and serialising it again changed
 * what was not masked (a 20-digit id lost its last digits, `1e400` became
 * `null`, the layout was re-indented) and held the whole document as objects.
 */

/** What `readJsonText` reports, in text order. Offsets are UTF-16 offsets in the text. */
export interface JsonTextVisitor {
  /** A member name at text[start, end), quotes included; `escaped`: it holds a backslash. */
  key(start: number, end: number, escaped: boolean): void;
  /** A string value at text[start, end), quotes included; `escaped`: it holds a backslash. */
  string(start: number, end: number, escaped: boolean): void;
  /** A number, `true`, `false` or `null` at text[start, end). */
  literal(start: number, end: number): void;
  /** A list (`[`) or object (`{`) opens at `start`. */
  open(start: number): void;
  /** The innermost open list or object closes; `end` is just after its bracket. */
  close(end: number): void;
}

/**
 * Reads `text` as one JSON value (RFC 8259, as `JSON.parse` accepts it:
 * white space is space, tab, line feed and carriage return only; no raw
 * control character in a string; lone surrogates allowed) and reports its
 * parts to `visitor`. Returns false, having reported what came before, when
 * the text is not JSON. Iterative: any depth of nesting.
 */
export function readJsonText(text: string, visitor: JsonTextVisitor): boolean {
  const length = text.length;
  // Per open container: 1 object, 0 list; a byte a level, so that a text of
  // nothing but `[` (as deep as it is long) holds its length in bytes here.
  let objects = new Uint8Array(64);
  let depth = 0;
  let k = skipSpace(text, 0);
  // Where the reader is: a value is expected (VALUE), or a member name (KEY), or
  // what follows a value or member (AFTER).
  let state = VALUE;
  while (k < length) {
    const code = text.charCodeAt(k);
    if (state === AFTER) {
      if (code === COMMA) {
        k = skipSpace(text, k + 1);
        state = objects[depth - 1] === 1 ? KEY : VALUE;
        continue;
      }
      if (code !== (objects[depth - 1] === 1 ? CLOSE_BRACE : CLOSE_BRACKET)) return false;
      depth--;
      visitor.close(k + 1);
      k = skipSpace(text, k + 1);
      if (depth === 0) return k === length;
      continue;
    }
    if (state === KEY) {
      if (code !== QUOTE) return false;
      const end = stringEnd(text, k);
      if (end < 0) return false;
      visitor.key(k, end >> 1, (end & 1) === 1);
      k = skipSpace(text, end >> 1);
      if (text.charCodeAt(k) !== COLON) return false;
      k = skipSpace(text, k + 1);
      state = VALUE;
      continue;
    }
    // A value.
    if (code === QUOTE) {
      const end = stringEnd(text, k);
      if (end < 0) return false;
      visitor.string(k, end >> 1, (end & 1) === 1);
      k = end >> 1;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      visitor.open(k);
      k = skipSpace(text, k + 1);
      const object = code === OPEN_BRACE;
      if (text.charCodeAt(k) === (object ? CLOSE_BRACE : CLOSE_BRACKET)) {
        visitor.close(k + 1);
        k++;
      } else {
        if (depth === objects.length) {
          const grown = new Uint8Array(depth * 2);
          grown.set(objects);
          objects = grown;
        }
        objects[depth++] = object ? 1 : 0;
        state = object ? KEY : VALUE;
        continue;
      }
    } else {
      const end = literalEnd(text, k);
      if (end < 0) return false;
      visitor.literal(k, end);
      k = end;
    }
    k = skipSpace(text, k);
    if (depth === 0) return k === length;
    state = AFTER;
  }
  return false;
}

const VALUE = 0;
const KEY = 1;
const AFTER = 2;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const MINUS = 0x2d;
const DOT = 0x2e;

function skipSpace(text: string, k: number): number {
  for (;;) {
    const code = text.charCodeAt(k);
    if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) return k;
    k++;
  }
}

/** Characters that may follow a backslash, besides `u`. */
const SIMPLE_ESCAPE = new Set([QUOTE, BACKSLASH, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74]);

/**
 * The end of the string that opens at `start` (just after its closing
 * quote) times two, plus one when it holds an escape; -1 when it is not a
 * valid JSON string.
 */
function stringEnd(text: string, start: number): number {
  const length = text.length;
  let escaped = 0;
  for (let k = start + 1; k < length; k++) {
    const code = text.charCodeAt(k);
    if (code === QUOTE) return (k + 1) * 2 + escaped;
    if (code < 0x20) return -1;
    if (code !== BACKSLASH) continue;
    escaped = 1;
    const next = text.charCodeAt(k + 1);
    if (next === 0x75) {
      for (let h = k + 2; h < k + 6; h++) if (!isHex(text.charCodeAt(h))) return -1;
      k += 5;
    } else if (SIMPLE_ESCAPE.has(next)) {
      k++;
    } else {
      return -1;
    }
  }
  return -1;
}

function isHex(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

const LITERAL_WORDS = ['true', 'false', 'null'];

/** The end of the number, `true`, `false` or `null` at `start`; -1 when there is none. */
function literalEnd(text: string, start: number): number {
  for (const word of LITERAL_WORDS) if (text.startsWith(word, start)) return start + word.length;
  let k = start;
  if (text.charCodeAt(k) === MINUS) k++;
  if (text.charCodeAt(k) === 0x30) {
    k++;
  } else if (isDigit(text.charCodeAt(k))) {
    while (isDigit(text.charCodeAt(k))) k++;
  } else {
    return -1;
  }
  if (text.charCodeAt(k) === DOT) {
    if (!isDigit(text.charCodeAt(++k))) return -1;
    while (isDigit(text.charCodeAt(k))) k++;
  }
  const exponent = text.charCodeAt(k) | 0x20;
  if (exponent === 0x65) {
    k++;
    const sign = text.charCodeAt(k);
    if (sign === 0x2b || sign === MINUS) k++;
    if (!isDigit(text.charCodeAt(k))) return -1;
    while (isDigit(text.charCodeAt(k))) k++;
  }
  return k;
}
