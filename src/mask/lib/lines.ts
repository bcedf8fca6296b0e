import { isBlank } from './chars.js';

/**
 * The lines of a text, for the readers that find what a text names by its
 * layout (tables, key lines, XML elements). A line ends at a line feed, or
 * at a NUL: values masked together are joined by one (see
 * `VALUE_SEPARATOR`), and a reader closes what it has open there, as if
 * the text ended.
 */
export class Lines {
  private readonly feeds: NextIndex;
  private readonly nuls: NextIndex;
  /** Whether the line last found by `end` ends at a NUL. */
  parted = false;

  constructor(
    private readonly text: string,
    from: number,
  ) {
    this.feeds = new NextIndex(text, '\n', from);
    this.nuls = new NextIndex(text, '\u0000', from);
  }

  /** The first line feed at or after `k`; -1 when there is none. */
  feedFrom(k: number): number {
    return this.feeds.from(k);
  }

  /** The first NUL at or after `k`; -1 when there is none. */
  nulFrom(k: number): number {
    return this.nuls.from(k);
  }

  /**
   * Calls `line` with the start and end (before a carriage return) of each
   * line of text[from, to) to read, and whether a NUL ends it: every line
   * while `open()` (a reader is inside something that goes on over lines),
   * else only the next line that holds `mark(k)`, the first character at or
   * after `k` that can start what the reader reads (-1 when there is none),
   * the lines before it passed over unread. `read`, if given, is called
   * with each line's start once `line` has read it.
   */
  read(from: number, to: number, open: () => boolean, mark: (k: number) => number, line: (start: number, end: number, parted: boolean) => void, read?: (start: number) => void): void {
    let start = from;
    while (start < to) {
      if (!open()) {
        const k = mark(start);
        if (k === -1 || k >= to) return;
        start = this.startOf(start, k);
      }
      const end = this.end(start, to);
      line(start, withoutReturn(this.text, start, end), this.parted);
      read?.(start);
      start = end + 1;
    }
  }

  /** Where the line that starts at `start` ends, at `to` at the latest (sets `parted`). */
  end(start: number, to: number): number {
    const feed = this.feedFrom(start);
    const nul = this.nulFrom(start);
    const end = feed === -1 || feed > to ? to : feed;
    this.parted = nul !== -1 && nul < end;
    return this.parted ? nul : end;
  }

  /**
   * The start of the line that holds `k` (at `start` or after, `start` at a
   * line's start): searched for back from `k` only when a line end lies
   * between, so that it reads no further back than `start`.
   */
  startOf(start: number, k: number): number {
    const nul = this.nulFrom(start);
    if (nul !== -1 && nul < k) start = this.text.lastIndexOf('\u0000', k) + 1;
    const feed = this.feedFrom(start);
    if (feed !== -1 && feed < k) start = Math.max(start, this.text.lastIndexOf('\n', k) + 1);
    return start;
  }
}

/** The policy field the key text[start, end) names, if any (the masker's answer). */
export type FieldAt = (text: string, start: number, end: number) => string | undefined;

/** Takes the value of field `named` at text[start, end). */
export type FieldValue = (start: number, end: number, named: string) => void;

/**
 * How keys and element names in text tell a person's data, as JSON's
 * objects that stand for a person do (see `field-keys.ts`).
 */
export interface PersonKeys {
  /** Whether the key text[start, end) stands for a person (`Customer`, `assignee`). */
  readonly isPerson: (text: string, start: number, end: number) => boolean;
  /** The field the key text[start, end) holds in a person's block or element (`name`, `address`), if one. */
  readonly memberAt: FieldAt;
  /** Whether a name under the key text[start, end) tells that its record is that person's (`Recipient:`, RIPE's `person:`, see `ADDRESSEE_KEYS`). */
  readonly addressee: (text: string, start: number, end: number) => boolean;
  /** Whether the key text[start, end) tells that its record stands for a person: it holds an e-mail address, a phone number or a bank account, or a first or last name or a birth date. */
  readonly tells: (text: string, start: number, end: number) => boolean;
  /** Whether the key text[start, end) says what kind of thing its object is (`type`, JSON-LD's `@type`); absent where no reader asks. */
  readonly namesType?: (text: string, start: number, end: number) => boolean;
  /** Whether text[start, end), the value of such a key, is a person's kind (`person`, `Person`, `user`), which tells its record stands for a person. */
  readonly isPersonType?: (text: string, start: number, end: number) => boolean;
  /** The field a person's name is masked as, if one. */
  readonly nameField: string | undefined;
  /** The field a person's address is masked as, if one. */
  readonly addressField?: string | undefined;
}

/**
 * A reader of a text's lines that reports the values of fields (keys in
 * text, XML elements): inside something a field names (`named` in its
 * state) it reads every line, else only the next line that holds its mark
 * (see `Lines.read`); a NUL closes what is open.
 */
export abstract class FieldLines<State extends { named: string | undefined }> {
  private readonly lines: Lines;

  constructor(
    protected readonly text: string,
    from: number,
    protected readonly fieldAt: FieldAt,
    protected readonly value: FieldValue,
  ) {
    this.lines = new Lines(text, from);
  }

  /**
   * Reads the lines of text[from, to) (see the class's comment), noting
   * the states they leave `state` in to `log`; returns where the line
   * starts from which the reader holds what a line after `to` may tell
   * (see `holds`), -1 when it holds nothing.
   */
  read(from: number, to: number, state: State, log?: StateLog<State>): number {
    let holdsFrom = -1;
    this.begin(state);
    log?.begin(state);
    this.lines.read(
      from,
      to,
      () => this.open(state),
      (k) => this.mark(k),
      (start, end, parted) => {
        if (!this.holds()) holdsFrom = start;
        this.line(start, end, state);
        if (parted) this.close(state);
      },
      log && ((start) => log.note(start, state)),
    );
    return this.holds() ? holdsFrom : -1;
  }

  /**
   * Whether the reader holds something that a later line may tell is a
   * person's (a record's name, see `PersonRecord`), and that would pass
   * unreported if the reading ended here. The masker reads the lines it
   * holds from again with the text after them (see `Masker.maskPieces`).
   */
  protected holds(): boolean {
    return false;
  }

  /** Takes up what `state` carries from the text before, at the start of a reading. */
  protected begin(_state: State): void {}

  /** Whether the reader is inside something that goes on over lines, so reads every line. */
  protected open(state: State): boolean {
    return state.named !== undefined;
  }

  /** Closes what is open at a NUL. */
  protected close(state: State): void {
    state.named = undefined;
  }

  /** The first character at or after `k` that can start what the reader reads; -1 when there is none. */
  protected abstract mark(k: number): number;

  /** Reads the line text[start, end). */
  protected abstract line(start: number, end: number, state: State): void;
}

/**
 * The states a reader's state (a flat object of values and lists) took
 * while it read a text's lines, each from the line that left it so: the
 * state it was in where any line of the reading starts can be had back. A
 * long text is masked a piece at a time, and the masker masks the lines
 * that a reader holds at a piece's end with the next piece, from the
 * states the readers were in there (see `Masker.maskPieces`).
 */
export class StateLog<State> {
  /** Per state noted: the start of the line that left it (-1: the state the reading started in), in text order. */
  private readonly starts: number[] = [];
  private readonly states: State[] = [];

  constructor(private readonly kind: StateKind<State>) {}

  /** Starts a log of a reading that starts in `state`. */
  begin(state: State): void {
    this.starts.length = 0;
    this.states.length = 0;
    this.starts.push(-1);
    this.states.push(this.kind.copy(state));
  }

  /** The line that starts at `start` left `state` so. */
  note(start: number, state: State): void {
    if (this.kind.same(state, this.states[this.states.length - 1]!)) return;
    this.starts.push(start);
    this.states.push(this.kind.copy(state));
  }

  /** The state the reader was in where the line at `at` starts, `at` in the text read (a copy). */
  stateAt(at: number): State {
    let k = this.starts.length - 1;
    while (this.starts[k]! >= at) k--;
    return this.kind.copy(this.states[k]!);
  }
}

/** How a reader's state is copied (its lists too: a reader adds to a list in place) and compared, for `StateLog`. */
export interface StateKind<State> {
  copy(state: State): State;
  same(a: State, b: State): boolean;
}

/** Whether two lists hold the same items (undefined: no list). */
export function sameItems(a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** A value of a record held until the record tells whether it stands for a person (see `PersonRecord`). */
export interface Held {
  start: number;
  end: number;
  field: string;
}

/** A record holds at most this many values (the same value may come again): what holds more is none. */
const MAX_HELD = 16;

/**
 * A record that may stand for a person, as a reader of lines reads one:
 * key lines one after another at one indentation (`at`, see
 * `key-value-text.ts`), or elements side by side (`markup-text.ts`, `at`
 * always 0). Its person's members (`Name:`, `<Name>`) are held until a
 * contact's key (`Email:`, `<Phone>`) tells it is a person's, then
 * reported to `value`, as are its later ones; so is its `title`, a
 * heading over it. That a record told is kept in the reader's state
 * (`Told`), which carries it to the next piece of a long text; what a
 * record holds is forgotten where a reading ends (see `FieldLines.holds`).
 */
export class PersonRecord {
  private readonly held: Held[] = [];
  private heldAt = 0;
  private state: Told = { toldAt: -1 };
  title: Held | undefined;

  /** `addressField`: the field a person's address is masked as, whose key may come again for the address's next line. */
  constructor(
    private readonly text: string,
    private readonly value: FieldValue,
    private readonly addressField?: string,
  ) {}

  /** Reads on from `state`, a reader's, which keeps whether the record told (see `FieldLines.begin`). */
  carriedBy(state: Told): void {
    this.state = state;
  }

  /** Whether a record is being read: it holds something, told, or has a title. */
  get open(): boolean {
    return this.held.length > 0 || this.state.toldAt !== -1 || this.title !== undefined;
  }

  /** Whether the record holds something or has a title, which only a later line may tell are a person's. */
  get holding(): boolean {
    return this.held.length > 0 || this.title !== undefined;
  }

  /** Whether the record at `at` told it stands for a person. */
  told(at = 0): boolean {
    return this.state.toldAt === at;
  }

  /** Whether no record holds anything or told: the next key starts one. */
  get empty(): boolean {
    return this.held.length === 0 && this.state.toldAt === -1;
  }

  /** A line at `at` (`keyed`: a key line) ends the record unless it goes on with it: a key line at its place. */
  lineAt(at: number, keyed: boolean): void {
    if ((this.held.length > 0 && (!keyed || at !== this.heldAt)) || (this.state.toldAt !== -1 && (!keyed || at !== this.state.toldAt)) || (this.title !== undefined && !keyed)) this.end();
  }

  /** The record at `at` told it stands for a person: its title and what it holds are reported, and what it holds later will be (see `member`). */
  tell(at = 0): void {
    if (this.title !== undefined) this.value(this.title.start, this.title.end, this.title.field);
    this.title = undefined;
    for (const { start, end, field } of this.held) this.value(start, end, field);
    this.held.length = 0;
    this.state.toldAt = at;
  }

  /** A person's member `field` of the record at `at`, text[start, end): reported if the record told it stands for a person, else held. */
  member(start: number, end: number, field: string, at = 0): void {
    const { held } = this;
    if (this.state.toldAt === at) {
      this.value(start, end, field);
      return;
    }
    // The same key again (with another value: an LDAP entry names its `cn` in its `dn` too), another place, or more than a record holds, starts
    // another record; an address right after the last goes on with it (an address over lines: a WHOIS person's `address:` twice).
    const goesOn = field === this.addressField && held.length > 0 && held[held.length - 1]!.field === field;
    const again = !goesOn && held.some((value) => value.field === field && !this.sameText(value, start, end));
    if (held.length === MAX_HELD || again || (held.length > 0 && this.heldAt !== at)) held.length = 0;
    held.push({ start, end, field });
    this.heldAt = at;
  }

  /**
   * Takes text[start, end), the value of the key keyText[keyStart, keyEnd)
   * in the record, as its line: a key that tells (see `PersonKeys.tells`)
   * tells the record, a person's member's value is held until it does (see
   * `member`). `named`: the key names a policy field, whose value is its
   * own to report; it may still tell. False when the value is not taken as
   * the record's.
   */
  keyed(persons: PersonKeys, keyText: string, keyStart: number, keyEnd: number, start: number, end: number, named = false): boolean {
    if (persons.tells(keyText, keyStart, keyEnd)) {
      this.tell();
      return true;
    }
    const member = named || start === end ? undefined : persons.memberAt(keyText, keyStart, keyEnd);
    if (member === undefined) return false;
    this.member(start, end, member);
    return true;
  }

  end(): void {
    this.held.length = 0;
    this.state.toldAt = -1;
    this.title = undefined;
  }

  private sameText(held: Held, start: number, end: number): boolean {
    return held.end - held.start === end - start && this.text.startsWith(this.text.slice(start, end), held.start);
  }
}

/** Where the record a reader reads told it stands for a person (at which indentation, see `PersonRecord`); -1 when none did. */
export interface Told {
  toldAt: number;
}

/**
 * Where a string next stands in a text, at or after a place that only
 * moves on (a reader's): searched for again only once passed. A text may
 * hold the string rarely, and searching again from every line would read
 * the text once per line.
 */
export class NextIndex {
  private at: number;

  constructor(
    private readonly text: string,
    private readonly search: string,
    from: number,
  ) {
    this.at = text.indexOf(search, from);
  }

  /** Where the string first stands at or after `k`; -1 when it does not. */
  from(k: number): number {
    if (this.at !== -1 && this.at < k) this.at = this.text.indexOf(this.search, k);
    return this.at;
  }
}

/**
 * `NextIndex` for a pattern (a global regular expression): one search
 * for what several strings, or a string in either case, would take a
 * search each.
 */
export class NextMatch {
  private at: number;

  constructor(
    private readonly text: string,
    private readonly pattern: RegExp,
    from: number,
  ) {
    this.at = this.search(from);
  }

  /** Where the pattern first matches at or after `k`; -1 when it does not. */
  from(k: number): number {
    if (this.at !== -1 && this.at < k) this.at = this.search(k);
    return this.at;
  }

  private search(k: number): number {
    this.pattern.lastIndex = k;
    return this.pattern.exec(this.text)?.index ?? -1;
  }
}

/** The nearer of two places found by searches (-1: not found); -1 when neither was. */
export function nearer(a: number, b: number): number {
  return a === -1 ? b : b === -1 ? a : Math.min(a, b);
}

/** text[start, end) without the blanks (spaces, tabs) around it. */
export function blankTrimmed(text: string, start: number, end: number): [number, number] {
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

/** `end`, or before a carriage return there (the line feed of a CRLF line ends it). */
export function withoutReturn(text: string, start: number, end: number): number {
  return end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
}
