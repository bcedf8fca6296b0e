/**
 * Reads JSON text without building it: the masking of a JSON text a tool
 * returned replaces some of its string values and leaves every other
 * character as it came. Parsing the text and serialising it again changed
 * what was not masked (a 20-digit id lost its last digits, `1e400` became
 * `null`, the layout was re-indented) and held the whole document as objects.
 *
 * It reads Python's literals the same way: what Python tools print with
 * `str()` (`[{'name': 'Anna Schmidt', 'email': …}]`, the rows of the
 * reference SQLite server) is JSON with quotes of either kind, `True`,
 * `False`, `None` and tuples, and is masked as the same JSON would be.
 */

import { isHexDigit } from './chars.js';

/** What `readJsonText` reports, in text order. Offsets are UTF-16 offsets in the text; a tuple is a list. */
export interface JsonTextVisitor {
  /** A member name at text[start, end), quotes included; `escaped`: it holds a backslash. */
  key(start: number, end: number, escaped: boolean): void;
  /** A string value at text[start, end), quotes included; `escaped`: it holds a backslash. */
  string(start: number, end: number, escaped: boolean): void;
  /** A number, `true`, `false` or `null` (Python's `True`, `False`, `None`, `inf`, `nan`) at text[start, end); see `literalValue`. */
  literal(start: number, end: number): void;
  /** A list (`[`, a tuple's `(`) or object (`{`) opens at `start`. */
  open(start: number): void;
  /** The innermost open list or object closes; `end` is just after its bracket. */
  close(end: number): void;
}

/**
 * Reads `text` as one JSON value (RFC 8259, as `JSON.parse` accepts it:
 * white space is space, tab, line feed and carriage return only; no raw
 * control character in a string; lone surrogates allowed) and reports its
 * parts to `visitor`. Returns false, having reported what came before, when
 * the text is not JSON. Iterative: any depth of nesting. `python`: the text
 * is read as Python's literal instead (see above): strings in either quote
 * with Python's escapes, keys that are strings, no raw control character.
 * `lines`: a list or object may follow a value on a later line, as in JSON
 * Lines (a log's records, `jq -c`).
 */
export function readJsonText(text: string, visitor: JsonTextVisitor, python = false, lines = false): boolean {
  const length = text.length;
  // Per open container: 1 object, 0 list, 2 tuple; a byte a level, so that a text of
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
        // A tuple of one: `(1,)`.
        if (objects[depth - 1] !== 2 || text.charCodeAt(k) !== CLOSE_PAREN) {
          state = objects[depth - 1] === 1 ? KEY : VALUE;
          continue;
        }
      }
      if (text.charCodeAt(k) !== CLOSERS[objects[depth - 1]!]) return false;
      depth--;
      visitor.close(k + 1);
      k = skipSpace(text, k + 1);
      if (depth === 0) {
        if (!nextLine(text, k, lines)) return k === length;
        state = VALUE;
      }
      continue;
    }
    if (state === KEY) {
      if (code !== QUOTE && (!python || code !== APOSTROPHE)) return false;
      const end = stringEnd(text, k, python);
      if (end < 0) return false;
      visitor.key(k, end >> 1, (end & 1) === 1);
      k = skipSpace(text, end >> 1);
      if (text.charCodeAt(k) !== COLON) return false;
      k = skipSpace(text, k + 1);
      state = VALUE;
      continue;
    }
    // A value.
    if (code === QUOTE || (python && code === APOSTROPHE)) {
      const end = stringEnd(text, k, python);
      if (end < 0) return false;
      visitor.string(k, end >> 1, (end & 1) === 1);
      k = end >> 1;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET || (python && code === OPEN_PAREN)) {
      visitor.open(k);
      k = skipSpace(text, k + 1);
      const kind = code === OPEN_BRACE ? 1 : code === OPEN_PAREN ? 2 : 0;
      if (text.charCodeAt(k) === CLOSERS[kind]) {
        visitor.close(k + 1);
        k++;
      } else {
        if (depth === objects.length) {
          const grown = new Uint8Array(depth * 2);
          grown.set(objects);
          objects = grown;
        }
        objects[depth++] = kind;
        state = kind === 1 ? KEY : VALUE;
        continue;
      }
    } else {
      const end = literalEnd(text, k, python ? PYTHON_WORDS : LITERAL_WORDS);
      if (end < 0) return false;
      visitor.literal(k, end);
      k = end;
    }
    k = skipSpace(text, k);
    if (depth === 0 && !nextLine(text, k, lines)) return k === length;
    state = depth === 0 ? VALUE : AFTER;
  }
  return false;
}

const VALUE = 0;
const KEY = 1;
const AFTER = 2;

const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
/** What closes a list, an object and a tuple (see `objects` in `readJsonText`). */
const CLOSERS = [CLOSE_BRACKET, CLOSE_BRACE, CLOSE_PAREN];
const MINUS = 0x2d;
const DOT = 0x2e;

/** With `lines`: whether a list or object starts at `k` (after white space) on a later line than the value before it (see `readJsonText`). */
function nextLine(text: string, k: number, lines: boolean): boolean {
  if (!lines || (text.charCodeAt(k) !== OPEN_BRACE && text.charCodeAt(k) !== OPEN_BRACKET)) return false;
  for (let j = k - 1; j >= 0; j--) {
    const code = text.charCodeAt(j);
    if (code === 0x0a) return true;
    if (code !== 0x20 && code !== 0x0d && code !== 0x09) return false;
  }
  return false;
}

function skipSpace(text: string, k: number): number {
  for (;;) {
    const code = text.charCodeAt(k);
    if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) return k;
    k++;
  }
}

const MAX_CODE_POINT = 0x10ffff;

/** Characters that may follow a backslash in JSON, besides `u`. */
const SIMPLE_ESCAPE = new Set([QUOTE, BACKSLASH, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74]);

/**
 * The end of the string that opens at `start` (just after its closing
 * quote, the one it opened with) times two, plus one when it holds an
 * escape; -1 when it is not a valid JSON string, or (`python`) a valid
 * Python string as `repr` writes one (see `escapeDigits`).
 */
function stringEnd(text: string, start: number, python: boolean): number {
  const length = text.length;
  const quote = text.charCodeAt(start);
  let escaped = 0;
  for (let k = start + 1; k < length; k++) {
    const code = text.charCodeAt(k);
    if (code === quote) return (k + 1) * 2 + escaped;
    if (code < 0x20) return -1;
    if (code !== BACKSLASH) continue;
    escaped = 1;
    const digits = escapeDigits(text.charCodeAt(k + 1), python);
    if (digits < 0) return -1;
    for (let h = k + 2; h < k + 2 + digits; h++) if (!isHexDigit(text.charCodeAt(h))) return -1;
    if (digits === 8 && Number.parseInt(text.slice(k + 2, k + 10), 16) > MAX_CODE_POINT) return -1;
    k += 1 + digits;
  }
  return -1;
}

/**
 * After a backslash: how many hex digits the escape `code` takes, or -1
 * when it is none; JSON's (`\uhhhh` and SIMPLE_ESCAPE), or (`python`) those
 * `repr` writes: `\\`, `\'`, `\"`, `\n`, `\r`, `\t`, `\xhh`, `\uhhhh`,
 * `\Uhhhhhhhh` (see `pythonString`).
 */
function escapeDigits(code: number, python: boolean): number {
  if (!python) return code === 0x75 ? 4 : SIMPLE_ESCAPE.has(code) ? 0 : -1;
  switch (code) {
    case BACKSLASH:
    case APOSTROPHE:
    case QUOTE:
    case 0x6e:
    case 0x72:
    case 0x74:
      return 0;
    case 0x78:
      return 2;
    case 0x75:
      return 4;
    case 0x55:
      return 8;
    default:
      return -1;
  }
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

const LITERAL_WORDS = ['true', 'false', 'null'];
const PYTHON_WORDS = ['True', 'False', 'None', 'inf', '-inf', 'nan'];

/** The end of the number or word (`words`: `true`, `false`, `null`, or Python's) at `start`; -1 when there is none. */
function literalEnd(text: string, start: number, words: readonly string[]): number {
  for (const word of words) if (text.startsWith(word, start)) return start + word.length;
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

/** What the escapes `\\`, `\'`, `\"`, `\n`, `\r`, `\t` stand for, by the character after the backslash. */
const PYTHON_ESCAPES = new Map([
  [BACKSLASH, '\\'],
  [APOSTROPHE, "'"],
  [QUOTE, '"'],
  [0x6e, '\n'],
  [0x72, '\r'],
  [0x74, '\t'],
]);

/** The value of the Python string text[start, end) that `readJsonText` reported. */
export function pythonString(text: string, start: number, end: number): string {
  const parts: string[] = [];
  let at = start + 1;
  for (let k = at; k < end - 1; k++) {
    if (text.charCodeAt(k) !== BACKSLASH) continue;
    parts.push(text.slice(at, k));
    const code = text.charCodeAt(k + 1);
    const digits = escapeDigits(code, true);
    parts.push(digits === 0 ? PYTHON_ESCAPES.get(code)! : String.fromCodePoint(Number.parseInt(text.slice(k + 2, k + 2 + digits), 16)));
    at = k + 2 + digits;
    k = at - 1;
  }
  parts.push(text.slice(at, end - 1));
  return parts.join('');
}

/** The value of a literal `readJsonText` reported (`raw`, as written): a boolean, a number, or undefined for `null` and `None`. */
export function literalValue(raw: string): boolean | number | undefined {
  switch (raw) {
    case 'true':
    case 'True':
      return true;
    case 'false':
    case 'False':
      return false;
    case 'null':
    case 'None':
      return undefined;
    case 'inf':
      return Infinity;
    case '-inf':
      return -Infinity;
    default:
      return Number(raw);
  }
}
