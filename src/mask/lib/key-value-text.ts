/**
 * Reads the keys a text names its values with: `Full name: Anna Schmidt`,
 * `date_of_birth = 1980-01-02`, YAML's `first_name: Anna` and the block
 * below a `home_address:`, Markdown's `- **Date of birth:** …`, and inside
 * a line JSON or an object written in a text or a log line
 * (`{"first_name": "Anna"}`, `Customer(first_name='Anna')`), a URL's query
 * (`?first_name=Anna&…`) and logfmt (`level=info first_name=Anna`). A tool
 * that prints a record for a model writes it one of these ways, and the
 * key says what the value is, as a JSON key does (see `masker.ts`).
 *
 * A key line is: indentation, an optional list marker (`- `, `* `), the key
 * (a letter, then up to 48 letters, digits, spaces, `_`, `-` or `.`),
 * optionally in quotes, bold (`**`, `__`) or brackets (PHP's `[name]`) or
 * after a colon (Ruby's `:name`), then `:` (after an unquoted key,
 * followed by a space or the line's end), `=` or `=>`. Its value is what
 * its quotes or brackets hold, else the rest of the line. A key line
 * without a value (or with a YAML block marker, `|` or `>`, or a bracket
 * that does not close on the line) opens a block: each line indented
 * deeper below it belongs to the key (a nested `street: Main St` keeps its
 * own key). Inside a line, see `KeyReader.inline`. A value never runs
 * over its line.
 *
 * A key line whose key stands for a person (see `PersonKeys`) tells the
 * person's data as JSON's objects do: its value, if it reads as a name,
 * is the person's name (`Assignee: Jean Dupont`); without a value it
 * opens the person's block, in which a `name` or `address` key holds the
 * person's (`customer:` then `  name: Anna Schmidt`), other keys keep
 * their own, and a list item that reads as a name is one (`attendees:`
 * then `  - Anna Schmidt`). A record of key lines (lines with the same
 * indentation, one after another) that holds an e-mail address, a phone
 * number or a bank account stands for a person as well: its `Name:` and
 * `Address:` before that are held until it comes (see `KeyReader.recordLine`),
 * and those after it read as the person's.
 */
import { COMMA_LABELS, fieldKey, SLASH_LABELS } from '../field-keys.js';
import { isAsciiUpper, isAsciiWordChar, isBlank, isDigit } from './chars.js';
import { leadingNameEnd, readsAsNameAt, readsAsNamesAt } from './display-name-text.js';
import { isEmailAddress, MAX_EMAIL_CHARS } from './email-shape.js';
import { blankTrimmed, FieldLines, nearer, NextIndex, PersonRecord, type FieldAt, type FieldValue, type Held, type PersonKeys, type StateKind, type StateLog } from './lines.js';

const TAB = 0x09;
const SPACE = 0x20;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const ASTERISK = 0x2a;
const SLASH = 0x2f;
const DASH = 0x2d;
const COLON = 0x3a;
const EQUALS = 0x3d;
const GREATER = 0x3e;
const UNDERSCORE = 0x5f;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;
const AT = 0x40;
const EXCLAMATION = 0x21;
const DOT = 0x2e;
/** The signs of `N° de téléphone`, `Nº de teléfono`: a number's label. */
const DEGREE = 0xb0;
const ORDINAL = 0xba;
const HASH = 0x23;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_PARENTHESIS = 0x28;
const CLOSE_PARENTHESIS = 0x29;
const MAX_KEY_CHARS = 48;
/** The longest part of a label of two words parted by `, ` or `/` (`Familienname`, ` first name`, see `COMMA_LABELS` and `SLASH_LABELS`): a longer word before a `, ` or `/` is no such label's. */
const COMMA_LABEL_PART_CHARS = 12;
/** A numbered list item's number (`1. Name: …`) has at most this many digits: a year (`2024.`) is none. */
const MAX_ITEM_DIGITS = 3;
/** A YAML block scalar's marker: `|`, `>`, with an optional chomping or indentation indicator. */
const BLOCK_MARKER = /^[|>][-+0-9]*$/;

/** Where `readKeyValues` stopped: the key whose block may go on in the next piece of the text. */
export interface KeyValueState {
  /** What the open block's key names (see `readKeyValues`), if a block is open. */
  named: string | undefined;
  /** The indentation of the open block's key line: a line indented deeper belongs to it. */
  indent: number;
  /** The indentation of the key line that opened a person's block (see `PersonKeys`); -1 outside one. */
  person: number;
  /** Whether the person's block is a list at its key's indentation (YAML's `users:` then `- name: …`); undefined before its first line. */
  items: boolean | undefined;
  /** The indentation of the record of key lines that told it stands for a person (see `PersonRecord`); -1 when none did. */
  toldAt: number;
  /** Whether the person's block is an INI or TOML section (`[user]`, `[[customers]]`), which goes on to the next section at any indentation. */
  section: boolean;
}

export function newKeyValueState(): KeyValueState {
  return { named: undefined, indent: 0, person: -1, items: undefined, toldAt: -1, section: false };
}

export const KEY_VALUE_STATE: StateKind<KeyValueState> = {
  copy: (state) => ({ named: state.named, indent: state.indent, person: state.person, items: state.items, toldAt: state.toldAt, section: state.section }),
  same: (a, b) => a.named === b.named && a.indent === b.indent && a.person === b.person && a.items === b.items && a.toldAt === b.toldAt && a.section === b.section,
};

/**
 * Reads the lines of text[from, to), `from` at the start of a line (a line
 * ends at a line feed or a NUL, which also closes a block, see
 * `readTables`), and reports each value of a key that `fieldAt` names (its
 * return, a policy field) to `value`, in text order: text[start, end);
 * and a person's, when `persons` is given, as it tells them.
 * `state` carries a block from an earlier call on the text before, and is
 * updated. Returns where the record the reading ends in starts, if it may
 * go on in the text after (see `FieldLines.read`); -1 when none does.
 * Linear: each character is read a bounded number of times.
 */
export function readKeyValues(
  text: string,
  from: number,
  to: number,
  state: KeyValueState,
  fieldAt: FieldAt,
  value: FieldValue,
  persons?: PersonKeys,
  log?: StateLog<KeyValueState>,
): number {
  return new KeyReader(text, from, fieldAt, value, persons).read(from, to, state, log);
}

class KeyReader extends FieldLines<KeyValueState> {
  private readonly colons: NextIndex;
  private readonly equalSigns: NextIndex;
  /** The record of key lines being read, at its lines' indentation (see `recordLine`). */
  private readonly record: PersonRecord;
  /** A Markdown heading that reads as a name (`### Anna Schmidt`), until the next line that is not blank, which may start the record it titles. */
  private title: Held | undefined;
  private readonly hashes: NextIndex;
  private readonly sections: NextIndex;

  constructor(
    text: string,
    from: number,
    fieldAt: FieldAt,
    value: FieldValue,
    private readonly persons: PersonKeys | undefined,
  ) {
    super(text, from, fieldAt, value);
    this.colons = new NextIndex(text, ':', from);
    this.equalSigns = new NextIndex(text, '=', from);
    this.hashes = new NextIndex(text, '#', from);
    this.sections = new NextIndex(text, '\n[', from);
    this.record = new PersonRecord(text, value, persons?.addressField);
  }

  /** Where tags open and close in the text (see `inline`), looked for once a meta tag's attribute is read. */
  private tagOpenings: NextIndex | undefined;
  private tagEnds: NextIndex | undefined;

  private tags(): NextIndex {
    return (this.tagOpenings ??= new NextIndex(this.text, '<', 0));
  }

  /** Whether the tag that opens at `open` is an HTML meta tag (`<meta `, in any case) that has not closed before `start`. */
  private isMetaTag(open: number, start: number): boolean {
    const { text } = this;
    if (!isBlank(text.charCodeAt(open + 5)) || text.slice(open + 1, open + 5).toLowerCase() !== 'meta') return false;
    const close = (this.tagEnds ??= new NextIndex(text, '>', 0)).from(open);
    return close === -1 || close > start;
  }

  /** Outside a block only a line with a separator, a heading's `#` or a section's `[` at its start is read. */
  protected mark(k: number): number {
    if (this.persons === undefined) return this.separatorFrom(k);
    const section = this.text.charCodeAt(k) === OPEN_BRACKET ? k : this.sections.from(k);
    return nearer(nearer(this.separatorFrom(k), this.hashes.from(k)), section === -1 || section === k ? section : section + 1);
  }

  /** A record with a held value or a title ends at a line without a key, so reads every line. */
  protected override open(state: KeyValueState): boolean {
    return state.named !== undefined || state.person !== -1 || this.record.open || this.title !== undefined;
  }

  /** A record's lines, and a heading that may title the record after it, tell their person's data only with the lines of the record. */
  protected override holds(): boolean {
    return this.record.holding || this.title !== undefined;
  }

  /** A record that told it stands for a person goes on from the text before. */
  protected override begin(state: KeyValueState): void {
    this.record.carriedBy(state);
  }

  protected override close(state: KeyValueState): void {
    state.named = undefined;
    state.person = -1;
    state.section = false;
    this.record.end();
  }

  /** The first colon or equals sign at or after `k`; -1 when there is none. */
  private separatorFrom(k: number): number {
    return nearer(this.colons.from(k), this.equalSigns.from(k));
  }

  protected line(start: number, end: number, state: KeyValueState): void {
    const { text } = this;
    let k = start;
    while (k < end && isBlank(text.charCodeAt(k))) k++;
    // A blank line neither ends a block nor belongs to it; it ends a record.
    if (k === end) {
      this.record.end();
      return;
    }
    const indent = k - start;
    if (state.named !== undefined) {
      if (indent > state.indent) {
        const [from, to] = blockValue(text, k, end);
        if (from < to) this.value(from, to, state.named);
        return;
      }
      state.named = undefined;
    }
    if (this.persons !== undefined && text.charCodeAt(k) === HASH) {
      const heading = headingText(text, k, end);
      if (heading !== undefined) {
        // A heading ends the record before it, and may title the one after it (see `title`).
        this.record.end();
        this.title = readsAsNameAt(text, heading[0], heading[1]) && this.persons.nameField !== undefined ? { start: heading[0], end: heading[1], field: this.persons.nameField } : undefined;
        return;
      }
    }
    if (this.persons !== undefined && text.charCodeAt(k) === OPEN_BRACKET) {
      const section = sectionName(text, k, end);
      if (section !== undefined) {
        // An INI or TOML section: a person's (`[user]`, `[[customers]]`) is their block up to the next section.
        this.record.end();
        state.section = this.persons.isPerson(text, section[0], section[1]);
        state.person = state.section ? indent : -1;
        state.items = undefined;
        return;
      }
    }
    // A list item at the person's key's indentation is the block's if its first line is one: YAML writes `users:` then `- name: …` so.
    const item = afterListMarker(text, k);
    if (state.person !== -1 && !state.section) {
      state.items ??= indent === state.person && item !== k;
      if (indent < state.person || (indent === state.person && (item === k || !state.items))) state.person = -1;
    }
    const line = keyLine(text, k, end);
    // A list item's keys are a record at its text's column: `- name: Anna Schmidt` then `  email: …`.
    let column = indent;
    if (item !== k) for (column = item - start; start + column < end && isBlank(text.charCodeAt(start + column)); column++);
    // A line without a key, or at another indentation, ends the record.
    this.record.lineAt(column, line !== undefined);
    if (this.title !== undefined) {
      // The first key line after a heading starts the record the heading titles.
      if (line !== undefined && this.record.empty) this.record.title = this.title;
      this.title = undefined;
    }
    let named = line === undefined ? undefined : this.fieldAt(text, line.keyStart, line.keyEnd);
    if (named === undefined && line !== undefined && state.person !== -1) named = this.persons!.memberAt(text, line.keyStart, line.keyEnd);
    if (named === undefined && line !== undefined && this.persons !== undefined) named = this.personPath(line);
    if (named !== undefined) {
      const [valueStart, valueEnd, more] = lineValue(text, line!.valueFrom, end);
      if (valueStart === valueEnd || BLOCK_MARKER.test(text.slice(valueStart, valueEnd))) {
        state.named = named;
        state.indent = indent;
      } else {
        this.value(valueStart, named === this.persons?.nameField ? nameValueEnd(text, valueStart, valueEnd) : valueEnd, named);
        // A first or last name or a birth date tells the record, as a contact does.
        if (this.persons?.tells(text, line!.keyStart, line!.keyEnd)) this.record.tell(column);
        // `first_name: "Anna", last_name: "Schmidt"`, `Full name: Anna Schmidt, Email: …`.
        if (more) this.inline(k, end, column);
      }
      return;
    }
    if (this.persons !== undefined && ((line !== undefined && state.person === -1 && this.recordLine(line, end, column)) || this.person(line, k, end, indent, column, state))) return;
    // Another key's value may hold keys of its own: `customer: {"first_name": "Anna"}`.
    this.inline(k, end, column);
  }

  /**
   * The field a key line's dotted key names when its last part is a
   * person's member and the part before stands for a person: `user.name`
   * (`git config --list`), `customer.address` (a properties file).
   */
  private personPath(line: KeyLine): string | undefined {
    const { text } = this;
    const { isPerson, memberAt } = this.persons!;
    let dot = line.keyEnd;
    while (dot > line.keyStart && text.charCodeAt(dot - 1) !== DOT) dot--;
    if (dot === line.keyStart) return undefined;
    let from = dot - 1;
    while (from > line.keyStart && text.charCodeAt(from - 1) !== DOT) from--;
    return from < dot - 1 && isPerson(text, from, dot - 1) ? memberAt(text, dot, line.keyEnd) : undefined;
  }

  /**
   * Reads the line text[k, end) (`k` after its indentation `indent`, its
   * record's at `column`) as a person's (see the module's comment): a key
   * line `line` whose key stands for a person, or a list item in a
   * person's block. False when it is neither, or holds nothing to report.
   */
  private person(line: KeyLine | undefined, k: number, end: number, indent: number, column: number, state: KeyValueState): boolean {
    const { text } = this;
    const { isPerson } = this.persons!;
    if (line === undefined) {
      const item = afterListMarker(text, k);
      if (state.person === -1 || item === k) return false;
      const [start, stop] = trimmed(text, item, end);
      return readsAsNameAt(text, start, stop) && this.personName(start, stop);
    }
    const [start, stop] = valueAfter(text, line.valueFrom, end);
    if (start === stop) {
      if (!isPerson(text, line.keyStart, line.keyEnd)) return false;
      state.person = indent;
      state.items = undefined;
      state.section = false;
      return true;
    }
    // An object or a list under the person's key: `customer: {"name": "Anna Schmidt", …}`.
    if (bracketAfter(text, line.valueFrom, end) !== -1 && isPerson(text, line.keyStart, line.keyEnd)) {
      // Or names in braces, as BibTeX writes its authors: `author = {Schmidt, Anna and Dupont, Jean}`.
      if (!this.namesIn(start, stop)) this.inline(k, end, column, stop);
      return true;
    }
    // Most values are turned down before the key is looked at, and most keys before the value is read as names.
    if (!startsCapitalAfter(text, start, stop) || !isPerson(text, line.keyStart, line.keyEnd)) return false;
    if (readsAsNamesAt(text, start, stop)) return this.addresseeName(line.keyStart, line.keyEnd, start, stop, column);
    if (this.namesIn(start, stop)) return true;
    // The value may end where a key inside the line starts: `Patient: Anna Schmidt   DOB: …`.
    const [, cut, more] = lineValue(text, line.valueFrom, end);
    const name = readsAsNamesAt(text, start, cut) ? cut : leadingNameEnd(text, start, cut);
    if (name === -1 || !this.addresseeName(line.keyStart, line.keyEnd, start, name, column)) return false;
    if (more) this.inline(k, end, column);
    return true;
  }

  /**
   * Reports text[start, end), which reads as a name, as the name of the
   * person the key text[keyStart, keyEnd) stands for (see `personName`);
   * under an addressee's key (`Recipient:`, RIPE's `person:`) it tells
   * that the record at `column` is theirs, so its `Street:` is their address.
   */
  private addresseeName(keyStart: number, keyEnd: number, start: number, end: number, column: number): boolean {
    if (!this.personName(start, end)) return false;
    if (this.persons!.addressee(this.text, keyStart, keyEnd)) this.record.tell(column);
    return true;
  }

  /**
   * Reads the key line `line` (to `end`, at `indent`) as a line of a record
   * that may stand for a person: a `Name:` or `Address:` value is held
   * (true: nothing more to read in it), a contact's key (`Email:`, `Phone:`) reports
   * what the record holds and makes the reader read the record's later
   * lines as a person's (see `person`). Keys inside the line are the
   * record's too (`Name: Jean Dupont, Email: …`, see `inline`): the value
   * ends before the first.
   */
  private recordLine(line: KeyLine, end: number, indent: number): boolean {
    const { text } = this;
    const { tells, memberAt } = this.persons!;
    if (tells(text, line.keyStart, line.keyEnd)) {
      this.record.tell(indent);
      return false;
    }
    const field = memberAt(text, line.keyStart, line.keyEnd);
    if (field === undefined) return false;
    const [start, stop, more] = lineValue(text, line.valueFrom, end);
    if (start === stop) return false;
    if (field === this.persons!.addressField && stop - start <= MAX_EMAIL_CHARS && isEmailAddress(text.slice(start, stop))) {
      // A mailbox's address (`Address: anna@…`, as in JSON): it tells the record as `Email:` does; the detectors mask it.
      this.record.tell(indent);
      return false;
    }
    const memberEnd = field === this.persons!.nameField ? nameValueEnd(text, start, stop) : stop;
    this.record.member(start, memberEnd, field, indent);
    // A contact's word or an identifier's label after the name (`Name: Ana García, DNI …`) tells the record as its key would.
    if (memberEnd < stop) this.record.tell(indent);
    // The rest of the line may hold the record's keys.
    return !more;
  }

  /**
   * Reports each name of the list text[start, stop) as a person's name, if
   * each part between ` and ` or `; ` reads as names (`Schmidt, Anna and
   * Dupont, Jean`, as BibTeX lists authors; `Schmidt, Anna; Dupont,
   * Jean`); false when one does not, or the policy masks no names.
   */
  private namesIn(start: number, stop: number): boolean {
    const { text } = this;
    const parts: number[] = [];
    for (let from = start; from < stop; ) {
      let to = from;
      while (to < stop && !namesSeparatorAt(text, to)) to++;
      const [partStart, partEnd] = trimmed(text, from, to);
      if (!readsAsNamesAt(text, partStart, partEnd)) return false;
      parts.push(partStart, partEnd);
      from = to + namesSeparatorAt(text, to);
    }
    if (parts.length === 0 || this.persons!.nameField === undefined) return false;
    for (let k = 0; k < parts.length; k += 2) this.personName(parts[k]!, parts[k + 1]!);
    return true;
  }

  /** Reports text[start, end), which reads as a name, as a person's name, if the policy masks names. */
  private personName(start: number, end: number): boolean {
    const { nameField } = this.persons!;
    if (nameField === undefined) return false;
    this.value(start, end, nameField);
    return true;
  }

  /**
   * Reports the values of the keys inside the line text[k, end): a key
   * after `{`, `,`, `(`, `;`, `[` (JSON or a Python or JavaScript object
   * written in a text or a log line: `{"first_name": "Anna"}`,
   * `Customer(first_name='Anna')`), after `?` or `&` (a URL's query:
   * `?first_name=Anna&…`), after `|`, or after a blank when an equals
   * sign follows it (logfmt: `level=info first_name=Anna`). With `persons`,
   * a person's key holds their name (`user="Anna Schmidt"`), and the line
   * is a record (see `recordLine`) whose contact's key (`email=…`) tells that
   * the `name` and `address` in it, and in the record at `indent` it
   * belongs to, are a person's; as are those inside an object or a list
   * under a person's key (`"customer": {"name": "Anna Schmidt"}`), up to
   * `personTo` where it closes.
   */
  private inline(k: number, end: number, indent: number, personTo = -1): void {
    const { text, persons } = this;
    let inGoStruct = false;
    // What the `name` (or `property`, `itemprop`) of the HTML meta tag at `metaTag` names: the key of its `content`.
    let metaKey: [number, number] | undefined;
    let metaTag = -1;
    // The last `<` before the key read (-1: none yet): found going forward, so a line is searched once.
    let tag = -1;
    for (let separator = this.separatorFrom(k); separator !== -1 && separator < end; separator = this.separatorFrom(separator + 1)) {
      let key = inlineKeyBefore(text, k, separator, inGoStruct);
      if (key === undefined) continue;
      inGoStruct ||= key.go === true;
      const attribute = metaAttribute(text, key);
      if (attribute !== NO_META_ATTRIBUTE) {
        for (let next = this.tags().from(Math.max(k, tag + 1)); next !== -1 && next < key.start; next = this.tags().from(next + 1)) tag = next;
        if (tag !== -1 && this.isMetaTag(tag, key.start)) {
          // `<meta name="author" content="Anna Schmidt">`: the content is the value of the key the name gives.
          if (attribute === META_NAME) {
            metaKey = metaKeyOf(text, separator + 1, end);
            metaTag = tag;
            continue;
          }
          // Its name before it in the tag, or after it (`<meta content="Anna Schmidt" name="author">`).
          const named = metaKey !== undefined && metaTag === tag ? metaKey : metaNameAfter(text, separator + 1, end);
          if (named !== undefined) key = { start: named[0], end: named[1], before: key.before };
        }
      }
      // A comparison in code or SQL: `first_name == 'Anna'`, `last_name != "Schmidt"`.
      let valueFrom = separator + 1;
      while (valueFrom < end && text.charCodeAt(valueFrom) === EQUALS) valueFrom++;
      // Ruby's and Perl's `=>`: `{:name=>"Anna Schmidt"}`, `'name' => 'Anna Schmidt'`.
      if (text.charCodeAt(separator) === EQUALS && text.charCodeAt(valueFrom) === GREATER) valueFrom++;
      const named = this.fieldAt(text, key.start, key.end) ?? (key.whole === undefined ? undefined : this.fieldAt(text, key.whole, key.end));
      let member: string | undefined;
      let person = false;
      if (named === undefined) {
        if (persons === undefined) continue;
        if (persons.tells(text, key.start, key.end)) {
          // Told at once: a second object in the line (`[{name: …, email: …}, {name: …}]`) starts another record.
          this.record.tell(indent);
          continue;
        }
        // A type that is a person's kind tells as a contact does (JSON-LD's `{"@type": "Person", "name": …}`, `{"type": "user", …}`);
        // another kind is another thing's, whose record starts here (`{"type": "product", "name": …}`).
        if (persons.namesType?.(text, key.start, key.end)) {
          const [from, to] = valueAfter(text, valueFrom, end, ENDS_MEMBER_VALUE);
          if (persons.isPersonType?.(text, from, to)) this.record.tell(indent);
          else this.record.end();
          continue;
        }
        member = persons.memberAt(text, key.start, key.end);
        person = member === undefined && startsCapitalAfter(text, valueFrom, end) && persons.isPerson(text, key.start, key.end);
        if (member === undefined && !person) {
          // An object or a list under a person's key, outside the one read: its members (read next) are the person's.
          if (separator > personTo) {
            const opening = bracketAfter(text, valueFrom, end);
            if (opening !== -1 && persons.isPerson(text, key.start, key.end)) personTo = nearer(closingBracket(text, opening, end), end);
          }
          continue;
        }
      }
      // A member of an object or a call in the line (`{name: Anna Schmidt, …}`, `, Phone: +49 30 …`, Kotlin's
      // `User(name=Anna Schmidt, …)`, Java's `{name=Anna Schmidt, …}`) or of an LDAP name (`cn=Anna Schmidt,ou=people`)
      // runs to its comma or closing bracket; a logfmt or query value to a blank; a field's after a gap to the next key.
      const inObject = MEMBER_AFTER.has(text.charCodeAt(key.before)) || (text.charCodeAt(separator) === EQUALS && isDistinguishedName(text, valueFrom, end));
      const [from, to, after] = key.go ? goValue(text, valueFrom, end) : key.gap ? gapValue(text, valueFrom, end) : valueAfter(text, valueFrom, end, inObject ? ENDS_MEMBER_VALUE : ENDS_INLINE_VALUE);
      if (named !== undefined) {
        if (from < to) {
          this.value(from, to, named);
          // A first or last name or a birth date tells, as a contact does (`{first_name: "Anna", name: …}`).
          if (persons?.tells(text, key.start, key.end)) this.record.tell(indent);
        }
      } else if (member !== undefined) {
        if (from < to && separator < personTo) this.value(from, to, member);
        else if (from < to) this.record.member(from, to, member, indent);
      } else {
        const name = readsAsNamesAt(text, from, to) ? to : leadingNameEnd(text, from, to);
        if (name !== -1) this.addresseeName(key.start, key.end, from, name, indent);
      }
      // What the value holds is no key (and is not read again).
      separator = Math.max(separator, after - 1);
    }
  }
}

/** What a key is to an HTML meta tag: nothing, what names its content (`name`, Open Graph's `property`, microdata's `itemprop`), or its `content`. */
const NO_META_ATTRIBUTE = 0;
const META_NAME = 1;
const META_CONTENT = 2;
const META_ATTRIBUTES: ReadonlyMap<string, number> = new Map([
  ['name', META_NAME],
  ['property', META_NAME],
  ['itemprop', META_NAME],
  ['content', META_CONTENT],
]);

function metaAttribute(text: string, key: InlineKey): number {
  const length = key.end - key.start;
  // Most keys are turned down by their length or first letter, before a string is made of them.
  if (length !== 4 && length !== 7 && length !== 8) return NO_META_ATTRIBUTE;
  const first = text.charCodeAt(key.start) | 0x20;
  if (first !== 0x6e && first !== 0x70 && first !== 0x69 && first !== 0x63) return NO_META_ATTRIBUTE;
  return META_ATTRIBUTES.get(text.slice(key.start, key.end).toLowerCase()) ?? NO_META_ATTRIBUTE;
}

/** How far after a meta tag's `content` its `name` is looked for. */
const META_NAME_AFTER_CHARS = 256;
/** A meta tag's `name`, `property` or `itemprop` attribute and its value (group 1), in any case. */
const META_NAME_ATTRIBUTE = /\s(?:name|property|itemprop)\s*=\s*["']?([^"'\s>]+)/i;

/** Where what the `name` (or `property`, `itemprop`) after a meta tag's content at `k` names stands, up to the tag's `>` (see `metaKeyIn`). */
function metaNameAfter(text: string, k: number, end: number): [number, number] | undefined {
  let window = text.slice(k, Math.min(end, k + META_NAME_AFTER_CHARS));
  const close = window.indexOf('>');
  if (close !== -1) window = window.slice(0, close);
  const found = META_NAME_ATTRIBUTE.exec(window);
  if (found === null) return undefined;
  const to = k + found.index + found[0].length;
  return metaKeyIn(text, to - found[1]!.length, to);
}

/** Where what a meta tag's `name` names stands, quoted after `k` (see `metaKeyIn`). */
function metaKeyOf(text: string, k: number, end: number): [number, number] | undefined {
  const [from, to] = valueAfter(text, k, end, ENDS_INLINE_VALUE);
  return metaKeyIn(text, from, to);
}

/** The key a meta tag's name text[from, to) gives: its last part after `:` or `.` (`article:author`, `DC.creator`); undefined when that is empty. */
function metaKeyIn(text: string, from: number, to: number): [number, number] | undefined {
  let start = to;
  while (start > from && text.charCodeAt(start - 1) !== COLON && text.charCodeAt(start - 1) !== DOT) start--;
  return start < to ? [start, to] : undefined;
}

/** The characters that may stand before a key inside a line (see `KeyReader.inline`). */
const BEFORE_INLINE_KEY = new Set([...'{,(;[?&|'].map((char) => char.charCodeAt(0)));
/** Those of them after which a key is a member of an object, a call or a list written in the line (not a URL's query: `?`, `&`). */
const MEMBER_AFTER = new Set([...'{,(;[|'].map((char) => char.charCodeAt(0)));

/**
 * A key line's value, from `k` (see `valueAfter`), and whether the line
 * may hold more keys after it: the value is quoted, or a key inside the
 * line ends it (`Name: Jean Dupont, Email: …`; see `inlineKeyBefore`).
 */
function lineValue(text: string, k: number, end: number): [number, number, boolean] {
  const [start, stop, after] = valueAfter(text, k, end);
  // In quotes or brackets: what they hold is the value.
  if (start > k && !isBlank(text.charCodeAt(start - 1))) return [start, stop, after < end];
  const next = inlineKeyFrom(text, start, stop);
  return next === -1 ? [start, stop, false] : [start, blankTrimmedEnd(text, start, next), true];
}

/**
 * Where a name under a name's key ends in its value text[start, end): before
 * a contact's word, or an identifier's or a birth date's label, after a
 * comma (`Contact person: Ms. Anna Schmidt, Phone +49 30 …`, `Nombre: Ana
 * García, DNI 12345678Z`), which starts what the detectors read, else at
 * `end`.
 */
function nameValueEnd(text: string, start: number, end: number): number {
  if (end - start > MAX_NAME_VALUE_CHARS) return end;
  const contact = CONTACT_AFTER_NAME.exec(text.slice(start, end));
  return contact === null ? end : start + contact.index;
}

/** A comma, then a contact's word or an identifier's or a birth date's label, as a line that goes on after a name writes one. */
const CONTACT_AFTER_NAME =
  /, (?:phone|tel|telephone|telefon|téléphone|teléfono|telefono|mobile|mobil|handy|cell|fax|e-?mail|mail|iban|dni|nie|nif|ssn|bsn|pesel|dob|geb|born|né|née|nata|nato|nacid[oa])(?![\p{L}\p{N}])/iu;
/** A name's value longer than this is masked whole (no name is), and not searched. */
const MAX_NAME_VALUE_CHARS = 256;

/** The value of a key after a gap (see `keyAfterGap`), as `valueAfter` gives it: to the next key in the line, or its end. */
function gapValue(text: string, k: number, end: number): [number, number, number] {
  const [start, stop, more] = lineValue(text, k, end);
  return [start, stop, more ? stop : end];
}

/** The length of the separator between names in a list at `k` (` and `, `; `), 0 when none stands there. */
function namesSeparatorAt(text: string, k: number): number {
  const code = text.charCodeAt(k);
  if (code === SEMICOLON && text.charCodeAt(k + 1) === SPACE) return 2;
  return code === SPACE && text.startsWith('and ', k + 1) ? 5 : 0;
}

/** The text of the Markdown heading at `k` (one to six `#`, a blank, the text; `#`s that close it left out), if the line text[k, end) is one. */
function headingText(text: string, k: number, end: number): [number, number] | undefined {
  let j = k;
  while (j < end && j - k < 6 && text.charCodeAt(j) === HASH) j++;
  if (!isBlank(text.charCodeAt(j))) return undefined;
  let stop = blankTrimmedEnd(text, j, end);
  while (stop > j && text.charCodeAt(stop - 1) === HASH) stop--;
  stop = blankTrimmedEnd(text, j, stop);
  while (j < stop && isBlank(text.charCodeAt(j))) j++;
  return [j, stop];
}

/** Where the first key inside the line text[from, end) stands (see `inlineKeyBefore`): the character before it; -1 when none does. */
function inlineKeyFrom(text: string, from: number, end: number): number {
  for (let k = from; k < end; k++) {
    const code = text.charCodeAt(k);
    if (code !== COLON && code !== EQUALS) continue;
    const key = inlineKeyBefore(text, from, k);
    if (key !== undefined) return key.before;
  }
  return -1;
}

/** Where text[start, end) ends without the blanks at its end. */
function blankTrimmedEnd(text: string, start: number, end: number): number {
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Whether the value after `k` (past blanks and a quote) starts with a capital letter, as a name does: most values are turned down here. */
function startsCapitalAfter(text: string, k: number, end: number): boolean {
  while (k < end && isBlank(text.charCodeAt(k))) k++;
  if (text.charCodeAt(k) === QUOTE || text.charCodeAt(k) === APOSTROPHE) k++;
  const code = text.charCodeAt(k);
  return isAsciiUpper(code) || code >= 0x80;
}

/** A key inside a line: text[start, end), what stands before it at `before`, and whether that is a gap (see `keyAfterGap`). */
interface InlineKey {
  start: number;
  end: number;
  before: number;
  gap?: boolean;
  /** A Go struct's field, as `%+v` prints it (see `goFieldBefore`). */
  go?: boolean;
  /** Where a dotted key starts (`geb.-datum`), its last part at `start`: the whole may name a field its last part does not. */
  whole?: number;
}

/** The key before the separator at `separator` (inside the line from `from`), if one stands there as `KeyReader.inline` reads keys. */
function inlineKeyBefore(text: string, from: number, separator: number, inGoStruct = false): InlineKey | undefined {
  let k = separator;
  // The `!` of `!=`.
  if (text.charCodeAt(separator) === EQUALS && k > from && text.charCodeAt(k - 1) === EXCLAMATION) k--;
  while (k > from && text.charCodeAt(k - 1) === SPACE) k--;
  const quote = k > from && (text.charCodeAt(k - 1) === QUOTE || text.charCodeAt(k - 1) === APOSTROPHE) ? text.charCodeAt(--k) : 0;
  const colon = text.charCodeAt(separator) === COLON;
  // `first_name:12:30`: an unquoted key's colon must be followed by a blank, a quote or a bracket (which passes over times at once).
  if (colon && quote === 0 && !startsValue(text.charCodeAt(separator + 1))) return goFieldBefore(text, from, separator, inGoStruct);
  const end = k;
  while (k > from && end - k < MAX_KEY_CHARS && isKeyChar(text.charCodeAt(k - 1)) && (quote !== 0 || text.charCodeAt(k - 1) !== SPACE)) k--;
  if (k === end || !isLetter(text.charCodeAt(k))) return undefined;
  // JSON-LD's `"@type"`.
  if (quote !== 0 && k > from && text.charCodeAt(k - 1) === AT) k--;
  // A path names what its last part names: `customer.first_name=Anna`, `c.first_name = 'Anna'`.
  let start = end;
  while (start > k && text.charCodeAt(start - 1) !== DOT) start--;
  const whole = start > k ? k : undefined;
  // Ruby's symbol: `{:name=>"Anna Schmidt"}`.
  if (quote === 0 && !colon && k > from && text.charCodeAt(k - 1) === COLON) k--;
  if (quote !== 0 && (k === from || text.charCodeAt(--k) !== quote)) return undefined;
  let before = k;
  while (before > from && isBlank(text.charCodeAt(before - 1))) before--;
  // At the line's start a key is a key line's (see `keyLine`), and it was not one.
  if (before === from) return undefined;
  if (BEFORE_INLINE_KEY.has(text.charCodeAt(before - 1))) return { start, end, before: before - 1, whole };
  // logfmt: `level=info first_name=Anna`.
  if (!colon) return before < k ? { start, end, before, whole } : undefined;
  if (quote !== 0) return undefined;
  return keyAfterGap(text, from, k, end) ?? (inGoStruct ? goFieldBefore(text, from, separator, true) : undefined);
}

/**
 * The key of words that ends at `end` (its last word starts at `k`) when
 * a gap of two blanks or a tab stands before it, as between a form's or a
 * report's fields side by side (`Patient: Anna Schmidt   DOB: 02/01/1980`,
 * `Name: Anna Schmidt<tab>Email: …`). Its words are one blank apart.
 */
function keyAfterGap(text: string, from: number, k: number, end: number): InlineKey | undefined {
  while (k - 2 > from && text.charCodeAt(k - 1) === SPACE && isWordKeyChar(text.charCodeAt(k - 2)) && end - k < MAX_KEY_CHARS) {
    k -= 2;
    while (k > from && isWordKeyChar(text.charCodeAt(k - 1)) && end - k < MAX_KEY_CHARS) k--;
  }
  if (!isLetter(text.charCodeAt(k)) || k - from < 2) return undefined;
  const gap = text.charCodeAt(k - 1) === TAB || (text.charCodeAt(k - 1) === SPACE && isBlank(text.charCodeAt(k - 2)));
  if (!gap) return undefined;
  // A path names what its last part names (see `inlineKeyBefore`).
  let start = end;
  while (start > k && text.charCodeAt(start - 1) !== DOT) start--;
  return { start, end, before: k - 1, gap };
}

/** A key's character other than a blank (see `isKeyChar`). */
function isWordKeyChar(code: number): boolean {
  return code !== SPACE && isKeyChar(code);
}

/**
 * The field of a Go struct whose colon is at `separator`, as `%+v` prints
 * one (`{ID:1 Name:Anna Schmidt Email:anna@example.de}`, `&{…}`): an
 * exported name (a capital, then letters, digits, `_`), its value right
 * after the colon; the first after the struct's `{`, the others after a
 * blank once the line showed a struct (`inGoStruct`). Its value runs to
 * the next field or the struct's end (see `goValue`).
 */
function goFieldBefore(text: string, from: number, separator: number, inGoStruct: boolean): InlineKey | undefined {
  let start = separator;
  while (start > from && separator - start < MAX_KEY_CHARS && isAsciiWordChar(text.charCodeAt(start - 1))) start--;
  const first = text.charCodeAt(start);
  if (start === separator || first < 0x41 || first > 0x5a || start === from || isBlank(text.charCodeAt(separator + 1)) || separator + 1 >= text.length) return undefined;
  const before = text.charCodeAt(start - 1);
  return before === OPEN_BRACE || (before === SPACE && inGoStruct) ? { start, end: separator, before: start - 1, go: true } : undefined;
}

/** The value of a Go struct's field from `k` (see `goFieldBefore`), as `valueAfter` gives it: to a blank before the next field, or the `}` that ends the struct. */
function goValue(text: string, k: number, end: number): [number, number, number] {
  if (text.charCodeAt(k) === OPEN_BRACE) return valueAfter(text, k, end);
  let depth = 0;
  for (let j = k; j < end; j++) {
    const code = text.charCodeAt(j);
    if (code === OPEN_BRACE || code === OPEN_BRACKET) depth++;
    else if ((code === CLOSE_BRACE || code === CLOSE_BRACKET) && depth-- === 0) return [k, j, j];
    else if (code === SPACE && depth === 0 && startsGoField(text, j + 1, end)) return [k, j, j];
  }
  return [k, end, end];
}

/** Whether a Go struct's field (an exported name and its colon, see `goFieldBefore`) starts at `k`. */
function startsGoField(text: string, k: number, end: number): boolean {
  const first = text.charCodeAt(k);
  if (first < 0x41 || first > 0x5a) return false;
  let j = k + 1;
  while (j < end && j - k < MAX_KEY_CHARS && isAsciiWordChar(text.charCodeAt(j))) j++;
  return text.charCodeAt(j) === COLON && !isBlank(text.charCodeAt(j + 1));
}

/** Whether a character may follow an unquoted key's colon inside a line: a blank, a quote or an opening bracket. */
function startsValue(code: number): boolean {
  return isBlank(code) || code === QUOTE || code === APOSTROPHE || code === OPEN_BRACE || code === OPEN_BRACKET;
}

/**
 * The name of the INI or TOML section header that the line text[k, end)
 * is (`[user]`, `[[customers]]`, git's `[remote "origin"]`: its first
 * word), if it is one: a letter after the brackets, and the line ends with
 * them.
 */
function sectionName(text: string, k: number, end: number): [number, number] | undefined {
  const start = text.charCodeAt(k + 1) === OPEN_BRACKET ? k + 2 : k + 1;
  if (!isLetter(text.charCodeAt(start)) || text.charCodeAt(blankTrimmedEnd(text, start, end) - 1) !== CLOSE_BRACKET) return undefined;
  let stop = start;
  while (stop < end && stop - start < MAX_KEY_CHARS && isKeyChar(text.charCodeAt(stop)) && text.charCodeAt(stop) !== SPACE) stop++;
  return [start, stop];
}

/**
 * Whether the value that starts at `k` is an attribute's of an LDAP
 * distinguished name (`cn=Anna Schmidt,ou=people,dc=example`): a comma
 * within MAX_KEY_CHARS ends it, before any `=`, and a key and `=` follow
 * the comma. (A logfmt value, which a blank ends, is followed by a key.)
 */
function isDistinguishedName(text: string, k: number, end: number): boolean {
  const limit = Math.min(end, k + MAX_KEY_CHARS);
  let comma = k;
  while (comma < limit && text.charCodeAt(comma) !== COMMA && text.charCodeAt(comma) !== EQUALS) comma++;
  if (text.charCodeAt(comma) !== COMMA || comma === limit) return false;
  let j = comma + 1;
  while (j < end && j - comma <= MAX_KEY_CHARS && isLetter(text.charCodeAt(j))) j++;
  return j > comma + 1 && text.charCodeAt(j) === EQUALS;
}

/** A key line's key, and where what follows its separator starts. */
interface KeyLine {
  keyStart: number;
  keyEnd: number;
  valueFrom: number;
}

/** The key of the line text[k, end) (`k` after its indentation), if it is a key line. */
function keyLine(text: string, k: number, end: number): KeyLine | undefined {
  const item = afterListMarker(text, k);
  if (item !== k) {
    k = item;
    while (k < end && isBlank(text.charCodeAt(k))) k++;
  }
  // Markdown's emphasis around the key: bold (`**`, `__`) or italic (`*`).
  const mark = isBold(text, k) ? 2 : text.charCodeAt(k) === ASTERISK && isLetter(text.charCodeAt(k + 1)) ? 1 : 0;
  const markCode = text.charCodeAt(k);
  k += mark;
  // A key in quotes, or in brackets as PHP's `print_r` writes it (`[name] => Anna Schmidt`): `quote` closes it.
  const opening = text.charCodeAt(k);
  const quote = opening === QUOTE || opening === APOSTROPHE ? opening : opening === OPEN_BRACKET ? CLOSE_BRACKET : 0;
  // Ruby's symbol: `:name => "Anna Schmidt"`.
  if (quote !== 0 || opening === COLON) k++;
  const keyStart = k;
  if (!isLetter(text.charCodeAt(k))) return undefined;
  while (k < end && k - keyStart < MAX_KEY_CHARS && (isKeyChar(text.charCodeAt(k)) || (quote === 0 && isWordApostrophe(text, k))) && !closesMark(text, k, mark, markCode)) k++;
  // `Name, Vorname:`, `Straße, Hausnr.:`: a label of both names, or of a street and its number, is one key, where a `, ` elsewhere parts
  // two; so is one of both names parted by `/` (`Vorname/Name:`, `Vor-/Nachname:`).
  const parted = text.charCodeAt(k);
  const labels = parted === COMMA ? COMMA_LABELS : parted === SLASH ? SLASH_LABELS : undefined;
  if (labels !== undefined && quote === 0 && k - keyStart <= COMMA_LABEL_PART_CHARS) {
    let j = k + 1;
    while (j < end && j - keyStart < 2 * COMMA_LABEL_PART_CHARS && isKeyChar(text.charCodeAt(j)) && !closesMark(text, j, mark, markCode)) j++;
    if (labels.has(fieldKey(text.slice(keyStart, j)))) k = j;
  }
  let keyEnd = k;
  // German forms' gendered ending after the key (`Kontoinhaber/in:`, `Antragsteller(in)`, `Patient*in`, `Versicherte/r`): the key is the word before it.
  if (quote === 0) k += genderSuffixAt(text, k);
  while (keyEnd > keyStart && text.charCodeAt(keyEnd - 1) === SPACE) keyEnd--;
  if (quote !== 0) {
    if (text.charCodeAt(k) !== quote) return undefined;
    k++;
  }
  if (closesMark(text, k, mark, markCode)) k += mark;
  while (k < end && text.charCodeAt(k) === SPACE) k++;
  const separator = text.charCodeAt(k);
  if (k >= end || (separator !== COLON && separator !== EQUALS)) return undefined;
  k++;
  // Ruby, Perl and PHP: `=>`.
  if (separator === EQUALS && text.charCodeAt(k) === GREATER) k++;
  // `http://…`, `12:30`: after an unquoted key, a colon that a space or the line's end does not follow separates no key.
  if (separator === COLON && quote === 0 && k < end && !isBlank(text.charCodeAt(k)) && !closesMark(text, k, mark, markCode)) return undefined;
  if (closesMark(text, k, mark, markCode)) k += mark;
  return { keyStart, keyEnd, valueFrom: k };
}

/** The gendered endings German forms write after a noun (see `genderSuffixAt`). */
const GENDER_SUFFIXES = ['/in', '/-in', '(in)', '*in', '/r', '(r)'];

/** The length of a gendered ending at `k` (`/in`, `/-in`, `(in)`, `*in`, `/r`, `(r)`) that no letter follows, 0 when none stands there. */
function genderSuffixAt(text: string, k: number): number {
  const first = text.charCodeAt(k);
  if (first !== SLASH && first !== OPEN_PARENTHESIS && first !== ASTERISK) return 0;
  for (const suffix of GENDER_SUFFIXES) {
    if (text.startsWith(suffix, k) && !isLetter(text.charCodeAt(k + suffix.length))) return suffix.length;
  }
  return 0;
}

/** Whether the emphasis that opened a key with `mark` characters (0: none) of `code` closes at `k`. */
function closesMark(text: string, k: number, mark: number, code: number): boolean {
  return mark !== 0 && text.charCodeAt(k) === code && (mark === 1 || text.charCodeAt(k + 1) === code);
}

/** The value of a line inside a block (text[k, end), `k` after its indentation): a nested key's value, else the line without its list marker. */
function blockValue(text: string, k: number, end: number): [number, number] {
  const line = keyLine(text, k, end);
  if (line !== undefined) {
    const [start, stop] = valueAfter(text, line.valueFrom, end);
    return [start, stop];
  }
  return trimmed(text, afterListMarker(text, k), end);
}

/** Where a list item's text starts after its marker at `k` (`- `, `* `, `1. `, `12) `), or `k` when none is there. */
function afterListMarker(text: string, k: number): number {
  const first = text.charCodeAt(k);
  if (first === DASH || first === ASTERISK) return isBlank(text.charCodeAt(k + 1)) ? k + 2 : k;
  let j = k;
  while (j < k + MAX_ITEM_DIGITS && isDigit(text.charCodeAt(j))) j++;
  const mark = text.charCodeAt(j);
  return j > k && (mark === DOT || mark === CLOSE_PARENTHESIS) && isBlank(text.charCodeAt(j + 1)) ? j + 2 : k;
}

/** text[start, end) without the blanks around it, and without quotes that enclose it. */
function trimmed(text: string, from: number, to: number): [number, number] {
  const [start, end] = blankTrimmed(text, from, to);
  const first = text.charCodeAt(start);
  if (end - start >= 2 && (first === QUOTE || first === APOSTROPHE) && text.charCodeAt(end - 1) === first) return [start + 1, end - 1];
  return [start, end];
}

/** Characters that end an unquoted value inside a line (see `valueAfter`). */
const ENDS_INLINE_VALUE: ReadonlySet<number> = new Set([...',;&#)}]"\'<> \t'].map((char) => char.charCodeAt(0)));
/**
 * Characters that end an unquoted value of a member of an object or a call written inside a line (YAML's flow
 * style: `{name: Anna Schmidt, email: …}`; Kotlin's `User(name=Anna Schmidt)`), and a double quote that closes
 * the text the member stands in (`note: "a, name=Anna"`). Not an apostrophe: `O'Brien`.
 */
const ENDS_MEMBER_VALUE: ReadonlySet<number> = new Set([...',;|})]"'].map((char) => char.charCodeAt(0)));

/**
 * The value that starts at `k` (after blanks) on the line that ends at
 * `end`, and where what follows it starts: inside its quotes (a backslash
 * escapes the character after it) or brackets when it has them, to the
 * line's end when they do not close on it; otherwise, inside a line, up
 * to a character of `ends` (ENDS_INLINE_VALUE or ENDS_MEMBER_VALUE) without
 * the blanks before it, and as a key line's value (no `ends`) the rest of
 * the line, without a comma after it.
 */
function valueAfter(text: string, k: number, end: number, ends?: ReadonlySet<number>): [number, number, number] {
  while (k < end && isBlank(text.charCodeAt(k))) k++;
  if (k >= end) return [end, end, end];
  const first = text.charCodeAt(k);
  if (first === QUOTE || first === APOSTROPHE) {
    for (let j = k + 1; j < end; j++) {
      const code = text.charCodeAt(j);
      if (code === BACKSLASH) j++;
      else if (code === first) return [k + 1, j, j + 1];
    }
    return [k + 1, end, end];
  }
  if (first === OPEN_BRACE || first === OPEN_BRACKET) {
    const close = closingBracket(text, k, end);
    return close === -1 ? [k + 1, end, end] : [k + 1, close, close + 1];
  }
  let to = k;
  if (ends !== undefined) {
    for (; to < end && !ends.has(text.charCodeAt(to)); to++) {
      // A call's arguments are the value's: `datetime.date(1980, 1, 2)`.
      if (text.charCodeAt(to) === OPEN_PARENTHESIS) {
        const close = closingBracket(text, to, end);
        if (close === -1) return [k, end, end];
        to = close;
      }
    }
    return [k, blankTrimmedEnd(text, k, to), to];
  }
  to = end;
  while (to > k && isBlank(text.charCodeAt(to - 1))) to--;
  if (text.charCodeAt(to - 1) === COMMA) to--;
  return [k, to, end];
}

/** Where the `{` or `[` that the value after `k` (past blanks) opens with stands; -1 when it does not open with one. */
function bracketAfter(text: string, k: number, end: number): number {
  while (k < end && isBlank(text.charCodeAt(k))) k++;
  const code = text.charCodeAt(k);
  return k < end && (code === OPEN_BRACE || code === OPEN_BRACKET) ? k : -1;
}

/** Where the bracket (or parenthesis) at `open` closes before `end` (any kind closes any; those in quotes not counted); -1 when it does not. */
function closingBracket(text: string, open: number, end: number): number {
  let depth = 0;
  for (let k = open; k < end; k++) {
    const code = text.charCodeAt(k);
    if (code === OPEN_BRACE || code === OPEN_BRACKET || code === OPEN_PARENTHESIS) depth++;
    else if ((code === CLOSE_BRACE || code === CLOSE_BRACKET || code === CLOSE_PARENTHESIS) && --depth === 0) return k;
    else if (code === QUOTE || code === APOSTROPHE) {
      for (k++; k < end && text.charCodeAt(k) !== code; k++) if (text.charCodeAt(k) === BACKSLASH) k++;
    }
  }
  return -1;
}

function isBold(text: string, k: number): boolean {
  const code = text.charCodeAt(k);
  return (code === ASTERISK || code === UNDERSCORE) && text.charCodeAt(k + 1) === code;
}

/** An ASCII letter, or any character from U+00C0 on (Latin-1's letters and beyond, the typographic apostrophe among them). */
function isLetter(code: number): boolean {
  return ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) || code >= 0xc0;
}

function isKeyChar(code: number): boolean {
  return isLetter(code) || (code >= 0x30 && code <= 0x39) || code === SPACE || code === UNDERSCORE || code === DASH || code === DOT || code === DEGREE || code === ORDINAL;
}

/** Whether text[k] is an apostrophe between two letters (`Carte d'identité`): a key's, where no quote opened the key. */
function isWordApostrophe(text: string, k: number): boolean {
  return text.charCodeAt(k) === APOSTROPHE && isLetter(text.charCodeAt(k - 1)) && isLetter(text.charCodeAt(k + 1));
}
