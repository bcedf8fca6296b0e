/**
 * Reads the tables a text holds as lines: CSV, TSV and semicolon-separated
 * values, and Markdown pipe tables. A tool that exports customers writes
 * `first_name,last_name,email` once and the values below it; the column's
 * name says what a cell holds, as a JSON key does for its value, and the
 * masker reads it the same way (see `masker.ts`).
 *
 * A table is a header line of two or more column names (each a word or a
 * few, as a column is named), then the rows below it with as many cells;
 * a Markdown table has its `|---|` line between them. A line with another
 * number of cells, a blank line, or a cell whose quotes do not close on its
 * line ends the table: what follows is read as text again (a quoted cell
 * that runs over lines is not read as one).
 */

const TAB = 0x09;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;
const PIPE = 0x7c;
const BACKSLASH = 0x5c;

/** A column name: starts with a letter or `_`, at most four words, at most 48 characters. */
const COLUMN_NAME = /^[\p{L}_][\p{L}\p{N}_.#/()-]*(?: [\p{L}\p{N}_.#/()-]+){0,3}$/u;
const MAX_NAME_CHARS = 48;
/** A header line longer than this is not read as one (a long line of prose with commas). */
const MAX_HEADER_CHARS = 4096;
/** A Markdown table's line between header and rows: `|---|:--:|`, per cell dashes with optional colons. */
const MARKDOWN_RULE = /^:?-+:?$/;

/** The header of a table being read: its delimiter and column names. */
export interface TableColumns {
  readonly delimiter: number;
  readonly markdown: boolean;
  readonly names: readonly string[];
}

/** Where `readTables` stopped: the table whose rows may go on in the next piece of the text. */
export interface TableState {
  columns: TableColumns | undefined;
  /** The header was read, but no row yet (a Markdown table: nor its rule line). */
  headerOnly: boolean;
}

export function newTableState(): TableState {
  return { columns: undefined, headerOnly: false };
}

/** A cell of a table's row: text[start, end), without the spaces and quotes around it. */
export type CellVisitor = (start: number, end: number, column: number, columns: TableColumns) => void;

/**
 * Reads the lines of text[from, to), `from` at the start of a line, and
 * reports each non-empty cell of every table row in them, in text order.
 * `state` is where an earlier call on the text before stopped, and is
 * updated to where this one stops; a line cut off at `to` is read as a
 * line. Linear: each character is read a bounded number of times.
 */
export function readTables(text: string, from: number, to: number, state: TableState, cell: CellVisitor): void {
  const cells: number[] = [];
  // The next line feed and NUL at or after `start`, each searched for again only once passed (a text may hold many of one and none of the other).
  // A NUL ends a table like a blank line: masked values joined into one text are parted by it (see `VALUE_SEPARATOR`).
  let nul = text.indexOf('\u0000', from);
  let feed = text.indexOf('\n', from);
  let start = from;
  while (start < to) {
    if (nul !== -1 && nul < start) nul = text.indexOf('\u0000', start);
    if (feed !== -1 && feed < start) feed = text.indexOf('\n', start);
    if (state.columns === undefined) {
      // Only a line that a line feed ends can be a header (a row follows it): on to the next such line.
      if (feed === -1 || feed >= to) return;
      if (nul !== -1 && nul < feed) {
        start = nul + 1;
        continue;
      }
    }
    let end = feed === -1 || feed > to ? to : feed;
    const parted = nul !== -1 && nul < end;
    if (parted) end = nul;
    const last = end > start && text.charCodeAt(end - 1) === CARRIAGE_RETURN ? end - 1 : end;
    readLine(text, start, last, state, cells, cell);
    if (parted) state.columns = undefined;
    start = end + 1;
  }
}

function readLine(text: string, start: number, end: number, state: TableState, cells: number[], cell: CellVisitor): void {
  const { columns } = state;
  if (columns !== undefined) {
    const count = splitCells(text, start, end, columns.delimiter, columns.markdown, cells);
    if (count === columns.names.length) {
      if (columns.markdown && state.headerOnly) {
        if (isRule(text, cells, count)) state.headerOnly = false;
        else state.columns = undefined;
        return;
      }
      state.headerOnly = false;
      for (let k = 0; k < count; k++) if (cells[2 * k]! < cells[2 * k + 1]!) cell(cells[2 * k]!, cells[2 * k + 1]!, k, columns);
      return;
    }
    state.columns = undefined;
  }
  const header = readHeader(text, start, end, cells);
  state.columns = header;
  state.headerOnly = header !== undefined;
}

/** The columns named by the line text[start, end), if it reads as a header. */
function readHeader(text: string, start: number, end: number, cells: number[]): TableColumns | undefined {
  if (end - start > MAX_HEADER_CHARS || end - start < 3) return undefined;
  let first = start;
  while (first < end && text.charCodeAt(first) === SPACE) first++;
  const markdown = text.charCodeAt(first) === PIPE;
  const delimiter = markdown ? PIPE : delimiterOf(text, first, end);
  if (delimiter === -1) return undefined;
  const count = splitCells(text, start, end, delimiter, markdown, cells);
  if (count < 2) return undefined;
  const names: string[] = [];
  for (let k = 0; k < count; k++) {
    if (cells[2 * k + 1]! - cells[2 * k]! > MAX_NAME_CHARS) return undefined;
    const name = text.slice(cells[2 * k], cells[2 * k + 1]);
    if (!COLUMN_NAME.test(name)) return undefined;
    names.push(name);
  }
  return { delimiter, markdown, names };
}

/**
 * The delimiter of the header line text[start, end): the tab, semicolon or
 * comma that ends its first column name; -1 when the line does not start
 * with a name. Most lines of prose or data are passed over within a few
 * characters.
 */
function delimiterOf(text: string, start: number, end: number): number {
  const limit = Math.min(end, start + MAX_NAME_CHARS + 2);
  for (let k = start; k < limit; k++) {
    const code = text.charCodeAt(k);
    if (code === TAB || code === SEMICOLON || code === COMMA) return k === start ? -1 : code;
    if (!inName(code)) return -1;
  }
  return -1;
}

/** Whether a column name (or the quotes around it) may hold the character: a letter (any outside ASCII, `COLUMN_NAME` decides), a digit, space or `_.#/()-`. */
function inName(code: number): boolean {
  return code >= 0x80 || NAME_CHARS[code] === 1;
}

const NAME_CHARS = Uint8Array.from({ length: 0x80 }, (_, code) => (/[A-Za-z0-9 "_.#/()-]/.test(String.fromCharCode(code)) ? 1 : 0));

/**
 * Splits the line text[start, end) into cells at `delimiter` (outside
 * double quotes; in Markdown, a `|` not escaped, the outer ones dropped),
 * each as the start and end of its content into `cells`: spaces around it
 * and its quotes excluded. Returns the number of cells, or -1 when a quote
 * does not close or text follows a closing quote.
 */
function splitCells(text: string, start: number, end: number, delimiter: number, markdown: boolean, cells: number[]): number {
  let k = start;
  if (markdown) {
    while (k < end && text.charCodeAt(k) === SPACE) k++;
    if (text.charCodeAt(k) !== PIPE) return -1;
    k++;
    while (end > k && text.charCodeAt(end - 1) === SPACE) end--;
    if (end > k && text.charCodeAt(end - 1) === PIPE && text.charCodeAt(end - 2) !== BACKSLASH) end--;
  }
  let count = 0;
  for (;;) {
    while (k < end && text.charCodeAt(k) === SPACE) k++;
    let from = k;
    let to: number;
    if (!markdown && text.charCodeAt(k) === QUOTE) {
      from = ++k;
      for (;;) {
        if (k >= end) return -1;
        if (text.charCodeAt(k) === QUOTE) {
          if (text.charCodeAt(k + 1) !== QUOTE || k + 1 >= end) break;
          k++;
        }
        k++;
      }
      to = k++;
      while (k < end && text.charCodeAt(k) === SPACE) k++;
      if (k < end && text.charCodeAt(k) !== delimiter) return -1;
    } else {
      while (k < end && (text.charCodeAt(k) !== delimiter || (markdown && text.charCodeAt(k - 1) === BACKSLASH))) k++;
      to = k;
      while (to > from && text.charCodeAt(to - 1) === SPACE) to--;
    }
    cells[2 * count] = from;
    cells[2 * count + 1] = to;
    count++;
    if (k >= end) return count;
    k++;
  }
}

/** Whether the cells split into `cells` are a Markdown table's rule line. */
function isRule(text: string, cells: number[], count: number): boolean {
  for (let k = 0; k < count; k++) if (!MARKDOWN_RULE.test(text.slice(cells[2 * k], cells[2 * k + 1]))) return false;
  return true;
}
