/**
 * Reads the tables a text holds as lines: CSV, TSV and semicolon-separated
 * values, Markdown pipe tables, and the boxes that database clients print
 * (MySQL's and psql's). A tool that exports customers writes
 * `first_name,last_name,email` once and the values below it; the column's
 * name says what a cell holds, as a JSON key does for its value, and the
 * masker reads it the same way (see `masker.ts`).
 *
 * A table is a header line of two or more column names (each a word or a
 * few, as a column is named), then the rows below it with as many cells;
 * a table of pipes has its rule line between them (`|---|`, `+----+`,
 * `----+----`). A quoted cell may run over line breaks (an address), and is
 * reported a line at a time, so that a text masked in pieces reads as the
 * whole text does. A line with
 * another number of cells, a blank line (outside quotes), or a quote that
 * does not close within MAX_ROW_LINES lines ends the table: what follows
 * is read as text again.
 *
 * A table whose second column is headed as values (`| Field | Value |`,
 * `Feld;Wert`) holds a record a row per key, as a tool prints one for a
 * model: each row's first cell names what its second holds, as a column's
 * name does for its cells. So does a record of psql's expanded display
 * (`\x`): `-[ RECORD 1 ]----` and then a `name | Anna Schmidt` row per
 * column, and of MySQL's vertical one (`\G`): `*** 1. row ***` and then
 * `   name: Anna Schmidt`, the keys aligned at their colons. Such a
 * record is a person's as a record of key lines is (see `PersonRecord`):
 * a `name` row's value is held until a row of a contact's key (`email`)
 * tells it, and the rows after that are the person's.
 *
 * A database dump's rows are a table too: SQL's `INSERT INTO customers
 * (id, name, email) VALUES (1, 'Anna Schmidt', …), (…);`, its tuples on
 * the statement's line or on the lines after it up to its `;` (each tuple
 * on one line), and pg_dump's `COPY public.customers (id, name, email)
 * FROM stdin;`, then a tab-separated row per line up to `\.`.
 */
import { Lines, PersonRecord, type FieldAt, type FieldValue, type PersonKeys, type StateKind, type StateLog, type Told } from './lines.js';

const TAB = 0x09;
const SPACE = 0x20;
const QUOTE = 0x22;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;
const PIPE = 0x7c;
const PLUS = 0x2b;
const DASH = 0x2d;
const EQUALS = 0x3d;
const COLON = 0x3a;
const ASTERISK = 0x2a;
const BACKSLASH = 0x5c;
const APOSTROPHE = 0x27;
const OPEN_PARENTHESIS = 0x28;
const CLOSE_PARENTHESIS = 0x29;

/** A column name: starts with a letter or `_`, at most four words, at most 48 characters. */
const COLUMN_NAME = /^[\p{L}_][\p{L}\p{N}_.#/()-]*(?: [\p{L}\p{N}_.#/()-]+){0,3}$/u;
const MAX_NAME_CHARS = 48;
/** A header line longer than this is not read as one (a long line of prose with commas). */
const MAX_HEADER_CHARS = 4096;
/** Names of a table's second column that make its first cells keys (see the module's comment), in lower case: `value` in the EU's larger languages. */
const VALUE_HEADINGS: ReadonlySet<string> = new Set(['value', 'values', 'wert', 'werte', 'valeur', 'valor', 'valore', 'waarde', 'wartość', 'wartosc', 'värde', 'varde', 'details', 'detail', 'info']);

/** A Markdown table's line between header and rows: `|---|:--:|`, per cell dashes with optional colons. */
const MARKDOWN_RULE = /^:?-+:?$/;

/** The header of a table being read: its delimiter and column names. */
export interface TableColumns {
  readonly delimiter: number;
  readonly markdown: boolean;
  readonly names: readonly string[];
  /** The rows are keys and values: the second column's name is a `VALUE_HEADINGS` one. */
  readonly keyed: boolean;
  /** The rows are an SQL statement's tuples: `(1, 'Anna Schmidt'), (…)`. */
  readonly tuples: boolean;
  /** Where each column's name starts and ends in its line, [start0, end0, start1, …], in a table aligned with blanks (`delimiter` SPACE, see `alignedHeader`). */
  readonly spans?: readonly number[];
}

/** Where `readTables` stopped: the table whose rows may go on in the next piece of the text. */
export interface TableState extends Told {
  columns: TableColumns | undefined;
  /** The header was read, but no row yet (a Markdown table: nor its rule line). */
  headerOnly: boolean;
  /** The cells of the row being read so far, when its last is a quoted cell that goes on over the next line (0 otherwise). */
  row: number;
  /** The lines that row has run over so far. */
  rowLines: number;
  /** In a keyed table, the key the row's first cell holds, if it reads as a column's name. */
  rowKey: string | undefined;
}

export function newTableState(): TableState {
  return { columns: undefined, headerOnly: false, row: 0, rowLines: 0, rowKey: undefined, toldAt: -1 };
}

export const TABLE_STATE: StateKind<TableState> = {
  copy: (state) => ({ columns: state.columns, headerOnly: state.headerOnly, row: state.row, rowLines: state.rowLines, rowKey: state.rowKey, toldAt: state.toldAt }),
  same: (a, b) => a.columns === b.columns && a.headerOnly === b.headerOnly && a.row === b.row && a.rowLines === b.rowLines && a.rowKey === b.rowKey && a.toldAt === b.toldAt,
};

/** The columns of a record of psql's expanded display, which its `-[ RECORD 1 ]---` line starts (see `EXPANDED_RECORD`). */
const EXPANDED_COLUMNS: TableColumns = { delimiter: PIPE, markdown: false, names: ['column', 'value'], keyed: true, tuples: false };
/** The line that starts a record of psql's expanded display (`\x`), with or without its border: `-[ RECORD 12 ]-+----`. */
const EXPANDED_RECORD = /^-\[ RECORD \d+ \][-+]*$/;
/** The columns of a record of MySQL's vertical display, which its `*** 1. row ***` line starts (see `VERTICAL_RECORD`): a row's key ends at its first colon. */
const VERTICAL_COLUMNS: TableColumns = { delimiter: COLON, markdown: false, names: ['column', 'value'], keyed: true, tuples: false };
/** The line that starts a record of MySQL's vertical display (`\G`): `*************************** 1. row ***************************`. */
const VERTICAL_RECORD = /^\*{8,} \d+\. row \*{8,}$/;

/** A row runs over at most this many lines (its quoted cells' line breaks): a quote that does not close ends the table. */
const MAX_ROW_LINES = 32;

function endTable(state: TableState, record: PersonRecord | undefined): void {
  state.columns = undefined;
  state.row = state.rowLines = 0;
  state.rowKey = undefined;
  record?.end();
}

/**
 * A cell of a table's row: text[start, end), without the spaces and quotes
 * around it, in column `column` of those `names` names (the same list for
 * every row of a table); `key`: what the row's first cell names it with,
 * in a table of keys and values.
 */
export type CellVisitor = (start: number, end: number, column: number, names: readonly string[], key: string | undefined) => void;

/**
 * Reads the lines of text[from, to), `from` at the start of a line, and
 * reports each non-empty cell of every table row in them, in text order;
 * with `persons`, the person's values that a keyed table's rows tell (see
 * the module's comment) to `value`, unless `fieldAt` names their key (its
 * cell reports it). `state` is where an earlier call on the text before
 * stopped, and is updated to where this one stops; a line cut off at `to`
 * is read as a line. Returns where the record the reading ends in starts,
 * if it holds a value that a later row may tell (see `FieldLines.read`);
 * -1 when none does. Linear: each character is read a bounded number of
 * times.
 */
export function readTables(
  text: string,
  from: number,
  to: number,
  state: TableState,
  cell: CellVisitor,
  fieldAt: FieldAt,
  value: FieldValue,
  persons: PersonKeys | undefined,
  log?: StateLog<TableState>,
): number {
  const cells: number[] = [];
  const lines = new Lines(text, from);
  const rows: KeyedRows | undefined = persons && { persons, fieldAt, record: new PersonRecord(text, value) };
  rows?.record.carriedBy(state);
  let holdsFrom = -1;
  log?.begin(state);
  lines.read(
    from,
    to,
    () => state.columns !== undefined,
    // Outside a table only a line that a line feed ends can be a header (a row follows it), or an INSERT statement with its tuples.
    (k) => {
      const feed = lines.feedFrom(k);
      return feed !== -1 || !mayStartStatement(text.charCodeAt(k)) ? feed : k;
    },
    (start, end, parted) => {
      if (!rows?.record.holding) holdsFrom = start;
      readLine(text, start, end, state, cells, cell, rows);
      // A NUL ends a table like a blank line.
      if (parted) endTable(state, rows?.record);
    },
    log && ((start) => log.note(start, state)),
  );
  return rows?.record.holding ? holdsFrom : -1;
}

/** What a keyed table's rows are read with as a person's record (see `readTables`). */
interface KeyedRows {
  readonly persons: PersonKeys;
  readonly fieldAt: FieldAt;
  readonly record: PersonRecord;
}

function readLine(text: string, start: number, end: number, state: TableState, cells: number[], cell: CellVisitor, rows: KeyedRows | undefined): void {
  const { columns } = state;
  if (columns !== undefined) {
    if (goesOn(text, start, end, state, columns, cells, cell, rows)) {
      state.headerOnly = false;
      return;
    }
    endTable(state, rows?.record);
  }
  const first = text.charCodeAt(start);
  if ((first === DASH && EXPANDED_RECORD.test(text.slice(start, end))) || (first === ASTERISK && VERTICAL_RECORD.test(text.slice(start, end)))) {
    state.columns = first === DASH ? EXPANDED_COLUMNS : VERTICAL_COLUMNS;
    state.headerOnly = false;
    return;
  }
  if (mayStartStatement(first)) {
    const statement = readStatement(text, start, end);
    if (statement !== undefined) {
      state.columns = statement.columns;
      state.headerOnly = false;
      if (statement.tuplesFrom !== -1 && readTuples(text, statement.tuplesFrom, end, statement.columns, cells, cell) !== TUPLES_GO_ON) endTable(state, rows?.record);
      return;
    }
  }
  const header = readHeader(text, start, end, cells);
  state.columns = header;
  state.headerOnly = header !== undefined;
}

/** Reads the line text[start, end) as the next of the table `columns`: whether the table goes on with it. */
function goesOn(text: string, start: number, end: number, state: TableState, columns: TableColumns, cells: number[], cell: CellVisitor, rows: KeyedRows | undefined): boolean {
  // An INSERT's tuples go on to its `;`.
  if (columns.tuples) return readTuples(text, start, end, columns, cells, cell) === TUPLES_GO_ON;
  // A table of pipes has its rule under the header (see `isRule`).
  if (state.headerOnly && columns.delimiter === PIPE) return isRule(text, start, end, columns, cells);
  return readRow(text, start, end, state, columns, cells, cell, rows);
}

/** Reads the line text[start, end) as a row of the table, reporting its cells; false when it is none. */
function readRow(text: string, start: number, end: number, state: TableState, columns: TableColumns, cells: number[], cell: CellVisitor, rows: KeyedRows | undefined): boolean {
  // A row whose quoted cell went on over the line break: this line starts inside that cell.
  const first = state.row === 0 ? 0 : state.row - 1;
  const count =
    columns.delimiter === COLON ? splitAtColon(text, start, end, cells) : columns.spans !== undefined ? alignedCells(text, start, end, columns.spans, cells) : splitCells(text, start, end, columns.delimiter, columns.markdown, cells, state.row !== 0);
  const open = count < -1;
  const total = first + (open ? -count - 1 : count);
  if (count === -1 || (open ? total > columns.names.length : total !== columns.names.length)) return false;
  // A rule between rows or under the last (a box's, drawn with lines: `└────┴────┘`) holds no data.
  if ((columns.delimiter === PIPE || columns.delimiter === SPACE) && state.row === 0 && !open && isRuleRow(text, cells, count)) return true;
  if (columns.keyed && state.row === 0) {
    state.rowKey = nameIn(text, cells[0]!, cells[1]!);
    if (rows !== undefined && state.rowKey !== undefined && !open) keyedRow(rows, state.rowKey, cells[2]!, cells[3]!);
  }
  for (let k = 0; k < total - first; k++) {
    const column = first + k;
    if (cells[2 * k]! < cells[2 * k + 1]! && !isNullMark(text, cells[2 * k]!, cells[2 * k + 1]!)) cell(cells[2 * k]!, cells[2 * k + 1]!, column, columns.names, columns.keyed && column > 0 ? state.rowKey : undefined);
  }
  state.row = open ? total : 0;
  state.rowLines = open ? state.rowLines + 1 : 0;
  return state.rowLines <= MAX_ROW_LINES;
}

/** Reads a keyed table's row, its key `key` and its value text[start, end), as a line of a person's record (see the module's comment). */
function keyedRow({ persons, fieldAt, record }: KeyedRows, key: string, start: number, end: number): void {
  // A key the policy names is its cell's to report; it may still tell.
  record.keyed(persons, key, 0, key.length, start, end, fieldAt(key, 0, key.length) !== undefined);
}

/**
 * An SQL statement whose rows are a table: `INSERT INTO t (a, b)` (also
 * `INSERT IGNORE`, `REPLACE`), its `VALUES` and tuples after it from `tuplesFrom`;
 * or pg_dump's `COPY t (a, b) FROM stdin;` (`tuplesFrom` -1), whose rows
 * are tab-separated values. Its table's names in quotes, backticks or
 * brackets, its columns' too.
 */
const STATEMENT = /[ \t]*(?:(?:insert(?:[ \t]+ignore)?|replace)[ \t]+into[ \t]+[\w."`[\]]{1,128}[ \t]*\(([^()]{1,4096})\)|copy[ \t]+[\w."`[\]]{1,128}[ \t]*\(([^()]{1,4096})\)[ \t]*from[ \t]+stdin;)/iy;
/** The keyword before an INSERT's tuples, on the statement's line or the next. */
const VALUES = /[ \t]*values/iy;

/** The table an SQL statement on the line text[start, end) fills (see `STATEMENT`), if it is one. */
function readStatement(text: string, start: number, end: number): { columns: TableColumns; tuplesFrom: number } | undefined {
  STATEMENT.lastIndex = start;
  const match = STATEMENT.exec(text);
  if (match === null || match.index + match[0].length > end) return undefined;
  const copy = match[2] !== undefined;
  let after = match.index + match[0].length;
  if (copy) while (after < end && isBlankOrReturn(text.charCodeAt(after))) after++;
  if (copy && after < end) return undefined;
  const names: string[] = [];
  for (const quoted of (match[1] ?? match[2])!.split(',')) {
    const name = quoted.trim().replace(/^[`"[](.*)[`"\]]$/, '$1');
    if (!isColumnName(name)) return undefined;
    names.push(name);
  }
  if (names.length < 2) return undefined;
  return { columns: { delimiter: TAB, markdown: false, names, keyed: false, tuples: !copy }, tuplesFrom: copy ? -1 : after };
}

/** Whether a line that starts with `code` may be an SQL statement's (see `STATEMENT`): most lines are turned down here, before the statement is looked for. */
function mayStartStatement(code: number): boolean {
  const lower = code | 0x20;
  return lower === 0x69 || lower === 0x72 || lower === 0x63 || code === SPACE || code === TAB;
}

/** `readTuples`: the statement goes on over the next line (its tuples end with `,` or `VALUES` ends its line). */
const TUPLES_GO_ON = 1;
/** `readTuples`: the statement ended (`;`), or the line holds no tuple. */
const TUPLES_END = 0;

/**
 * Reads the tuples of an INSERT statement in text[k, end) (`(1, 'Anna
 * Schmidt', NULL), (…)`, after `VALUES` if the line starts with it),
 * reporting each value of a tuple that has as many as `columns` names: a
 * string's text inside its quotes (`''` and `\'` escape one), any other
 * value without the blanks around it; NULL is not reported. Returns
 * whether the statement goes on over the next line.
 */
function readTuples(text: string, k: number, end: number, columns: TableColumns, cells: number[], cell: CellVisitor): number {
  VALUES.lastIndex = k;
  if (VALUES.test(text)) k = VALUES.lastIndex;
  for (;;) {
    while (k < end && isBlankOrReturn(text.charCodeAt(k))) k++;
    if (k >= end) return TUPLES_GO_ON;
    if (text.charCodeAt(k) !== OPEN_PARENTHESIS) return TUPLES_END;
    let count = 0;
    for (k++; ; k++) {
      while (k < end && isBlankOrReturn(text.charCodeAt(k))) k++;
      let from = k;
      let to: number;
      if (text.charCodeAt(k) === APOSTROPHE) {
        from = ++k;
        for (; k < end; k++) {
          const code = text.charCodeAt(k);
          if (code === BACKSLASH) k++;
          else if (code === APOSTROPHE) {
            if (text.charCodeAt(k + 1) !== APOSTROPHE) break;
            k++;
          }
        }
        if (k >= end) return TUPLES_END;
        to = k++;
        while (k < end && isBlankOrReturn(text.charCodeAt(k))) k++;
      } else {
        // A call's arguments are its value's: `NOW()`, `ST_GeomFromText('POINT(1 2)')`.
        let depth = 0;
        for (; k < end; k++) {
          const code = text.charCodeAt(k);
          if (code === OPEN_PARENTHESIS) depth++;
          else if (code === CLOSE_PARENTHESIS && depth-- === 0) break;
          else if (code === COMMA && depth === 0) break;
          else if (code === APOSTROPHE) for (k++; k < end && text.charCodeAt(k) !== APOSTROPHE; k++);
        }
        to = k;
        while (to > from && isBlankOrReturn(text.charCodeAt(to - 1))) to--;
        if (to - from === 4 && text.slice(from, to).toUpperCase() === 'NULL') to = from;
      }
      const code = text.charCodeAt(k);
      if (k >= end || (code !== COMMA && code !== CLOSE_PARENTHESIS)) return TUPLES_END;
      cells[2 * count] = from;
      cells[2 * count + 1] = to;
      count++;
      if (code === CLOSE_PARENTHESIS) break;
    }
    if (count === columns.names.length) for (let c = 0; c < count; c++) if (cells[2 * c]! < cells[2 * c + 1]!) cell(cells[2 * c]!, cells[2 * c + 1]!, c, columns.names, undefined);
    for (k++; k < end && isBlankOrReturn(text.charCodeAt(k)); k++);
    if (k >= end || text.charCodeAt(k) !== COMMA) return TUPLES_END;
    k++;
  }
}

/** Whether the cell text[start, end) is `\\N`, a NULL in pg_dump's rows and MySQL's exports. */
function isNullMark(text: string, start: number, end: number): boolean {
  return end - start === 2 && text.charCodeAt(start) === BACKSLASH && text.charCodeAt(start + 1) === 0x4e;
}

function isBlankOrReturn(code: number): boolean {
  return code === SPACE || code === TAB || code === 0x0d;
}

/** Whether columns `names` hold keys and values: the second's name says it holds values (see `VALUE_HEADINGS`). */
export function isKeyed(names: readonly string[]): boolean {
  return names.length >= 2 && VALUE_HEADINGS.has(names[1]!.toLowerCase());
}

/** Whether `name` reads as a column's name (see `COLUMN_NAME`): a table's, or a JSON table's (see `json-columns.ts`). */
export function isColumnName(name: string): boolean {
  return name.length <= MAX_NAME_CHARS && COLUMN_NAME.test(name);
}

/**
 * The column's name text[start, end) holds, a header's cell or a keyed
 * table's first: without the Markdown marks around it (`**First name**`,
 * `` `dob` ``); undefined when it is none (see `isColumnName`).
 */
function nameIn(text: string, start: number, end: number): string | undefined {
  const mark = MARKS.get(text.charCodeAt(start));
  if (mark !== undefined && end - start > 2 * mark.length && text.startsWith(mark, start) && text.startsWith(mark, end - mark.length)) {
    start += mark.length;
    end -= mark.length;
  }
  if (end - start > MAX_NAME_CHARS) return undefined;
  const name = text.slice(start, end);
  return isColumnName(name) ? name : undefined;
}

/** The names of a Markdown table of keys and values whose header is empty. */
const UNNAMED_KEYS: readonly string[] = ['', ''];

/** The Markdown marks around a name (bold, code), by their first character. */
const MARKS: ReadonlyMap<number, string> = new Map(['**', '__', '`'].map((mark) => [mark.charCodeAt(0), mark]));

/** The columns named by the line text[start, end), if it reads as a header. */
function readHeader(text: string, start: number, end: number, cells: number[]): TableColumns | undefined {
  if (end - start > MAX_HEADER_CHARS || end - start < 3) return undefined;
  let first = start;
  while (first < end && text.charCodeAt(first) === SPACE) first++;
  const markdown = text.charCodeAt(first) === PIPE;
  const delimiter = markdown ? PIPE : delimiterOf(text, first, end);
  if (delimiter === -1) return alignedHeader(text, start, first, end);
  const count = splitCells(text, start, end, delimiter, markdown, cells, false);
  if (count < 2) return undefined;
  // Markdown's table of keys and values without a header (`| | |`), as two columns must have one.
  if (markdown && count === 2 && cells[0] === cells[1] && cells[2] === cells[3]) return { delimiter, markdown, names: UNNAMED_KEYS, keyed: true, tuples: false };
  const names: string[] = [];
  for (let k = 0; k < count; k++) {
    const name = nameIn(text, cells[2 * k]!, cells[2 * k + 1]!);
    if (name === undefined) return undefined;
    names.push(name);
  }
  return { delimiter, markdown, names, keyed: isKeyed(names), tuples: false };
}

/**
 * The delimiter of the header line text[start, end): the tab, semicolon,
 * comma or pipe (psql's) that ends its first column name; -1 when the line
 * does not start with a name. Most lines of prose or data are passed over
 * within a few characters.
 */
function delimiterOf(text: string, start: number, end: number): number {
  const limit = Math.min(end, start + MAX_NAME_CHARS + 2);
  for (let k = start; k < limit; k++) {
    const code = text.charCodeAt(k);
    if (code === TAB || code === SEMICOLON || code === COMMA || code === PIPE) return k === start ? -1 : code;
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
 * and its quotes excluded; `inQuote`: the line starts inside a quoted
 * cell. Returns the number of cells; -1 when text follows a closing quote;
 * when the last cell's quote does not close on the line, -1 - the number
 * of cells (the last running to the line's end).
 */
function splitCells(text: string, start: number, end: number, delimiter: number, markdown: boolean, cells: number[], inQuote: boolean): number {
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
    const continued = inQuote && count === 0;
    if (!continued) while (k < end && text.charCodeAt(k) === SPACE) k++;
    let from = k;
    let to: number;
    if (!markdown && (continued || text.charCodeAt(k) === QUOTE)) {
      if (!continued) from = ++k;
      for (;;) {
        if (k >= end) {
          cells[2 * count] = from;
          cells[2 * count + 1] = end;
          return -2 - count;
        }
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

/** Splits the line text[start, end) of a MySQL vertical record (`   name: Anna Schmidt`) into its key and value at its first colon, as `splitCells` does; -1 when it has no key. */
function splitAtColon(text: string, start: number, end: number, cells: number[]): number {
  let colon = start;
  while (colon < end && text.charCodeAt(colon) !== COLON) colon++;
  if (colon === end) return -1;
  let from = start;
  while (from < colon && text.charCodeAt(from) === SPACE) from++;
  if (from === colon) return -1;
  let to = colon + 1;
  while (to < end && text.charCodeAt(to) === SPACE) to++;
  cells[0] = from;
  cells[1] = colon;
  cells[2] = to;
  cells[3] = end;
  return 2;
}

/**
 * The columns of a table aligned with blanks, as `column -t`, kubectl,
 * docker, tabulate's plain style and pandas print one, if the line
 * text[start, end) (its first name at `first`) is its header: two or more
 * column names (see `isColumnName`), two blanks or more between each and
 * the next, no other delimiter. Most lines are turned down within their
 * first name.
 */
function alignedHeader(text: string, start: number, first: number, end: number): TableColumns | undefined {
  const names: string[] = [];
  const spans: number[] = [];
  for (let nameStart = first; nameStart < end; ) {
    let nameEnd = nameStart;
    while (nameEnd < end && !isGap(text, nameEnd, end)) {
      // No column's name is longer (see `isColumnName`).
      if (!inName(text.charCodeAt(nameEnd)) || nameEnd - nameStart > MAX_NAME_CHARS) return undefined;
      nameEnd++;
    }
    // A line of one name is no header: most lines are turned down before a name is sliced.
    if (nameStart === first && nameEnd === end) return undefined;
    const name = text.slice(nameStart, nameEnd);
    if (!isColumnName(name)) return undefined;
    names.push(name);
    spans.push(nameStart - start, nameEnd - start);
    nameStart = nameEnd;
    while (nameStart < end && text.charCodeAt(nameStart) === SPACE) nameStart++;
  }
  return names.length < 2 ? undefined : { delimiter: SPACE, markdown: false, names, keyed: false, tuples: false, spans };
}

/** Whether a gap between the columns of a table aligned with blanks starts at `k`: two blanks, or one before the line's end. */
function isGap(text: string, k: number, end: number): boolean {
  return text.charCodeAt(k) === SPACE && (k + 1 === end || text.charCodeAt(k + 1) === SPACE);
}

/**
 * Splits the row text[start, end) of a table aligned with blanks into its
 * columns' `cells` (see `splitCells`): each run of text between gaps is
 * the cell of the column whose name it lies under, a value aligned left or
 * right (as pandas aligns it) alike; one under no name (pandas' index) is
 * none. Returns -1 when the row is not aligned so (a run under two names,
 * two runs under one, or a tab), or blank.
 */
function alignedCells(text: string, start: number, end: number, spans: readonly number[], cells: number[]): number {
  const count = spans.length / 2;
  for (let k = 0; k < 2 * count; k++) cells[k] = start;
  let column = 0;
  let runs = 0;
  for (let k = start; k < end; ) {
    const code = text.charCodeAt(k);
    if (code === TAB) return -1;
    if (code === SPACE) {
      k++;
      continue;
    }
    const from = k;
    runs++;
    while (k < end && !isGap(text, k, end)) {
      if (text.charCodeAt(k) === TAB) return -1;
      k++;
    }
    while (column < count && spans[2 * column + 1]! <= from - start) column++;
    if (column === count || spans[2 * column]! >= k - start) continue;
    if ((column + 1 < count && spans[2 * column + 2]! < k - start) || cells[2 * column]! < cells[2 * column + 1]!) return -1;
    cells[2 * column] = from;
    cells[2 * column + 1] = k;
  }
  // A blank line ends the table.
  return runs === 0 ? -1 : count;
}

/** Whether each of the `count` cells is a run of dashes (see `MARKDOWN_RULE`). */
function isRuleRow(text: string, cells: number[], count: number): boolean {
  for (let k = 0; k < count; k++) if (!MARKDOWN_RULE.test(text.slice(cells[2 * k], cells[2 * k + 1]))) return false;
  return true;
}

/**
 * Whether the line text[start, end) is the rule under the header of a table
 * of pipes with `columns`: Markdown's `|---|:--:|`, or a box's `+----+----+`
 * (MySQL's client) or `----+----` (psql; `----|----` where its lines are
 * drawn, as the masker reads them, see `scannedForm`), a run of dashes (or
 * `=`) per column.
 */
function isRule(text: string, start: number, end: number, columns: TableColumns, cells: number[]): boolean {
  let runs = 0;
  let plus = false;
  for (let k = start; k < end; k++) {
    const code = text.charCodeAt(k);
    if (code === PLUS || code === PIPE) plus = true;
    else if (code === DASH || code === EQUALS) runs += k === start || text.charCodeAt(k - 1) === PLUS || text.charCodeAt(k - 1) === PIPE || text.charCodeAt(k - 1) === SPACE ? 1 : 0;
    else if (code !== SPACE) {
      runs = -1;
      break;
    }
  }
  if (plus && runs === columns.names.length) return true;
  if (!columns.markdown || splitCells(text, start, end, PIPE, true, cells, false) !== columns.names.length) return false;
  return isRuleRow(text, cells, columns.names.length);
}
