/**
 * Reads the lines of a text that say what they hold: `Full name: Anna
 * Schmidt`, `date_of_birth = 1980-01-02`, YAML's `first_name: Anna` and the
 * block below a `home_address:`, Markdown's `- **Date of birth:** …`. A
 * tool that prints a record for a model writes it this way, and the name
 * before the value says what it is, as a JSON key does (see `masker.ts`).
 *
 * A key line is: indentation, an optional list marker (`- `, `* `), the key
 * (a letter, then up to 48 letters, digits, spaces, `_`, `-` or `.`),
 * optionally in quotes or bold (`**`, `__`), then `:` followed by a space
 * or the line's end, or `=`. Its value is the rest of the line, without
 * the spaces and quotes around it. A key line without a value (or with a
 * YAML block marker, `|` or `>`) opens a block: each line indented deeper
 * below it belongs to the key (a nested `street: Main St` keeps its own key).
 */

const TAB = 0x09;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const ASTERISK = 0x2a;
const DASH = 0x2d;
const COLON = 0x3a;
const EQUALS = 0x3d;
const UNDERSCORE = 0x5f;
const MAX_KEY_CHARS = 48;
/** A YAML block scalar's marker: `|`, `>`, with an optional chomping or indentation indicator. */
const BLOCK_MARKER = /^[|>][-+0-9]*$/;

/** Where `readKeyValues` stopped: the key whose block may go on in the next piece of the text. */
export interface KeyValueState {
  /** What the open block's key names (see `readKeyValues`), if a block is open. */
  named: string | undefined;
  /** The indentation of the open block's key line: a line indented deeper belongs to it. */
  indent: number;
}

export function newKeyValueState(): KeyValueState {
  return { named: undefined, indent: 0 };
}

/**
 * Reads the lines of text[from, to), `from` at the start of a line (a line
 * ends at a line feed or a NUL, which also closes a block, see
 * `readTables`), and reports each value of a key that `nameOf` names (its
 * return, a policy field) to `value`, in text order: text[start, end).
 * `state` carries a block from an earlier call on the text before, and is
 * updated. Linear: each character is read a bounded number of times.
 */
export function readKeyValues(
  text: string,
  from: number,
  to: number,
  state: KeyValueState,
  nameOf: (key: string) => string | undefined,
  value: (start: number, end: number, named: string) => void,
): void {
  // The next NUL, line feed, colon and equals sign at or after `start`, each searched for again only once passed.
  let nul = text.indexOf('\u0000', from);
  let feed = text.indexOf('\n', from);
  let colon = text.indexOf(':', from);
  let equals = text.indexOf('=', from);
  let start = from;
  while (start < to) {
    if (nul !== -1 && nul < start) nul = text.indexOf('\u0000', start);
    if (feed !== -1 && feed < start) feed = text.indexOf('\n', start);
    let end = feed === -1 || feed > to ? to : feed;
    const parted = nul !== -1 && nul < end;
    if (parted) end = nul;
    if (state.named === undefined) {
      // Outside a block only a line with a separator is read: most lines of a text, and most values joined, are passed over unread.
      if (colon !== -1 && colon < start) colon = text.indexOf(':', start);
      if (equals !== -1 && equals < start) equals = text.indexOf('=', start);
      const separator = colon === -1 ? equals : equals === -1 ? colon : Math.min(colon, equals);
      if (separator === -1 || separator >= to) return;
      if (separator >= end) {
        start = end + 1;
        continue;
      }
    }
    const last = end > start && text.charCodeAt(end - 1) === CARRIAGE_RETURN ? end - 1 : end;
    readLine(text, start, last, state, nameOf, value);
    if (parted) state.named = undefined;
    start = end + 1;
  }
}

function readLine(text: string, start: number, end: number, state: KeyValueState, nameOf: (key: string) => string | undefined, value: (start: number, end: number, named: string) => void): void {
  let k = start;
  while (k < end && isBlank(text.charCodeAt(k))) k++;
  // A blank line neither ends a block nor belongs to it.
  if (k === end) return;
  const indent = k - start;
  if (state.named !== undefined) {
    if (indent > state.indent) {
      const [from, to] = blockValue(text, k, end);
      if (from < to) value(from, to, state.named);
      return;
    }
    state.named = undefined;
  }
  const line = keyLine(text, k, end);
  if (line === undefined) return;
  const named = nameOf(text.slice(line.keyStart, line.keyEnd));
  if (named === undefined) return;
  if (line.valueStart === line.valueEnd || BLOCK_MARKER.test(text.slice(line.valueStart, line.valueEnd))) {
    state.named = named;
    state.indent = indent;
  } else {
    value(line.valueStart, line.valueEnd, named);
  }
}

interface KeyLine {
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

/** The key and value of the line text[k, end) (`k` after its indentation), if it is a key line. */
function keyLine(text: string, k: number, end: number): KeyLine | undefined {
  const first = text.charCodeAt(k);
  if ((first === DASH || first === ASTERISK) && isBlank(text.charCodeAt(k + 1))) {
    k += 2;
    while (k < end && isBlank(text.charCodeAt(k))) k++;
  }
  const bold = isBold(text, k);
  if (bold) k += 2;
  const quote = text.charCodeAt(k) === QUOTE || text.charCodeAt(k) === APOSTROPHE ? text.charCodeAt(k++) : 0;
  const keyStart = k;
  if (!isLetter(text.charCodeAt(k))) return undefined;
  while (k < end && k - keyStart < MAX_KEY_CHARS && isKeyChar(text.charCodeAt(k)) && !(bold && isBold(text, k))) k++;
  let keyEnd = k;
  while (keyEnd > keyStart && text.charCodeAt(keyEnd - 1) === SPACE) keyEnd--;
  if (quote !== 0) {
    if (text.charCodeAt(k) !== quote) return undefined;
    k++;
  }
  if (bold && isBold(text, k)) k += 2;
  while (k < end && text.charCodeAt(k) === SPACE) k++;
  const separator = text.charCodeAt(k);
  if (k >= end || (separator !== COLON && separator !== EQUALS)) return undefined;
  k++;
  // `http://…`, `12:30`: a colon that a space or the line's end does not follow separates no key.
  if (separator === COLON && k < end && !isBlank(text.charCodeAt(k)) && !(bold && isBold(text, k))) return undefined;
  if (bold && isBold(text, k)) k += 2;
  const [valueStart, valueEnd] = trimmed(text, k, end);
  return { keyStart, keyEnd, valueStart, valueEnd };
}

/** The value of a line inside a block (text[k, end), `k` after its indentation): a nested key's value, else the line without its list marker. */
function blockValue(text: string, k: number, end: number): [number, number] {
  const line = keyLine(text, k, end);
  if (line !== undefined) return [line.valueStart, line.valueEnd];
  const first = text.charCodeAt(k);
  if ((first === DASH || first === ASTERISK) && isBlank(text.charCodeAt(k + 1))) k += 2;
  return trimmed(text, k, end);
}

/** text[start, end) without the blanks around it, and without quotes that enclose it. */
function trimmed(text: string, start: number, end: number): [number, number] {
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  const first = text.charCodeAt(start);
  if (end - start >= 2 && (first === QUOTE || first === APOSTROPHE) && text.charCodeAt(end - 1) === first) return [start + 1, end - 1];
  return [start, end];
}

function isBold(text: string, k: number): boolean {
  const code = text.charCodeAt(k);
  return (code === ASTERISK || code === UNDERSCORE) && text.charCodeAt(k + 1) === code;
}

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB;
}

function isLetter(code: number): boolean {
  return ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) || code >= 0xc0;
}

function isKeyChar(code: number): boolean {
  return isLetter(code) || (code >= 0x30 && code <= 0x39) || code === SPACE || code === UNDERSCORE || code === DASH || code === 0x2e;
}
