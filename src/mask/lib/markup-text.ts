/**
 * Reads the elements of XML (or HTML) in a text that say what they hold:
 * `<first_name>Anna</first_name>`, `<ns:home_address><street>…</street>
 * </ns:home_address>`. A tool that answers from an XML service passes its
 * answer on this way, and the element's name says what its text is, as a
 * JSON key does (see `masker.ts`). Attributes (`<customer
 * first_name="Anna">`) are keys inside a line (see `key-value-text.ts`).
 *
 * Every piece of text inside an element that a field names is reported,
 * the names of the elements nested in it kept, and a CDATA section's
 * inside too. An element may run over lines: the state carries it to the
 * next piece of a long text. A tag that runs over its line is not read.
 */
import type { FieldAt } from './key-value-text.js';

const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;
const MAX_NAME_CHARS = 64;
const CDATA = '<![CDATA[';

/** Where `readElements` stopped: inside the element of a field, whose text may go on in the next piece of the text. */
export interface MarkupState {
  /** What the open element's name names, if the reader is inside one. */
  named: string | undefined;
  /** The open element's name as written (its closing tag's). */
  tag: string;
}

export function newMarkupState(): MarkupState {
  return { named: undefined, tag: '' };
}

/**
 * Reads the lines of text[from, to), `from` at the start of a line (a line
 * ends at a line feed or a NUL, which also closes an element, see
 * `readTables`), and reports each piece of text inside an element whose
 * (local) name `fieldAt` names, to `value`: text[start, end), without the
 * blanks around it. `state` carries an open element from an earlier call
 * on the text before, and is updated. Linear.
 */
export function readElements(
  text: string,
  from: number,
  to: number,
  state: MarkupState,
  fieldAt: FieldAt,
  value: (start: number, end: number, named: string) => void,
): void {
  // The next NUL, line feed and `<` at or after `start`, each searched for again only once passed.
  let nul = text.indexOf('\u0000', from);
  let feed = text.indexOf('\n', from);
  let tag = text.indexOf('<', from);
  let start = from;
  while (start < to) {
    if (nul !== -1 && nul < start) nul = text.indexOf('\u0000', start);
    if (feed !== -1 && feed < start) feed = text.indexOf('\n', start);
    if (tag !== -1 && tag < start) tag = text.indexOf('<', start);
    let end = feed === -1 || feed > to ? to : feed;
    const parted = nul !== -1 && nul < end;
    if (parted) end = nul;
    // Outside a field's element only a line with a tag is read.
    if (state.named === undefined && (tag === -1 || tag >= to)) return;
    if (state.named !== undefined || tag < end) {
      const last = end > start && text.charCodeAt(end - 1) === CARRIAGE_RETURN ? end - 1 : end;
      readLine(text, start, last, state, fieldAt, value);
    }
    if (parted) state.named = undefined;
    start = end + 1;
  }
}

function readLine(text: string, k: number, end: number, state: MarkupState, fieldAt: FieldAt, value: (start: number, end: number, named: string) => void): void {
  while (k < end) {
    if (state.named !== undefined) {
      k = readInside(text, k, end, state, value);
      continue;
    }
    const open = text.indexOf('<', k);
    if (open === -1 || open >= end) return;
    const nameEnd = nameAfter(text, open + 1, end);
    const after = text.charCodeAt(nameEnd);
    // `<` then a name then a blank, `>` or `/`: an opening tag; closing tags, comments, declarations and `a<b` pass.
    if (nameEnd === open + 1 || !(after === SPACE || after === TAB || after === GREATER_THAN || after === SLASH)) {
      k = open + 1;
      continue;
    }
    const close = tagEnd(text, nameEnd, end);
    if (close === -1) {
      k = open + 1;
      continue;
    }
    k = close + 1;
    if (text.charCodeAt(close - 1) === SLASH) continue;
    // `ns:home_address` names what `home_address` names.
    let local = nameEnd;
    while (local > open + 1 && text.charCodeAt(local - 1) !== COLON) local--;
    const named = fieldAt(text, local, nameEnd);
    if (named === undefined) continue;
    state.named = named;
    state.tag = text.slice(open + 1, nameEnd);
  }
}

/**
 * Reports the pieces of text of the open element's line text[k, end), up
 * to its closing tag, which closes it; returns where the reader goes on.
 */
function readInside(text: string, k: number, end: number, state: MarkupState, value: (start: number, end: number, named: string) => void): number {
  const named = state.named!;
  let piece = k;
  for (let j = k; j < end; j++) {
    if (text.charCodeAt(j) !== LESS_THAN) continue;
    if (text.startsWith(CDATA, j)) {
      report(text, piece, j, named, value);
      let inside = j + CDATA.length;
      while (inside < end && !text.startsWith(']]>', inside)) inside++;
      report(text, j + CDATA.length, inside, named, value);
      j = inside + 2;
      piece = j + 1;
      continue;
    }
    // A `<` that starts no tag is text.
    const close = tagEnd(text, j + 1, end);
    if (close === -1) continue;
    report(text, piece, j, named, value);
    if (text.charCodeAt(j + 1) === SLASH && text.startsWith(state.tag, j + 2) && nameAfter(text, j + 2, end) === j + 2 + state.tag.length) {
      state.named = undefined;
      return close + 1;
    }
    j = close;
    piece = close + 1;
  }
  report(text, piece, end, named, value);
  return end;
}

function report(text: string, start: number, end: number, named: string, value: (start: number, end: number, named: string) => void): void {
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  if (start < end) value(start, end, named);
}

/** Where the element name that starts at `k` ends (`k` when none does): letters, digits, `_`, `-`, `.`, `:`. */
function nameAfter(text: string, k: number, end: number): number {
  const from = k;
  while (k < end && k - from < MAX_NAME_CHARS && isNameChar(text.charCodeAt(k))) k++;
  return k;
}

/** The `>` that ends the tag whose name ends before `k`, on its line; -1 when the tag runs over it, or a `<` comes first (`a<b and <p>` is text, then a tag). */
function tagEnd(text: string, k: number, end: number): number {
  while (k < end && text.charCodeAt(k) !== GREATER_THAN && text.charCodeAt(k) !== LESS_THAN) k++;
  return k < end && text.charCodeAt(k) === GREATER_THAN ? k : -1;
}

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB;
}

function isNameChar(code: number): boolean {
  return ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x2d || code === 0x2e || code === COLON || code >= 0xc0;
}
