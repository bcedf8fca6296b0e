/**
 * Reads the accessibility snapshots that browser tools return to a model
 * (Playwright MCP's page snapshot): a YAML list of a page's elements, one
 * a line, `- role "name" [ref=e5]: text`. A page of customers puts its
 * personal data there in three shapes the other readers do not know:
 *
 * - a table, its columns named by `columnheader` lines and each `cell` of
 *   a later `row` under the column of its place in the row; the row's own
 *   name joins its cells' texts (`row "Anna Schmidt anna@…"`), and each
 *   cell's text is reported there too, found in order;
 * - a form's field, named by its label: `textbox "First name": Anna`;
 * - a key line as an element's text: `paragraph: "Full name: Anna Schmidt"`
 *   (see `key-value-text.ts`).
 *
 * Only lines with a `[ref=…]` (every element but text has one) or a
 * `- text:` are read. A table ends at a line no deeper than its own; the
 * state carries it to the next piece of a long text, whose rows' names
 * are read in that piece only.
 */
import { readKeyValues, newKeyValueState } from './key-value-text.js';
import { Lines, nearer, NextIndex, sameItems, type FieldAt, type FieldValue, type PersonKeys, type StateKind, type StateLog } from './lines.js';
import { isColumnName, type CellVisitor } from './table-text.js';

const SPACE = 0x20;
const QUOTE = 0x22;
const DASH = 0x2d;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const BACKSLASH = 0x5c;
/** A table of more columns than this is read as none. */
const MAX_COLUMNS = 256;
/** What a line of a snapshot holds (see `readAriaSnapshot`): searched for as strings, which is several times faster than one pattern for both. */
const REF = '[ref=';
const TEXT = '- text: ';
/** The roles of a form's fields, whose label names their value. */
const FIELD_ROLES = new Set(['textbox', 'combobox', 'searchbox', 'spinbutton']);
const CELL_ROLES = new Set(['cell', 'gridcell']);

/** Where `readAriaSnapshot` stopped: in a table, whose rows may go on in the next piece of the text. */
export interface AriaState {
  /** The indentation of the open table's line; -1 outside one. */
  table: number;
  /** The table's column names, once a row of headers named them. */
  columns: string[] | undefined;
  /** The names of the headers of the row being read, while no row named the columns. */
  headers: string[];
  /** The place in its row of the next cell. */
  cell: number;
}

export function newAriaState(): AriaState {
  return { table: -1, columns: undefined, headers: [], cell: 0 };
}

export const ARIA_STATE: StateKind<AriaState> = {
  copy: (state) => ({ table: state.table, columns: state.columns, headers: state.headers.slice(), cell: state.cell }),
  same: (a, b) => a.table === b.table && a.columns === b.columns && sameItems(a.headers, b.headers) && a.cell === b.cell,
};

/** A snapshot's line: its role, its name inside its quotes (-1 when none), and its text after `: ` (inside its quotes, if quoted; -1 when none). */
interface AriaLine {
  roleStart: number;
  roleEnd: number;
  nameStart: number;
  nameEnd: number;
  textStart: number;
  textEnd: number;
}

/**
 * Reports, for the lines of text[from, to) that read as a snapshot's (see
 * the module's comment): each cell's text (and its place in its row's
 * name) to `cell`, with its column and the table's columns; each form
 * field's value whose label `fieldAt` names, and each key line's value
 * in an element's text, to `value` (a person's too, with `persons`).
 * `state` carries a table from an earlier call on the text before.
 * Returns where the line of the last row starts, if its name holds text
 * that its cells in the text after may match; -1 otherwise. Linear: a line
 * is read once, and a row's name once for all its cells.
 */
export function readAriaSnapshot(text: string, from: number, to: number, state: AriaState, fieldAt: FieldAt, value: FieldValue, cell: CellVisitor, persons?: PersonKeys, log?: StateLog<AriaState>): number {
  const lines = new Lines(text, from);
  log?.begin(state);
  const refs = new NextIndex(text, REF, from);
  const texts = new NextIndex(text, TEXT, from);
  // The row being read in this piece: its line, where its name's text not yet matched to a cell starts, and where the name ends (-1: none).
  let rowLine = -1;
  let rowAt = -1;
  let rowEnd = -1;
  lines.read(
    from,
    to,
    () => state.table !== -1,
    (k) => nearer(refs.from(k), texts.from(k)),
    (start, end, parted) => {
      let k = start;
      while (k < end && text.charCodeAt(k) === SPACE) k++;
      const indent = k - start;
      if (state.table !== -1 && (indent <= state.table || parted)) Object.assign(state, newAriaState());
      const line = ariaLine(text, k, end);
      if (line === undefined) return;
      const role = text.slice(line.roleStart, line.roleEnd);
      if (role === 'table' || role === 'grid') {
        Object.assign(state, newAriaState());
        state.table = indent;
        rowAt = rowEnd = -1;
      } else if (state.table !== -1 && role === 'row') {
        if (state.columns === undefined && state.headers.length > 0 && state.headers.length <= MAX_COLUMNS && state.headers.every(isColumnName)) state.columns = state.headers;
        state.headers = [];
        state.cell = 0;
        rowLine = start;
        rowAt = line.nameStart;
        rowEnd = line.nameEnd;
      } else if (state.table !== -1 && role === 'columnheader') {
        if (state.columns === undefined) state.headers.push(line.nameStart === -1 ? '' : text.slice(line.nameStart, line.nameEnd));
      } else if (state.table !== -1 && CELL_ROLES.has(role)) {
        const column = state.cell++;
        const { columns } = state;
        if (columns === undefined || column >= columns.length || line.nameStart === -1 || line.nameStart === line.nameEnd) return;
        cell(line.nameStart, line.nameEnd, column, columns, undefined);
        // The same text in the row's name, right after the cells before it.
        if (rowAt === -1) return;
        while (rowAt < rowEnd && text.charCodeAt(rowAt) === SPACE) rowAt++;
        const length = line.nameEnd - line.nameStart;
        if (rowAt + length <= rowEnd && text.startsWith(text.slice(line.nameStart, line.nameEnd), rowAt)) {
          cell(rowAt, rowAt + length, column, columns, undefined);
          rowAt += length;
        }
      } else if (FIELD_ROLES.has(role) && line.nameStart !== -1 && line.textStart !== -1) {
        const field = fieldAt(text, line.nameStart, line.nameEnd);
        if (field !== undefined && line.textStart < line.textEnd) value(line.textStart, line.textEnd, field);
      } else if (line.textStart !== -1 && line.textStart < line.textEnd) {
        readKeyValues(text, line.textStart, line.textEnd, newKeyValueState(), fieldAt, value, persons);
      }
    },
    log && ((start) => log.note(start, state)),
  );
  return state.columns !== undefined && rowAt !== -1 && rowAt < rowEnd ? rowLine : -1;
}

/** The snapshot's line that starts at `k` (after its indentation) and ends at `end`, if it is one: `- role "name" [attribute]…: text`. */
function ariaLine(text: string, k: number, end: number): AriaLine | undefined {
  if (text.charCodeAt(k) !== DASH || text.charCodeAt(k + 1) !== SPACE) return undefined;
  const roleStart = k + 2;
  let j = roleStart;
  while (j < end && isLower(text.charCodeAt(j))) j++;
  if (j === roleStart) return undefined;
  const line: AriaLine = { roleStart, roleEnd: j, nameStart: -1, nameEnd: -1, textStart: -1, textEnd: -1 };
  if (text.charCodeAt(j) === SPACE && text.charCodeAt(j + 1) === QUOTE) {
    const close = quoteEnd(text, j + 1, end);
    if (close === -1) return undefined;
    line.nameStart = j + 2;
    line.nameEnd = close;
    j = close + 1;
  }
  while (text.charCodeAt(j) === SPACE && text.charCodeAt(j + 1) === OPEN_BRACKET) {
    j += 2;
    while (j < end && text.charCodeAt(j) !== CLOSE_BRACKET) j++;
    if (j === end) return undefined;
    j++;
  }
  if (text.charCodeAt(j) !== COLON || text.charCodeAt(j + 1) !== SPACE || j + 2 >= end) return line;
  j += 2;
  if (text.charCodeAt(j) === QUOTE) {
    const close = quoteEnd(text, j, end);
    if (close === -1) return line;
    line.textStart = j + 1;
    line.textEnd = close;
  } else {
    line.textStart = j;
    line.textEnd = end;
  }
  return line;
}

/** Where the quoted string that opens at `open` closes on its line (before `end`); -1 when it does not. */
function quoteEnd(text: string, open: number, end: number): number {
  for (let k = open + 1; k < end; k++) {
    const code = text.charCodeAt(k);
    if (code === BACKSLASH) k++;
    else if (code === QUOTE) return k;
  }
  return -1;
}

function isLower(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}
