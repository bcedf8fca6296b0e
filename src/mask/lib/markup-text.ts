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
 *
 * An element that stands for a person (`<customer>`, `<assignee>`, see
 * `PersonKeys`) tells the person's data as JSON's objects do: inside it,
 * a `<name>` or `<address>` element is the person's name or address, and
 * its own text, if it reads as a name, is the person's name
 * (`<assignee>Jean Dupont</assignee>`), as is a Teams mention's (`<at
 * id="0">Anna Schmidt</at>`). Elements side by side are a
 * record as a JSON object's members are: a `<Name>` that closes on its
 * line is held until an e-mail address's or a phone number's element
 * (`<Email>`) tells it is a person's, or the closing tag of an element
 * opened before the record ends it (`</record>`): the elements opened and
 * closed inside it (`<Plan>Gold</Plan>`) are its members, as JSON's are.
 * An HTML definition list (`<dt>Full name</dt><dd>Anna Schmidt</dd>`) is
 * read the same way, each term the key of the description after it; each
 * closes on its line. So is a label in bold or a label element, its colon
 * inside or after it (`<b>Name:</b> Anna Schmidt<br>`, `<strong>Email</strong>:
 * …`): the key of the text after it, up to the next tag.
 *
 * HTML tables are read by their headings, as tables in text are by their
 * header line (see `table-text.ts`): a row of two or more headings
 * (`<th>`) that read as column names, before any row of data, names the
 * columns, and each piece of text in a later row's cell (`<td>` or `<th>`,
 * `colspan` counted) is reported with its column. A table nested in a cell
 * ends the one around it. A row holds a record's key and values, as a
 * detail view prints one, where it starts with a heading in a table whose
 * columns no row named (`<tr><th>First name</th><td>Anna</td></tr>`), or
 * with a label in a table without a row of headings, as HTML mail writes
 * one (`<tr><td>Name:</td><td>Anna Schmidt</td></tr>`), or under columns
 * whose second is headed as values (`Field`, `Value`, see `isKeyed`):
 * each piece of text in its later cells is reported with the first cell's
 * text (without a label's colon) as its key. Such rows are a record as
 * elements side by side are: an `Email` row tells that the `Name` row's
 * text is a person's name; the table's end ends the record.
 */
import { readsAsNamesAt } from './display-name-text.js';
import { blankTrimmed, FieldLines, NextIndex, PersonRecord, sameItems, type FieldAt, type FieldValue, type PersonKeys, type StateKind, type StateLog } from './lines.js';
import { isColumnName, isKeyed, type CellVisitor } from './table-text.js';

const SPACE = 0x20;
const TAB = 0x09;
const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;
const MAX_NAME_CHARS = 64;
/** A record in which more elements than this are open is read as none (see `ElementReader.closes`). */
const MAX_OPENED = 64;
const CDATA = '<![CDATA[';
/** A heading longer than this names no column (see `isColumnName`); its text is no longer kept. */
const MAX_HEADING_CHARS = 64;
/** A row of more headings than this names no columns. */
const MAX_COLUMNS = 1024;
const NO_COLUMNS: readonly string[] = [];
/** Microsoft Teams writes a mention so in a message's HTML: `<at id="0">Anna Schmidt</at>`. */
const MENTION_TAG = 'at';
const COLSPAN = /\bcolspan\s*=\s*["']?(\d{1,4})/i;
/** The elements HTML writes a label in, before the value it labels (see `ElementReader.label`). */
const LABEL_TAGS: ReadonlySet<string> = new Set(['b', 'strong', 'label']);
const LONGEST_LABEL_TAG = Math.max(...[...LABEL_TAGS].map((tag) => tag.length));

/** Whether the element name text[start, end) is a mention's (see `MENTION_TAG`), in any case. */
function isMention(text: string, start: number, end: number): boolean {
  return end - start === MENTION_TAG.length && text.slice(start, end).toLowerCase() === MENTION_TAG;
}

/**
 * Where `readElements` stopped: inside the element of a field, or an HTML
 * table's cell, whose text may go on in the next piece of the text.
 */
export interface MarkupState {
  /** What the open element's name names, if the reader is inside one. */
  named: string | undefined;
  /** The open element's name as written (its closing tag's). */
  tag: string;
  /** Whether the reader is inside an HTML table. */
  table: boolean;
  /** The table's column names, once a row of headings named them. */
  columns: string[] | undefined;
  /** While no row has named the columns: the names the row's headings gave so far, until a data cell (`<td>`) shows it names none (undefined). */
  headings: string[] | undefined;
  /** Whether a row of the table held headings only: a data cell then keys no row (see the module's comment). */
  headed: boolean;
  /** The cell the reader is in: its column (-1 outside a cell), and how many columns it spans. */
  column: number;
  span: number;
  /** The column the row's next cell is in. */
  nextColumn: number;
  /** The text of the heading being read as a name, while its row may name the columns or it starts its row. */
  heading: string | undefined;
  /** The key the row's first cell, a heading, gives its other cells, while no row named the columns (see the module's comment). */
  rowKey: string | undefined;
  /** The name as written of the element that stands for a person the reader is in (see the module's comment); '' outside one. */
  person: string;
  /** Whether the record of elements being read told it stands for a person (0: it did, see `PersonRecord`). */
  toldAt: number;
  /** The names of the elements opened since the record of elements started, in order (see `ElementReader.closes`). */
  opened: string[];
}

export function newMarkupState(): MarkupState {
  return { named: undefined, tag: '', table: false, columns: undefined, headings: undefined, headed: false, column: -1, span: 1, nextColumn: 0, heading: undefined, rowKey: undefined, person: '', toldAt: -1, opened: [] };
}

export const MARKUP_STATE: StateKind<MarkupState> = {
  copy: (state) => ({
    named: state.named,
    tag: state.tag,
    table: state.table,
    columns: state.columns,
    headings: state.headings?.slice(),
    headed: state.headed,
    column: state.column,
    span: state.span,
    nextColumn: state.nextColumn,
    heading: state.heading,
    rowKey: state.rowKey,
    person: state.person,
    toldAt: state.toldAt,
    opened: state.opened.slice(),
  }),
  same: (a, b) =>
    a.named === b.named &&
    a.tag === b.tag &&
    a.table === b.table &&
    a.columns === b.columns &&
    sameItems(a.headings, b.headings) &&
    a.headed === b.headed &&
    a.column === b.column &&
    a.span === b.span &&
    a.nextColumn === b.nextColumn &&
    a.heading === b.heading &&
    a.rowKey === b.rowKey &&
    a.person === b.person &&
    a.toldAt === b.toldAt &&
    sameItems(a.opened, b.opened),
};

/**
 * Reads the lines of text[from, to), `from` at the start of a line (a line
 * ends at a line feed or a NUL, which also closes an element and a table,
 * see `readTables`), and reports each piece of text inside an element
 * whose (local) name `fieldAt` names, to `value`, and each in an HTML
 * table's cell under a named column, to `cell`: text[start, end), without
 * the blanks around it; and a person's, when `persons` is given, as it
 * tells them. `state` carries an open element or table from an earlier
 * call on the text before, and is updated. Returns where the record the
 * reading ends in starts, if it may go on in the text after (see
 * `FieldLines.read`); -1 when none does. Linear.
 */
export function readElements(
  text: string,
  from: number,
  to: number,
  state: MarkupState,
  fieldAt: FieldAt,
  value: FieldValue,
  cell: CellVisitor,
  persons?: PersonKeys,
  log?: StateLog<MarkupState>,
): number {
  return new ElementReader(text, from, fieldAt, value, cell, persons).read(from, to, state, log);
}

class ElementReader extends FieldLines<MarkupState> {
  private readonly tags: NextIndex;
  private readonly cdataEnds: NextIndex;
  /** The record of elements being read (see the module's comment). */
  private readonly record: PersonRecord;
  /** The last definition list term's text, the key of the description after it (-1: none). */
  private termStart = -1;
  private termEnd = -1;
  /** Where the text of the open label's element (`<b>`, see `LABEL_TAGS`) starts (-1: none is open), and its tag's name. */
  private labelFrom = -1;
  private labelTag = '';

  constructor(
    text: string,
    from: number,
    fieldAt: FieldAt,
    value: FieldValue,
    private readonly cell: CellVisitor,
    private readonly persons: PersonKeys | undefined,
  ) {
    super(text, from, fieldAt, value);
    this.tags = new NextIndex(text, '<', from);
    this.cdataEnds = new NextIndex(text, ']]>', from);
    this.record = new PersonRecord(text, value);
  }

  /** A cell's text goes on over lines without a tag; a person's element is closed by a NUL on any line. */
  protected override open(state: MarkupState): boolean {
    return state.named !== undefined || state.column !== -1 || state.person !== '';
  }

  /** A record's elements, and a definition list's term, tell their person's data only with the elements after them. */
  protected override holds(): boolean {
    return this.record.holding || this.termStart !== -1;
  }

  /** A record that told it stands for a person goes on from the text before. */
  protected override begin(state: MarkupState): void {
    this.record.carriedBy(state);
  }

  /** Outside a field's element and a table's cell only a line with a tag is read. */
  protected mark(k: number): number {
    return this.tagFrom(k);
  }

  /** A NUL ends the text: what is open closes. */
  protected override close(state: MarkupState): void {
    Object.assign(state, newMarkupState());
  }

  /** The first `<` at or after `k`; -1 when there is none. */
  private tagFrom(k: number): number {
    return this.tags.from(k);
  }

  protected line(k: number, end: number, state: MarkupState): void {
    const { text } = this;
    // Where the text of a table's cell not yet reported starts.
    let from = k;
    while (k < end) {
      if (state.named !== undefined) {
        k = from = this.inside(k, end, state);
        continue;
      }
      const open = this.tagFrom(k);
      if (open === -1 || open >= end) break;
      const closing = text.charCodeAt(open + 1) === SLASH;
      const nameStart = closing ? open + 2 : open + 1;
      const nameEnd = nameAfter(text, nameStart, end);
      const after = text.charCodeAt(nameEnd);
      // `<` or `</`, then a name, then a blank, `>` or `/`: a tag; comments, declarations and `a<b` pass.
      if (nameEnd === nameStart || !(after === SPACE || after === TAB || after === GREATER_THAN || after === SLASH)) {
        k = open + 1;
        continue;
      }
      const close = tagEnd(text, nameEnd, end);
      if (close === -1) {
        k = open + 1;
        continue;
      }
      this.cellText(from, open, state);
      k = from = close + 1;
      if (nameEnd - nameStart <= 5 && this.tableTag(tableTagOf(text, nameStart, nameEnd), nameEnd, close, closing, state)) continue;
      // `ns:home_address` names what `home_address` names.
      let local = nameEnd;
      while (local > nameStart && text.charCodeAt(local - 1) !== COLON) local--;
      const label = this.labelFrom;
      this.labelFrom = -1;
      if (closing) {
        if (state.person !== '' && nameEnd - nameStart === state.person.length && text.startsWith(state.person, nameStart)) state.person = '';
        else if (this.record.open && !this.inRecord(local, nameEnd) && this.closes(nameStart, nameEnd, state)) this.endRecord(state);
        if (label !== -1 && nameEnd - nameStart === this.labelTag.length && text.startsWith(this.labelTag, nameStart)) this.label(label, open, close, end);
        continue;
      }
      if (text.charCodeAt(close - 1) === SLASH) continue;
      if (nameEnd - nameStart <= LONGEST_LABEL_TAG && LABEL_TAGS.has(text.slice(nameStart, nameEnd).toLowerCase())) {
        this.labelFrom = close + 1;
        this.labelTag = text.slice(nameStart, nameEnd);
      }
      if (this.record.open) {
        if (state.opened.length === MAX_OPENED) this.endRecord(state);
        else state.opened.push(text.slice(nameStart, nameEnd));
      }
      if (nameEnd - nameStart === 2 && (text.charCodeAt(nameStart) | 0x20) === 0x64) {
        // A definition list's term, or its description (see the module's comment).
        const second = text.charCodeAt(nameStart + 1) | 0x20;
        if (second === 0x74 || second === 0x64) {
          k = from = this.definition(second === 0x74, close + 1, end, text.slice(nameStart, nameEnd));
          continue;
        }
      }
      let named = this.fieldAt(text, local, nameEnd);
      // A field's element is its own to report; a first name's still tells its record.
      if (named !== undefined && this.persons?.tells(text, local, nameEnd)) this.record.tell();
      if (named === undefined && this.persons !== undefined) {
        if (isMention(text, nameStart, nameEnd)) {
          this.personName(close + 1, end, text.slice(nameStart, nameEnd));
        } else if (state.person !== '') {
          named = this.persons.memberAt(text, local, nameEnd);
        } else if (this.persons.isPerson(text, local, nameEnd)) {
          state.person = text.slice(nameStart, nameEnd);
          this.personName(close + 1, end, state.person);
        } else if (this.persons.tells(text, local, nameEnd)) {
          this.record.tell();
        } else {
          const member = this.persons.memberAt(text, local, nameEnd);
          if (member !== undefined && this.record.told()) named = member;
          else if (member !== undefined) k = from = this.holdText(close + 1, end, text.slice(nameStart, nameEnd), member);
        }
      }
      if (named === undefined) continue;
      state.named = named;
      state.tag = text.slice(open + 1, nameEnd);
    }
    this.cellText(from, end, state);
  }

  /**
   * Takes the table tag `name` (see `tableTagOf`) whose name ends at
   * `nameEnd` and the tag at `close` (see `MarkupState`); false when it is
   * none, or a row's or cell's outside a table.
   */
  private tableTag(name: number, nameEnd: number, close: number, closing: boolean, state: MarkupState): boolean {
    if (name === TABLE) {
      endRow(state);
      if (this.record.open) this.endRecord(state);
      state.table = !closing;
      state.columns = undefined;
      state.headings = closing ? undefined : [];
      state.headed = false;
      return true;
    }
    if (!state.table || name === NOT_TABLE) return false;
    if (name === ROW) {
      endRow(state);
      return true;
    }
    endCell(state);
    if (closing) return true;
    state.column = state.nextColumn;
    state.span = close - nameEnd > 8 ? spanOf(this.text.slice(nameEnd, close)) : 1;
    state.nextColumn += state.span;
    if (name === DATA) state.headings = undefined;
    // A first cell that may be the row's key is read as a heading is.
    const key = state.column === 0 && (state.columns === undefined ? name === HEADING || !state.headed : isKeyed(state.columns));
    if (key || (name === HEADING && state.headings !== undefined)) state.heading = '';
    return true;
  }

  /** Takes text[start, end) as the text of the table's cell the reader is in, if any: a heading's name, or a piece of a cell under a named column (a heading left empty names none). */
  private cellText(from: number, to: number, state: MarkupState): void {
    if (state.column === -1 || from >= to) return;
    const { text } = this;
    const [start, end] = blankTrimmed(text, from, to);
    if (start === end) return;
    if (state.heading !== undefined) {
      if (state.heading.length <= MAX_HEADING_CHARS) state.heading += (state.heading === '' ? '' : ' ') + text.slice(start, end);
    } else if (state.rowKey !== undefined) {
      this.keyedCell(start, end, state.rowKey);
      this.cell(start, end, state.column, state.columns ?? NO_COLUMNS, state.rowKey);
    } else if (state.columns !== undefined && state.column < state.columns.length && state.columns[state.column] !== '') {
      this.cell(start, end, state.column, state.columns, undefined);
    }
  }

  /**
   * Takes the text[start, end) of a cell after a row's key `key` as a line
   * of a person's record, as a keyed table's in text (see `keyedRow` in
   * `table-text.ts`): an e-mail address's row tells the record, a name's
   * or an address's is its member. The table is the record.
   */
  private keyedCell(start: number, end: number, key: string): void {
    if (this.persons !== undefined) this.record.keyed(this.persons, key, 0, key.length, start, end, this.fieldAt(key, 0, key.length) !== undefined);
  }

  /**
   * Reports text[start, stop), the value of the key text[keyStart, keyEnd)
   * (a definition list's term, a label): as the field the key names, else
   * as a line of the record (see `PersonRecord.keyed`), else as the name of the
   * person the key stands for, if it reads as one (`<b>Customer:</b> Anna
   * Schmidt`).
   */
  private keyedValue(keyStart: number, keyEnd: number, start: number, stop: number): void {
    const { text, persons } = this;
    const field = this.fieldAt(text, keyStart, keyEnd);
    if (field !== undefined) this.value(start, stop, field);
    if (persons === undefined) return;
    const taken = this.record.keyed(persons, text, keyStart, keyEnd, start, stop, field !== undefined);
    if (!taken && field === undefined && persons.nameField !== undefined && persons.isPerson(text, keyStart, keyEnd) && readsAsNamesAt(text, start, stop)) this.value(start, stop, persons.nameField);
  }

  /**
   * Reports the pieces of text of the open element's line text[k, end), up
   * to its closing tag, which closes it; returns where the reader goes on.
   */
  private inside(k: number, end: number, state: MarkupState): number {
    const { text, value } = this;
    const named = state.named!;
    let piece = k;
    for (let j = this.tagFrom(k); j !== -1 && j < end; j = this.tagFrom(j + 1)) {
      if (text.startsWith(CDATA, j)) {
        report(text, piece, j, named, value);
        const inside = Math.min(this.cdataEndFrom(j + CDATA.length), end);
        report(text, j + CDATA.length, inside, named, value);
        piece = Math.min(inside + 3, end);
        j = piece - 1;
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

  /** Reports the text of a person's element `tag` that starts at `k`, if it closes on its line with nothing nested and reads as a name. */
  private personName(k: number, end: number, tag: string): void {
    const { text } = this;
    const nameField = this.persons!.nameField;
    const open = this.tagFrom(k);
    if (nameField === undefined || open === -1 || open >= end || text.charCodeAt(open + 1) !== SLASH || !text.startsWith(tag, open + 2)) return;
    const [start, stop] = blankTrimmed(text, k, open);
    if (readsAsNamesAt(text, start, stop)) this.value(start, stop, nameField);
  }

  /**
   * Whether the closing tag of the element text[start, end) names closes
   * what holds the record: no element of that name was opened inside it.
   * One that was is closed, with any opened after it and left open
   * (`<br>`).
   */
  private closes(start: number, end: number, state: MarkupState): boolean {
    const { opened } = state;
    for (let k = opened.length - 1; k >= 0; k--) {
      const name = opened[k]!;
      if (name.length === end - start && this.text.startsWith(name, start)) {
        opened.length = k;
        return false;
      }
    }
    return true;
  }

  private endRecord(state: MarkupState): void {
    this.record.end();
    state.opened.length = 0;
  }

  /** Whether the element text[start, end) names is a record's member or contact (its closing tag does not end the record). */
  private inRecord(start: number, end: number): boolean {
    const persons = this.persons!;
    return persons.memberAt(this.text, start, end) !== undefined || persons.tells(this.text, start, end);
  }

  /**
   * Holds the text of the element `tag` that starts at `k`, a person's
   * member `field`, if it closes on its line with nothing nested (see the
   * module's comment); returns where the reader goes on: after its closing
   * tag, or at `k`.
   */
  private holdText(k: number, end: number, tag: string, field: string): number {
    const { text } = this;
    const open = this.tagFrom(k);
    if (open === -1 || open >= end || text.charCodeAt(open + 1) !== SLASH || !text.startsWith(tag, open + 2) || nameAfter(text, open + 2, end) !== open + 2 + tag.length) return k;
    const close = tagEnd(text, open + 2 + tag.length, end);
    if (close === -1) return k;
    const [start, stop] = blankTrimmed(text, k, open);
    if (start < stop) this.record.member(start, stop, field);
    return close + 1;
  }

  /**
   * Reads a definition list's term (`term`) or description `tag` whose
   * text starts at `k`, if it closes on its line with nothing nested: a
   * term is the key of the description after it (on a later line too, see
   * `keyedValue`); returns where the reader goes on.
   */
  private definition(term: boolean, k: number, end: number, tag: string): number {
    const { text } = this;
    const open = this.tagFrom(k);
    const close = open === -1 || open >= end || text.charCodeAt(open + 1) !== SLASH || !text.startsWith(tag, open + 2) ? -1 : tagEnd(text, open + 2 + tag.length, end);
    if (close === -1) {
      this.termStart = -1;
      return k;
    }
    const [start, stop] = blankTrimmed(text, k, open);
    if (term) {
      [this.termStart, this.termEnd] = [start, stop];
      return close + 1;
    }
    if (this.termStart === -1 || start === stop) return close + 1;
    const [keyStart, keyEnd] = [this.termStart, this.termEnd];
    this.termStart = -1;
    this.keyedValue(keyStart, keyEnd, start, stop);
    return close + 1;
  }

  /**
   * Reads the label text[from, open) of an element that closes at `close`
   * (`<b>Name:</b> Anna Schmidt<br>`, `<strong>Email</strong>: …`), if
   * its colon ends it: the key of the text after it, up to the next tag
   * (see `keyedValue`).
   */
  private label(from: number, open: number, close: number, end: number): void {
    const { text } = this;
    let [keyStart, keyEnd] = blankTrimmed(text, from, open);
    let valueFrom = close + 1;
    if (keyEnd > keyStart && text.charCodeAt(keyEnd - 1) === COLON) keyEnd = blankTrimmed(text, keyStart, keyEnd - 1)[1];
    else if (text.charCodeAt(valueFrom) === COLON) valueFrom++;
    else return;
    if (keyStart === keyEnd || keyEnd - keyStart > MAX_NAME_CHARS) return;
    const next = this.tagFrom(valueFrom);
    const [start, stop] = blankTrimmed(text, valueFrom, next === -1 || next > end ? end : next);
    if (start < stop) this.keyedValue(keyStart, keyEnd, start, stop);
  }

  /** The first `]]>` at or after `k`; the text's length when there is none. */
  private cdataEndFrom(k: number): number {
    const end = this.cdataEnds.from(k);
    return end === -1 ? this.text.length : end;
  }
}

// The tags of a table (see `tableTagOf`).
const NOT_TABLE = 0;
const TABLE = 1;
const ROW = 2;
const HEADING = 3;
const DATA = 4;

/** Which tag of a table the tag name text[start, end) is, in any case: `table`, `tr`, `th` or `td`; NOT_TABLE for any other. */
function tableTagOf(text: string, start: number, end: number): number {
  const lower = (k: number): number => text.charCodeAt(start + k) | 0x20;
  if (end - start === 2 && lower(0) === 0x74) {
    const second = lower(1);
    return second === 0x72 ? ROW : second === 0x68 ? HEADING : second === 0x64 ? DATA : NOT_TABLE;
  }
  return end - start === 5 && text.slice(start, end).toLowerCase() === 'table' ? TABLE : NOT_TABLE;
}

/** Ends the cell the reader is in, if any: a heading's name joins the row's, and a first heading's is the row's key. */
function endCell(state: MarkupState): void {
  if (state.heading !== undefined && state.headings !== undefined) {
    for (let k = 0; k < state.span && state.headings.length <= MAX_COLUMNS; k++) state.headings.push(state.heading);
  }
  if (state.heading !== undefined && state.column === 0) {
    // A label's colon (`<td>Name:</td>`) is no part of the key.
    const key = state.heading.endsWith(':') ? state.heading.slice(0, -1).trimEnd() : state.heading;
    state.rowKey = isColumnName(key) ? key : undefined;
  }
  state.heading = undefined;
  state.column = -1;
}

/** Ends the row the reader is in, if any (see `MarkupState`), and starts the next. */
function endRow(state: MarkupState): void {
  endCell(state);
  const { headings } = state;
  if (headings !== undefined && headings.length > 0) state.headed = true;
  if (headings !== undefined && headings.length <= MAX_COLUMNS && headings.filter((name) => name !== '').length >= 2 && headings.every((name) => name === '' || isColumnName(name))) state.columns = headings;
  state.headings = state.columns === undefined ? [] : undefined;
  state.nextColumn = 0;
  state.rowKey = undefined;
}

/** The columns a cell's tag text (its attributes) spans: its `colspan`, 1 by default. */
function spanOf(attributes: string): number {
  const span = COLSPAN.exec(attributes);
  return span === null ? 1 : Math.min(Math.max(Number(span[1]), 1), MAX_COLUMNS);
}

function report(text: string, from: number, to: number, named: string, value: FieldValue): void {
  const [start, end] = blankTrimmed(text, from, to);
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

function isNameChar(code: number): boolean {
  return ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x2d || code === 0x2e || code === COLON || code >= 0xc0;
}
