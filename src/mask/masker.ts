/**
 * The masking engine: finds personal data in text (detectors) and in
 * structured data (field names), and replaces it in the policy's style.
 * Pure: no I/O; the key comes in from `masking-key.ts`.
 *
 * @see ../../../shared/DESIGN.md "Masking"
 */
import { renamedMembers } from '../lib/copy-on-write.js';
import { addCounts } from '../lib/counts.js';
import type { MaskingPolicy } from '../policy/policy.js';
import { valueOf, type Detector } from './detector.js';
import { ADDRESSEE_ENDINGS, ADDRESSEE_KEYS, CODE_KEYS, CONTACT_KEYS, fieldKey, fieldsByKey, holdsContact, holdsEmail, isKeySeparator, isPersonResource, isPersonType, MEMBER_OWNERS, MEMBER_QUALIFIERS, namesAddressee, namesType, OWNED_MEMBERS, ownedField, ownedMember, OWNERS, PERSON_KEYS, PERSON_KEYS_IN_TEXT, PERSON_MEMBER_FIELDS, PERSON_MEMBERS, PERSON_WORD_ENDINGS, personMember, RESOURCE_TYPE, standsForPerson, TYPE_KEYS } from './field-keys.js';
import { isAsciiLetter, isAsciiUpper, isHexDigit } from './lib/chars.js';
import { VALUE_SEPARATOR } from './lib/context.js';
import { readBirthDates } from './lib/birth-date-text.js';
import { readHl7Segments, type Hl7Value } from './lib/hl7-text.js';
import { readCommandOutputNames } from './lib/command-output-text.js';
import { readSpeakers } from './lib/speaker-text.js';
import { POSTAL_ADDRESS, readPostalAddresses, type PostalValue } from './lib/postal-address-text.js';
import { readTitledNames } from './lib/titled-name-text.js';
import { cardPropertyField, CONTACT_CARD_STATE, newContactCardState, readContactCards, type ContactCardState } from './lib/contact-card-text.js';
import { readDisplayNames, readsAsNames, readsAsNamesAt, startsAsName } from './lib/display-name-text.js';
import { isEmailAddress } from './lib/email-shape.js';
import { FIRST, LAST, NameEchoes } from './lib/name-echoes.js';
import { columnNames, COLUMNS_KEYS, headerNames, MIN_COLUMNS, NAME_KEY } from './lib/json-columns.js';
import { literalValue, pythonString, readJsonText, type JsonTextVisitor } from './lib/json-text.js';
import { KEY_VALUE_STATE, newKeyValueState, readKeyValues, type KeyValueState } from './lib/key-value-text.js';
import { ARIA_STATE, newAriaState, readAriaSnapshot, type AriaState } from './lib/aria-snapshot-text.js';
import { MARKUP_STATE, newMarkupState, readElements, type MarkupState } from './lib/markup-text.js';
import { nearer, NextIndex, StateLog, type FieldAt, type FieldValue, type PersonKeys } from './lib/lines.js';
import { SpanCache } from './lib/span-cache.js';
import { isColumnName, newTableState, TABLE_STATE, readTables, type CellVisitor, type TableState } from './lib/table-text.js';
import { CACHE_LIMIT, createPseudonymizer, pseudonymToken, TokenCache } from './pseudonym.js';
import { resolveDetectors } from './registry.js';
import { CONTEXT_CHARS, createScanner, scanText, type Scan } from './scanner.js';

/** One span of personal data, without its value (safe to print or record). */
export interface Finding {
  type: string;
  start: number;
  end: number;
}

/** Finding type → count. */
export type Findings = Record<string, number>;

export interface Masker {
  readonly policy: MaskingPolicy;
  /** Masks every detected value in `text`. */
  maskText(text: string): { text: string; findings: Findings };
  /**
   * Masks a JSON value deeply: strings are scanned; values under a key listed
   * in `policy.fields` are masked whole (leaves keep their place, strings stay
   * strings); strings that hold a JSON object or array are parsed, masked and
   * re-serialised. Returns the input itself when nothing was found. Objects
   * nested deeper than 256 levels are replaced by `[NESTING_TOO_DEEP]`
   * (counted as `nesting_too_deep`).
   */
  maskValue(value: unknown): { value: unknown; findings: Findings };
  /**
   * Masks a text that comes in pieces, each but the last ending with a line
   * break and longer than the context a detector reads around a value
   * (`CONTEXT_CHARS`; a long string decoded a piece at a time, see
   * `proxy/long-strings.ts`): yields the masked pieces in order, and
   * together they are what `maskText` makes of the whole text, counting
   * into `findings` as it goes. A piece is masked only when the next one is
   * asked for, so a reader can send each on before the next is masked; one
   * in which nothing was found is yielded as the very string it came as.
   * Only the current piece and the edges of its neighbours are held.
   */
  maskPieces(pieces: Iterable<string>, findings: Findings): Generator<string, void, undefined>;
  /**
   * Masks a text that holds a JSON list or object (or a JSON string) as
   * `maskValue` masks it, counting into `findings`, and gives the masked
   * text in parts (of 64 Ki characters or more, cut before a value), which
   * together are what `maskValue` gives: a large one can be written without
   * being joined. `[text]` when nothing was found; undefined when the text
   * holds no JSON list, object or string.
   */
  maskJsonText(text: string, findings: Findings): string[] | undefined;
  /**
   * The names an object's keys (`names`, in order) take when `maskValue`
   * masks it: a key may be personal data too (a map keyed by e-mail
   * address). Counts into `findings`; undefined when every key keeps its
   * name. Masked names are unique (`[EMAIL]`, `[EMAIL] #2`).
   */
  maskNames(names: readonly string[], findings: Findings): string[] | undefined;
  /**
   * The names of persons the last value masked at once (`maskText`,
   * `maskValue`, `maskJsonText`) held, with their tokens, and the field
   * they count as: the result's other values may write them too (see
   * `NameEchoes`); undefined when it held none.
   */
  namesFound(): { field: string; names: ReadonlyMap<string, string> } | undefined;
  /** Detected spans in `text`, sorted, value-free (`mcp-guard mask --json`). */
  findAll(text: string): Finding[];
}

/**
 * Deeper structures are replaced, not walked: the walk is recursive and the
 * input untrusted, and a stack overflow must not let a value through.
 */
const MAX_DEPTH = 256;
const TOO_DEEP = '[NESTING_TOO_DEEP]';
/** Counted like a finding so the trail shows that something was withheld. */
const TOO_DEEP_TYPE = 'nesting_too_deep';

/** Where a jCard property's type stands (`["fn", {}, "text", "Anna Schmidt"]`): after its name and parameters, before its values. */
const CARD_TYPE = 2;

/** Whether `value` is the word a jCard starts with: `vcard`, in any case. */
function isJCardMark(value: unknown): boolean {
  return typeof value === 'string' && value.length === 5 && value.toLowerCase() === 'vcard';
}

/** Whether `list` is a jCard (RFC 7095): the word `vcard` (see `isJCardMark`), then the list of its properties. */
function isJCard(list: unknown[]): boolean {
  return list.length >= 2 && isJCardMark(list[0]) && Array.isArray(list[1]);
}

function tooDeep(findings: Findings): string {
  findings[TOO_DEEP_TYPE] = (findings[TOO_DEEP_TYPE] ?? 0) + 1;
  return TOO_DEEP;
}

/** Texts longer than this give back the scan buffers they grew (see `Scanner.release`). */
const RELEASE_AFTER_CHARS = 64 * 1024;

/**
 * The lines a reader holds at the end of a piece are masked with the next
 * (see `replaceFound`) when they are at most this long; a longer record is
 * masked as far as the piece tells it, and the memory a piece takes stays
 * bounded.
 */
const MAX_HELD_CHARS = 64 * 1024;

/**
 * Separators personal data is written with beyond Latin-1: typographic
 * spaces (thin, narrow no-break: French typography writes `01 23 45 67 89`
 * with the latter) and dashes (hyphen, en dash, minus sign: a word
 * processor turns `123-45-6789` into `123–45–6789`). Detectors read them
 * as a space and a `-` (see `scannedForm`). The no-break space they read
 * as it is; leaving it out here lets V8 pass over a Latin-1 text without
 * reading it (7 ms on 4 MiB with it).
 */
const WIDE_SPACES = /[\u2007-\u200a\u202f\u205f\u3000]/g;
const WIDE_DASHES = /[\u2010-\u2013\u2212\ufe63\uff0d]/g;
/**
 * The box-drawing characters a table is drawn with in a terminal (Python's
 * `rich` and `tabulate`, psql's `unicode` line style): the readers read a
 * vertical line or a joint as `|` and a horizontal line as `-`, so that
 * `│ 1 │ Anna Schmidt │` under `┃ id ┃ name ┃` is the table it shows.
 */
const BOX_DRAWING = /[\u2500-\u257f]/g;
const BOX_HORIZONTALS = new Set([...'─━┄┅┈┉╌╍═╴╶╸╺╼╾']);
const WIDE_SEPARATOR = /[\u2007-\u200a\u202f\u205f\u3000\u2010-\u2013\u2212\ufe63\uff0d\u2500-\u257f]/;

function asciiBoxLine(line: string): string {
  return BOX_HORIZONTALS.has(line) ? '-' : '|';
}

/**
 * `text` as the detectors and readers read it: each WIDE_SEPARATOR
 * replaced by its ASCII one, so every offset stays and a value gets the
 * pseudonym it gets written with ASCII separators; `text` itself when it
 * holds none.
 */
function scannedForm(text: string): string {
  return WIDE_SEPARATOR.test(text) ? text.replace(WIDE_SPACES, ' ').replace(WIDE_DASHES, '-').replace(BOX_DRAWING, asciiBoxLine) : text;
}

/** Where the lines of a text read so far leave off: the table, the block of a key line, the element and the contact card that may go on in the text that follows (see `Masker.maskPieces`). */
interface LinesRead {
  tables: TableState;
  keyValues: KeyValueState;
  elements: MarkupState;
  cards: ContactCardState;
  snapshots: AriaState;
}

function newLinesRead(): LinesRead {
  return { tables: newTableState(), keyValues: newKeyValueState(), elements: newMarkupState(), cards: newContactCardState(), snapshots: newAriaState() };
}

/** The states each reader of `LinesRead` took over its last reading (see `StateLog`). */
type LinesLog = { [Reader in keyof LinesRead]: StateLog<LinesRead[Reader]> };

function newLinesLog(): LinesLog {
  return { tables: new StateLog(TABLE_STATE), keyValues: new StateLog(KEY_VALUE_STATE), elements: new StateLog(MARKUP_STATE), cards: new StateLog(CONTACT_CARD_STATE), snapshots: new StateLog(ARIA_STATE) };
}

/** Puts each reader of `lines` in the state `log` says it was in where the line at `at` starts. */
function linesReadAt(lines: LinesRead, log: LinesLog, at: number): void {
  lines.tables = log.tables.stateAt(at);
  lines.keyValues = log.keyValues.stateAt(at);
  lines.elements = log.elements.stateAt(at);
  lines.cards = log.cards.stateAt(at);
  lines.snapshots = log.snapshots.stateAt(at);
}

/** A field's value up to this long is normalised for its pseudonym (see `fieldToken` in `createMasker`). */
const NORMALISED_FIELD_CHARS = 1024;
/** A field's value up to this long has its token remembered (see `fieldToken`): at most CACHE_LIMIT of them, a few MB. */
const CACHED_FIELD_CHARS = 64;

/** Detections found ahead of a scan (see `ahead` in `createMasker`) that a masker keeps room for: a large table's are let go, with their tokens. */
const AHEAD_KEPT = 4096;

/**
 * What an object stands for, by the key it lies under or what it holds
 * (see `standsFor` in `createMasker`): nobody; a person, whose `name` and
 * `address` are theirs; or a mailbox, an e-mail address's object
 * (Microsoft Graph's `{"emailAddress": {"name": …, "address": …}}`), whose
 * `name` is its owner's and whose `address` is the e-mail address, left to
 * the detectors.
 */
const NOBODY = 0;
const PERSON = 1;
const MAILBOX = 2;

/**
 * How a member of an object masked whole as a field is read (see
 * `readWithin` in `createMasker`): masked as that field; as the field its
 * own key names (a shipping address's `first_name`); as a code, which keeps
 * its value and is scanned as any string (see `CODE_KEYS`); or as a
 * contact, scanned so that an e-mail address or a phone number there gets
 * the token it gets anywhere else, and masked as the field when no detector
 * reads it.
 */
const AS_FIELD = 0;
const AS_OWN_FIELD = 1;
const AS_CODE = 2;
const AS_CONTACT = 3;

/** The key of an id (normalised, see `fieldKey`). */
const ID_KEY = fieldKey('id');

/**
 * Keys (normalised) that say nothing of what their value is: the key of the
 * object they are in says it, and is the hint their value is read with
 * (Google's `"phoneNumbers": [{"value": …}]`, `{"ssn": {"number": …}}`).
 */
const GENERIC_KEYS: ReadonlySet<string> = new Set(['value', 'number'].map(fieldKey));

/**
 * A mailbox written with its address under `address` (Zendesk's and
 * Mailgun's `{"name": "Anna Schmidt", "address": "anna@example.de"}`) is
 * told by that value, where Graph's is told by its key: an object of no one
 * else's whose `address` member is an e-mail address is a mailbox.
 */
const MAILBOX_ADDRESS_KEY = 'address';

function isMailboxAddress(key: string, value: unknown): boolean {
  return key === MAILBOX_ADDRESS_KEY && typeof value === 'string' && isEmailAddress(value);
}

/** JSON keys whose reading a masker remembers (see `keyOf`); a document with more distinct keys starts over. */
const KEYS_KEPT = 10_000;

/**
 * String values of a JSON text are masked a batch of about this many
 * characters at a time (see `maskBatch`); a longer value is masked alone.
 * A scan's fixed cost is paid once per batch (4 Ki and 32 Ki characters
 * measured the same), and a batch stays well below RELEASE_AFTER_CHARS,
 * so the scan keeps its buffers from one batch to the next.
 */
const BATCH_CHARS = 4 * 1024;

/** String values of one JSON key waiting to be masked together, with where each goes back to. */
interface ValueBatch {
  hint: string | undefined;
  readonly holders: Record<string | number, unknown>[];
  readonly keys: (string | number)[];
  readonly values: string[];
  chars: number;
}

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const QUOTE = 0x22;

// The role a JSON list or object plays in naming a table's columns (see `json-columns.ts`, and `maskingReader`):
// none; a columns key's list; an object in such a list; a list's first item (a header row, if it names columns).
const NAMES_NOTHING = 0;
const COLUMNS = 1;
const COLUMN = 2;
const HEADER = 3;

/** The first character of `text` that is not JSON white space, as a char code; -1 when there is none. */
function firstSignificant(text: string): number {
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) return code;
  }
  return -1;
}

/**
 * A copy of the lists and objects of a JSON value, sharing its strings and
 * other leaves; what lies deeper than MAX_DEPTH is not copied (the masking
 * replaces it without reading it).
 */
function containersCopied(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item: unknown) => containersCopied(item, depth + 1));
  // A spread copy defines `__proto__` as the member it is, and the assignment then replaces that member.
  const copy: Record<string, unknown> = { ...value };
  for (const key of Object.keys(copy)) copy[key] = containersCopied(copy[key], depth + 1);
  return copy;
}

/** A table's columns (in text, see `readLines` in `createMasker`; in JSON, see `json-columns.ts`): per column, the policy field its name names, if any, and its name as the hint a JSON key gives. */
interface Columns {
  fields: (string | undefined)[];
  hints: string[];
  /** Per column, whether its name stands for a person (`Customer`, `Assignee`): a cell of it that reads as a name is the person's (see `readLines`). */
  persons: boolean[];
}

/**
 * What a first reading of a JSON text learns of an object only after
 * members that needed it, by where the object starts (see
 * `maskingReader`): the columns of a table whose rows came first, and that
 * it stands for a person, told by an e-mail address after its name.
 */
interface LateReading {
  columns: Map<number, Columns>;
  persons: Set<number>;
}

/** A string of a JSON text held under a person's member until its object tells whether it stands for one (see `maskingReader`). */
interface Pending {
  /** Its replacement's number in the text's `JsonEdits`. */
  index: number;
  value: string;
  /** The field it is if its object stands for a person; the hint it is scanned under if not. */
  field: string;
  hint: string | undefined;
  depth: number;
}

/** How the masker reads a JSON key (see `keyOf` in `createMasker`). */
interface KeyReading {
  field: string | undefined;
  hint: string;
  /** The policy field the key holds in an object that stands for a person (its name, its address: see `personMember`), if the policy masks it. */
  personField: string | undefined;
  /** What an object under the key stands for (NOBODY, PERSON, MAILBOX: see `standsFor`). */
  whom: number;
  /** Whether the key tells that its object stands for a person (see `tellsKey` in `createMasker`). */
  tells: boolean;
  /** Whether the key says what kind of thing its object is, which may be a person (see `namesType`). */
  typed: boolean;
  /** Whether a name under the key tells that its object is that person's (see `namesAddressee`). */
  addressee: boolean;
  /** Whether the key's value is a code (see `CODE_KEYS`), kept inside a value masked whole, but for an identity document's `id` (see `readWithin`). */
  code: boolean;
  /** Whether the key is an `id`: inside an identity document's value, its number. */
  id: boolean;
  /** Whether the key says nothing of what its value is (`value`, `number`): the object's key says it (see `GENERIC_KEYS`). */
  generic: boolean;
  /** Whether the key holds a contact (see `CONTACT_KEYS`), masked as what it is inside a value masked whole (see `readWithin`). */
  contact: boolean;
  /** The key masked, when it holds personal data, and what masking it found. */
  masked: string | undefined;
  found: Findings | undefined;
  /** Whether the key as it is may be the name a masked key takes (see `TOKEN_MARK`). */
  tokenLike: boolean;
}

/**
 * A character every replacement holds (`[EMAIL]`, `<email:3f9a1c2b>`,
 * `****1111`, `192.168.1.*`), so every masked key too: a key without one
 * can never be the name a masked key takes.
 */
const TOKEN_MARK = /[[<*]/;

/**
 * The name a key of an object takes: `name` (the key masked, or the key as
 * it is when it may look like a masked one), or the first of `name #2`,
 * `name #3`, … not taken by such a key before it in the object (`taken`,
 * which it joins). `{"a@x.de": 1, "b@x.de": 2}` redacted keeps both
 * members, and so does `{"[EMAIL]": 1, "b@x.de": 2}`.
 */
function takeName(name: string, taken: Set<string>): string {
  let taking = name;
  for (let n = 2; taken.has(taking); n++) taking = `${name} #${n}`;
  taken.add(taking);
  return taking;
}

/**
 * The digits of a JSON number that may be an identifier written as a
 * number (`"ssn": 123456789`, a card number), scanned as the text of its
 * digits under its key's hint: a whole number of 6 to 16 digits that JSON
 * holds exactly, as a number or as its literal. What masking finds in it
 * replaces the number with a string, as a field's masking does. Undefined
 * for any other number.
 */
function scannedDigits(number: number | string): string | undefined {
  // Every JSON number is read here: the cheap checks first.
  if (typeof number === 'number') return number >= 10 ** (MIN_ID_DIGITS - 1) && Number.isSafeInteger(number) ? String(number) : undefined;
  if (number.length < MIN_ID_DIGITS || number.length > MAX_ID_DIGITS || !/^[1-9][0-9]*$/.test(number)) return undefined;
  return Number.isSafeInteger(Number(number)) ? number : undefined;
}

/** The digits of an identifier written as a JSON number (see `scannedDigits`): 2^53 has 16. */
const MIN_ID_DIGITS = 6;
const MAX_ID_DIGITS = 16;

const PERCENT = 0x25;
const AMPERSAND = 0x26;
const HASH = 0x23;
const SEMICOLON = 0x3b;
/** Decodes code units one for one: a BOM is kept, a lone surrogate becomes U+FFFD. */
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });

/**
 * The HTML named character references that stand for a character personal
 * data is written with (`anna&commat;example&period;de`, `+49&nbsp;30 …`).
 * The others (`&amp;`, `&lt;`) change nothing a detector reads, and a run
 * that holds only them is not decoded.
 */
const NAMED_REFERENCES = new Map([
  ['commat', 0x40],
  ['period', 0x2e],
  ['plus', 0x2b],
  ['lpar', 0x28],
  ['rpar', 0x29],
  ['colon', 0x3a],
  ['sol', 0x2f],
  ['lowbar', 0x5f],
  ['num', 0x23],
  ['nbsp', 0xa0],
]);
const LONGEST_REFERENCE_NAME = 6;

/**
 * Escapes are decoded this many times over at most: a link in a link's
 * query is encoded twice (`next=%2Fc%3Femail%3Danna%2540example.de`).
 */
const MAX_DECODINGS = 3;

/**
 * The length of the escape at `text[at]`, before `to`, or 0 where there is
 * none: a percent escape (`%40`), an HTML numeric character reference
 * (`&#64;`, `&#x40;`) of a character outside the surrogates, or one of the
 * NAMED_REFERENCES (`&commat;`), each of which decodes to one code unit
 * (see `escapedUnit`).
 */
function escapeLength(text: string, at: number, to: number): number {
  const first = text.charCodeAt(at);
  if (first === PERCENT) return at + 2 < to && isHexDigit(text.charCodeAt(at + 1)) && isHexDigit(text.charCodeAt(at + 2)) ? 3 : 0;
  if (first !== AMPERSAND) return 0;
  if (text.charCodeAt(at + 1) !== HASH) {
    let k = at + 1;
    const last = Math.min(to, at + 1 + LONGEST_REFERENCE_NAME);
    while (k < last && isAsciiLetter(text.charCodeAt(k))) k++;
    return k < to && text.charCodeAt(k) === SEMICOLON && NAMED_REFERENCES.has(text.slice(at + 1, k)) ? k + 1 - at : 0;
  }
  const hex = (text.charCodeAt(at + 2) | 0x20) === 0x78;
  let k = hex ? at + 3 : at + 2;
  let value = 0;
  const digitsFrom = k;
  for (; k < to && k - digitsFrom < 7; k++) {
    const code = text.charCodeAt(k);
    if (hex ? !isHexDigit(code) : code < 0x30 || code > 0x39) break;
    value = value * (hex ? 16 : 10) + hexValue(code);
  }
  if (k === digitsFrom || k >= to || text.charCodeAt(k) !== SEMICOLON) return 0;
  return value > 0 && value <= 0xffff && (value < 0xd800 || value > 0xdfff) ? k + 1 - at : 0;
}

/** Where the first escape (see `escapeLength`) of text[k, to) starts, found through the searches for `%` and `&` in it; -1 when there is none. */
function nextEscape(text: string, percents: NextIndex, ampersands: NextIndex, k: number, to: number): number {
  for (;;) {
    const mark = nearer(percents.from(k), ampersands.from(k));
    if (mark === -1 || mark >= to) return -1;
    if (escapeLength(text, mark, to) > 0) return mark;
    k = mark + 1;
  }
}

/** Whether `text` holds an escape (see `escapeLength`). */
function holdsEscape(text: string): boolean {
  return nextEscape(text, new NextIndex(text, '%', 0), new NextIndex(text, '&', 0), 0, text.length) !== -1;
}

/** The code unit the escape `text[at, at + length)` stands for (see `escapeLength`). */
function escapedUnit(text: string, at: number, length: number): number {
  if (text.charCodeAt(at) === PERCENT) return (hexValue(text.charCodeAt(at + 1)) << 4) | hexValue(text.charCodeAt(at + 2));
  if (text.charCodeAt(at + 1) !== HASH) return NAMED_REFERENCES.get(text.slice(at + 1, at + length - 1))!;
  const hex = (text.charCodeAt(at + 2) | 0x20) === 0x78;
  return Number.parseInt(text.slice(hex ? at + 3 : at + 2, at + length - 1), hex ? 16 : 10);
}

/** The value of a hex digit (see `isHexDigit`). */
function hexValue(code: number): number {
  return code <= 0x39 ? code - 0x30 : (code | 0x20) - 0x61 + 10;
}

/** Whether a character ends an encoded run (see `findEncoded`): white space and other controls, quotes, angle brackets. */
function endsEncodedRun(code: number): boolean {
  return code <= 0x20 || code === 0x22 || code === 0x27 || code === 0x3c || code === 0x3e || code === 0x7f || code === 0x85 || code === 0xa0 || code === 0x2028 || code === 0x2029;
}

/**
 * A JSON text being masked: the replacements not yet made, in text order
 * (value `k` replaces text[starts[k], ends[k]); an undefined value, one
 * still waiting in its batch and then found clean, replaces nothing), and
 * the masked text before them, in parts. A value replaces either a whole
 * JSON value and is written as a JSON string, or (`raw`) the inside of a
 * string literal written without escapes, and is then written as it is
 * unless it holds a character JSON.stringify would escape (a token quotes
 * the configured field name, which may hold any).
 */
class JsonEdits {
  starts: number[] = [];
  ends: number[] = [];
  values: (string | undefined)[] = [];
  private raw: boolean[] = [];
  /** The masked text up to `madeTo`. */
  private readonly made: string[] = [];
  madeTo = 0;

  /** `python`: the text is Python's literal (see `readJsonText`), whose strings it decodes as Python does. */
  constructor(
    private readonly text: string,
    readonly python = false,
  ) {}

  /**
   * Adds a replacement of the JSON value at text[start, end) after the
   * others, or with `inside` of the inside of the string literal there,
   * which holds no escape (see above); returns its number.
   */
  add(start: number, end: number, value: string | undefined, inside = false): number {
    this.starts.push(inside ? start + 1 : start);
    this.ends.push(inside ? end - 1 : end);
    this.raw.push(inside);
    return this.values.push(value) - 1;
  }

  /** Makes the replacements so far, every one of them final, and masks the text up to `to`, which none reaches past. */
  make(to: number): void {
    const { text, starts, ends, values, raw } = this;
    // Parts joined, not concatenated: a rope of a cons string per part held more than the parts.
    const parts: string[] = [];
    let at = this.madeTo;
    for (let k = 0; k < values.length; k++) {
      const value = values[k];
      if (value === undefined) continue;
      const written = raw[k] ? quotedInside(value, text.charCodeAt(starts[k]! - 1)) : JSON.stringify(value);
      parts.push(text.slice(at, starts[k]), written);
      at = ends[k]!;
    }
    parts.push(text.slice(at, to));
    this.made.push(parts.join(''));
    this.madeTo = to;
    this.starts = [];
    this.ends = [];
    this.values = [];
    this.raw = [];
  }

  /** The masked text in parts, once every replacement is final. */
  parts(): string[] {
    this.make(this.text.length);
    return this.made;
  }
}

/** Characters JSON.stringify writes as escapes: quote, backslash, control characters, and (lone) surrogates. */
const ESCAPED_IN_JSON = /["\\\u0000-\u001f\ud800-\udfff]/;
/** Those and the apostrophe, which closes a Python string it opened: written as JSON.stringify writes the rest, which Python reads alike. */
const ESCAPED_IN_APOSTROPHES = /['"\\\u0000-\u001f\ud800-\udfff]/;
const APOSTROPHE = 0x27;
const APOSTROPHES = /'/g;

/** `value` written inside the quotes (`quote`, JSON's or Python's of either kind) of a string literal. */
function quotedInside(value: string, quote: number): string {
  const apostrophes = quote === APOSTROPHE;
  if (!(apostrophes ? ESCAPED_IN_APOSTROPHES : ESCAPED_IN_JSON).test(value)) return value;
  const escaped = JSON.stringify(value).slice(1, -1);
  return apostrophes ? escaped.replace(APOSTROPHES, "\\'") : escaped;
}

/**
 * A JSON text is masked this many characters at a time (see `JsonEdits`):
 * its open batches are masked, and the replacements up to there made, so
 * that what a large text holds until its end is its masked parts.
 */
const JSON_PART_CHARS = 64 * 1024;

/** A key in text longer than this stands for no person and holds no person's name or address (see `PersonKeys`): the longest such keys are shorter. */
const MAX_PERSON_KEY_CHARS = 24;

/**
 * The shape of a key (see `fieldKey`) for a check before it is normalised:
 * its length without separators, and its first and last characters
 * without case (0 outside ASCII, where case is left to `fieldKey`).
 */
function keyShape(length: number, first: number, last: number): number {
  return (length * 128 + caseless(first)) * 128 + caseless(last);
}

/** The shapes of normalised `keys` (see `fieldKey`). */
function shapesOf(keys: Iterable<string>): Set<number> {
  return new Set([...keys].map((key) => keyShape(key.length, key.charCodeAt(0), key.charCodeAt(key.length - 1))));
}

/** Adds to `shapes` those of each of normalised `keys` after each of `prefixes` (`customer` + `firstname`). */
function addPrefixedShapes(shapes: Set<number>, prefixes: readonly string[], keys: Iterable<string>): void {
  for (const key of keys) for (const prefix of prefixes) shapes.add(keyShape(prefix.length + key.length, prefix.charCodeAt(0), key.charCodeAt(key.length - 1)));
}

/** The shape of the key text[start, end) as written. */
function shapeAt(text: string, start: number, end: number): number {
  let length = 0;
  let first = 0;
  let last = 0;
  for (let k = start; k < end; k++) {
    const code = text.charCodeAt(k);
    if (isKeySeparator(code)) continue;
    if (length++ === 0) first = code;
    last = code;
  }
  return keyShape(length, first, last);
}

/** Whether the key text[start, end) ends in one of `endings` (lower-case letters), in any case: `Rechnungsempfänger` in `empfänger`. */
function endsInOneAt(text: string, start: number, end: number, endings: readonly string[]): boolean {
  next: for (const ending of endings) {
    if (end - start < ending.length) continue;
    for (let k = 1; k <= ending.length; k++) {
      // ASCII and Latin-1 capitals are their small letters less 0x20 (`Ä` 0xc4, `ä` 0xe4).
      if ((text.charCodeAt(end - k) | 0x20) !== ending.charCodeAt(ending.length - k)) continue next;
    }
    return true;
  }
  return false;
}

function caseless(code: number): number {
  return code >= 0x80 ? 0 : isAsciiUpper(code) ? code | 0x20 : code;
}

/**
 * Builds a masker for `policy` with the organisation's pseudonym `key`.
 * Throws GUARD_MASK_CONFIG for an unknown detector name.
 */
export function createMasker(policy: MaskingPolicy, key: Uint8Array): Masker {
  const detectors = resolveDetectors(policy.detectors);
  const fields = fieldsByKey(policy.fields);
  const pseudonym = createPseudonymizer(key);

  function replacement(type: string, label: string, value: string, detector: Detector | undefined): string {
    switch (policy.style) {
      case 'redact':
        return `[${label}]`;
      case 'partial':
        return detector?.partial?.(value) ?? `[${label}]`;
      case 'pseudonym':
        return pseudonym(type, value);
    }
  }

  // Per detector, in `detectors` order: the redact token, built once.
  const redactTokens = detectors.map((detector) => `[${detector.label}]`);
  // What an owner (see `Scan.owners`) counts as: a detector, or after them a policy field (a table's column, see `readLines`).
  const fieldNames = [...new Set(fields.values())];
  const countedAs = [...detectors.map((detector) => detector.name), ...fieldNames];
  const fieldOwners = new Map(fieldNames.map((field, k) => [field, detectors.length + k]));
  /** The policy field a key (a JSON key, a column's name, a key in text) names, if any. */
  const fieldOf = (key: string): string | undefined => {
    const normal = fieldKey(key);
    const field = fields.get(normal) ?? ownedField(fields, normal);
    if (field !== undefined) return field;
    const member = ownedMember(normal);
    return member === undefined ? undefined : fields.get(fieldKey(member));
  };
  // A key names a field only if its shape is a field's, or a name's or an address's, after whose it is or not (see `ownedField`,
  // `ownedMember`): a key of another is passed over without being sliced.
  const fieldShapes = shapesOf(fields.keys());
  addPrefixedShapes(fieldShapes, OWNERS, fields.keys());
  addPrefixedShapes(fieldShapes, MEMBER_OWNERS, OWNED_MEMBERS.keys());
  const longest = (keys: Iterable<string>): number => Math.max(0, ...[...keys].map((key) => key.length));
  const longestKey = 2 * Math.max(longest(fields.keys()) + longest(OWNERS), longest(OWNED_MEMBERS.keys()) + longest(MEMBER_OWNERS)) + 2;
  /** The policy field a vCard property named `name` stands for (see `cardPropertyField`), if the policy masks it. */
  const cardFieldOf = (name: string): string | undefined => {
    const field = cardPropertyField(name);
    return field === undefined ? undefined : fieldOf(field);
  };
  /** The policy field the key text[start, end) names (`Date of birth:`, see `readKeyValues`), if any. */
  const fieldNamed: FieldAt = (text, start, end) => (end - start <= longestKey && fieldShapes.has(shapeAt(text, start, end)) ? fieldOf(text.slice(start, end)) : undefined);
  // The fields a person's first or last name, birth date and place and identity document, and a payment card's security code (a card's
  // `name` is its holder's), are masked as: a key of one tells its object is a person's, as a contact's does.
  const ownFields = new Set(
    ['first_name', 'last_name', 'date_of_birth', 'place_of_birth', 'id_document_number', 'card_security_code'].map((field) => fields.get(fieldKey(field))).filter((field) => field !== undefined),
  );
  const isOwnField = (field: string | undefined): boolean => field !== undefined && ownFields.has(field);
  /**
   * Whether `key` tells that its object, record or table stands for a
   * person: it holds their e-mail address, phone number or bank account
   * (see `holdsContact`), or their first or last name or birth date.
   */
  const tellsKey = (key: string): boolean => holdsContact(key) || isOwnField(fieldOf(key));
  /** A table's columns by their `names`: a column beside an e-mail address's (or a phone number's, or a first name's) is a person's name or address as a member beside one is (see `tellsKey`). */
  const columnsNamed = (names: readonly string[]): Columns => {
    const person = masksPersons && names.some(tellsKey);
    const hints = names.map((name) => name.toLowerCase());
    return { fields: names.map((name) => fieldOf(name) ?? (person ? personFieldOf(name) : undefined)), hints, persons: hints.map(isPerson) };
  };
  // The field a person's name is masked as (a `name` where `standsForPerson`, an address's display name): the policy's full name, if it masks one.
  const personNameField = fields.get(fieldKey('full_name'));
  // The fields a person's first and last names are masked as, if the policy masks them: together, they make the full name (see `fieldToken`).
  const firstNameField = fields.get(fieldKey('first_name'));
  const lastNameField = fields.get(fieldKey('last_name'));
  // The field a person's address is masked as (an address's lines in a record, an HL7 segment's address), if the policy masks one.
  const addressField = fields.get(fieldKey('home_address'));
  // The field a date after a label of a date of birth is masked as (`DOB 02/01/1980`, see `readBirthDates`), if the policy masks one.
  const birthDateField = fields.get(fieldKey('date_of_birth'));
  // The field an identity document's number is masked as, if the policy masks it: inside its value, the document's `id` is no code.
  const idDocumentField = fields.get(fieldKey('id_document_number'));
  /** How the member `reading` is read inside an object masked whole as `field` (see `maskField`). */
  const readWithin = (reading: KeyReading, field: string): number =>
    reading.field !== undefined ? AS_OWN_FIELD : reading.code && !(reading.id && field === idDocumentField) ? AS_CODE : reading.contact ? AS_CONTACT : AS_FIELD;
  // The fields an HL7 segment's name, date of birth and address are masked as (see `readHl7Segments`), by `Hl7Value`; none when the policy masks none of them.
  const hl7Fields: ReadonlyArray<string | undefined> = [personNameField, birthDateField, addressField];
  const readsHl7 = hl7Fields.some((field) => field !== undefined);
  const standing = new Map<string, number>();
  // Most values fail `startsAsName` at their first character, sooner than `isPerson` looks the hint up; a list of names is tried under a person's key only.
  /** The field a string `value` under a key that gives `hint` is masked as when the key stands for a person and the value reads as a name or names (`"assignee": "Jean Dupont"`). */
  const personNamed = (hint: string | undefined, value: string): string | undefined =>
    startsAsName(value) && isPerson(hint) && readsAsNames(value) ? personNameField : undefined;
  /** The field the member `reading` reads in an object that stands for `whom` (see `standsFor`): its own, or the person's name or address, or a mailbox's name. */
  const memberField = (reading: KeyReading, whom: number): string | undefined =>
    reading.field ?? (whom === PERSON ? reading.personField : whom === MAILBOX && reading.personField === personNameField ? personNameField : undefined);
  /** The policy field that `key` holds in an object that stands for a person (see `personMember`), if the policy masks it. */
  const personFieldOf = (key: string): string | undefined => {
    const member = personMember(key);
    return member === undefined ? undefined : fields.get(fieldKey(member));
  };
  const masksPersons = PERSON_MEMBER_FIELDS.some((field) => fields.has(fieldKey(field)));
  /** What an object under a key that gives `hint` stands for (NOBODY, PERSON, MAILBOX), when the policy masks a person's name or address. */
  const standsFor = (hint: string | undefined): number => {
    if (hint === undefined || !masksPersons) return NOBODY;
    let known = standing.get(hint);
    if (known === undefined) {
      if (standing.size >= KEYS_KEPT) standing.clear();
      known = standsForPerson(hint) ? PERSON : holdsEmail(hint) ? MAILBOX : NOBODY;
      standing.set(hint, known);
    }
    return known;
  };
  /** Whether an object under a key that gives `hint` stands for a person whose name or address the policy masks. */
  const isPerson = (hint: string | undefined): boolean => standsFor(hint) === PERSON;
  /**
   * Whether the member `reading` with `value` (undefined for a list or an
   * object) tells that its object stands for a person: a contact's value
   * that is no boolean (`"email": true` is a setting's), or a type that is
   * a person's kind.
   */
  const tellsPerson = (reading: KeyReading, value: unknown): boolean =>
    (reading.tells && (reading.field === undefined ? typeof value !== 'boolean' : typeof value === 'string')) ||
    (reading.typed && isPersonType(value)) ||
    (reading.addressee && typeof value === 'string' && startsAsName(value) && readsAsNames(value));
  /** How keys in text tell a person (see `readKeyValues`); none when the policy masks no person's name or address. */
  const memberShapes = shapesOf(PERSON_MEMBERS.keys());
  addPrefixedShapes(memberShapes, MEMBER_QUALIFIERS, PERSON_MEMBERS.keys());
  const contactShapes = shapesOf(CONTACT_KEYS);
  const typeShapes = shapesOf(TYPE_KEYS);
  const personShapes = shapesOf([...PERSON_KEYS, ...PERSON_KEYS_IN_TEXT]);
  const addresseeShapes = shapesOf(ADDRESSEE_KEYS);
  const isPersonInText = (key: string): boolean => isPerson(key) || PERSON_KEYS_IN_TEXT.has(fieldKey(key));
  const personKeys: PersonKeys | undefined = masksPersons
    ? {
        isPerson: (text, start, end) =>
          end - start <= MAX_PERSON_KEY_CHARS && (personShapes.has(shapeAt(text, start, end)) || endsInOneAt(text, start, end, PERSON_WORD_ENDINGS)) && isPersonInText(text.slice(start, end).toLowerCase()),
        addressee: (text, start, end) =>
          end - start <= MAX_PERSON_KEY_CHARS && (addresseeShapes.has(shapeAt(text, start, end)) || endsInOneAt(text, start, end, ADDRESSEE_ENDINGS)) && namesAddressee(text.slice(start, end)),
        memberAt: (text, start, end) => (end - start <= MAX_PERSON_KEY_CHARS && memberShapes.has(shapeAt(text, start, end)) ? personFieldOf(text.slice(start, end)) : undefined),
        tells: (text, start, end) => {
          if (end - start > MAX_PERSON_KEY_CHARS) return false;
          const shape = shapeAt(text, start, end);
          return (contactShapes.has(shape) && holdsContact(text.slice(start, end))) || (fieldShapes.has(shape) && isOwnField(fieldOf(text.slice(start, end))));
        },
        namesType: (text, start, end) => end - start <= MAX_PERSON_KEY_CHARS && typeShapes.has(shapeAt(text, start, end)) && namesType(text.slice(start, end)),
        isPersonType: (text, start, end) => isPersonType(text.slice(start, end)),
        nameField: personNameField,
        addressField,
      }
    : undefined;
  const counts = new Int32Array(countedAs.length);
  const scan = createScanner(detectors);

  /**
   * Pseudonyms of detections, by detector (`owner`) and the value as written:
   * a detector's normal form is a function of the written span, so the span
   * can key the cache without building or hashing a string per finding.
   */
  const writtenTokens = new SpanCache<string>(CACHE_LIMIT);

  /** The replacement of detection `k` of `found`, a scan of `text`. */
  function detectorReplacement(text: string, found: Scan, k: number): string {
    const owner = found.owners[k]!;
    const detector = detectors[owner]!;
    switch (policy.style) {
      case 'redact':
        return redactTokens[owner]!;
      case 'partial':
        return detector.partial?.(valueOf(detector, found.found[owner]!, found.positions[k]!, text)) ?? redactTokens[owner]!;
      case 'pseudonym': {
        const start = found.starts[k]! - found.codesFrom;
        const end = found.ends[k]! - found.codesFrom;
        let token = writtenTokens.get(owner, found.codes, start, end);
        if (token === undefined) {
          token = pseudonymToken(key, detector.name, valueOf(detector, found.found[owner]!, found.positions[k]!, text));
          writtenTokens.set(owner, found.codes, start, end, token);
        }
        return token;
      }
    }
  }

  function maskString(text: string, hint: string | undefined, findings: Findings): string {
    if (detectors.length === 0 || text.length === 0) return text;
    const masked = replaceFound(text, hint, findings, 0, text.length);
    // The scan grew its buffers to this text's size: a large one must not keep them for good.
    if (text.length > RELEASE_AFTER_CHARS) scan.release();
    return masked ?? text;
  }

  // The text being masked by `replaceFound`, the same as the detectors read
  // it (see `scannedForm`), and the masked text so far: it is replaced a
  // chunk at a time, as the scan hands the chunks over.
  let replacing = '';
  let scanning = '';
  let out = '';
  let at = 0;
  /** Where the text the last `replaceFound` masked ends. */
  let replacedTo = 0;
  const seen: number[] = [];

  /**
   * `text[from, to)` with the detections in it replaced (the rest of the text
   * is context, see `Scanner`), counted into `findings`; undefined when
   * nothing was found. `joined`: see `ScanInput.joined`. `lines` carries
   * what the lines before `from` left open. With a `log`, the text after
   * `to` is the next piece of the same text (see `maskPieces`), and the
   * lines from which a reader holds a record at `to` are left to it: only
   * text[from, replacedTo) is masked then.
   */
  function replaceFound(text: string, hint: string | undefined, findings: Findings, from: number, to: number, joined = false, lines = newLinesRead(), log?: LinesLog): string | undefined {
    // A call that threw half-way (a detector's bug) may have left counts behind.
    forgetCounts();
    replacing = text;
    scanning = scannedForm(text);
    out = '';
    at = from;
    const held = findAhead(scanning, from, to, lines, log);
    if (log !== undefined && held !== -1 && to - held <= MAX_HELD_CHARS && aheadBefore(held)) {
      // Left for the next call, which reads them from the states the readers were in there.
      linesReadAt(lines, log, held);
      to = held;
    }
    replacedTo = to;
    scan(scanning, replaceChunk, hint, from, to, joined);
    // What was found ahead of the scan after its last detection.
    if (ahead.next < ahead.count) replaceAheadBefore(text.length);
    const masked = seen.length === 0 ? undefined : out + text.slice(at, to);
    replacing = scanning = out = '';
    ahead.count = 0;
    // Types enter `findings` in order of first occurrence, as they always have.
    for (const owner of seen) {
      const name = countedAs[owner]!;
      findings[name] = (findings[name] ?? 0) + counts[owner]!;
    }
    forgetCounts();
    return masked;
  }

  /** Zeroes the counts of the detectors in `seen`, and empties it: cheaper than zeroing every count for a short text. */
  function forgetCounts(): void {
    if (seen.length === 0) return;
    for (const owner of seen) counts[owner] = 0;
    seen.length = 0;
  }

  /**
   * Replaces the detections of one chunk of the text `replaceFound` masks,
   * while the chunk's code units are at hand. What was found ahead of the
   * scan (`ahead`) that lies among them is written in its place, and each
   * stands for any detection of the scan it overlaps (which read an encoded
   * run as written, `%2B49%2030%2012345678` as the number 2012345678, or
   * read a field's value masked whole): the two spans are replaced as one.
   */
  function replaceChunk(found: Scan): void {
    const text = replacing;
    for (let k = 0; k < found.count; k++) {
      const start = found.starts[k]!;
      const end = found.ends[k]!;
      replaceAheadBefore(start);
      // Overlapped by what was found ahead, written already: that one stands for both.
      if (start < at) {
        at = Math.max(at, end);
        continue;
      }
      const next = ahead.next;
      if (next < ahead.count && ahead.starts[next]! < end) {
        // What was found ahead starts inside this one: its replacement stands for both.
        out += text.slice(at, start) + ahead.tokens[next]!;
        at = Math.max(end, ahead.ends[next]!);
        countFound(ahead.owners[next]!);
        ahead.next++;
        continue;
      }
      // Concatenation builds a rope that is flattened once; cheaper than collecting parts to join.
      out += text.slice(at, start) + detectorReplacement(scanning, found, k);
      at = end;
      countFound(found.owners[k]!);
    }
  }

  /** Writes what was found ahead of the scan that starts before `limit` (see `replaceChunk`). */
  function replaceAheadBefore(limit: number): void {
    const text = replacing;
    for (; ahead.next < ahead.count && ahead.starts[ahead.next]! < limit; ahead.next++) {
      const k = ahead.next;
      // One that overlaps what was written (a field's value masked whole, a detection of the scan) is replaced with it, and counted as it.
      if (ahead.starts[k]! >= at) {
        out += text.slice(at, ahead.starts[k]!) + ahead.tokens[k]!;
        countFound(ahead.owners[k]!);
      }
      at = Math.max(at, ahead.ends[k]!);
    }
  }

  function countFound(owner: number): void {
    if (counts[owner]!++ === 0) seen.push(owner);
  }

  /**
   * What is found in the text `replaceFound` masks ahead of its scan, by
   * reading the text otherwise than as written: in its encoded runs (see
   * `findEncoded`), the cells of its tables (see `readLines`), and the
   * values of fields in its key lines and keys inside lines
   * (`readKeyValues`), XML elements (`readElements`) and contact cards
   * (`readContactCards`), and the names of e-mail addresses
   * (`readDisplayNames`). Per detection:
   * where it lies in the text, its replacement and its owner (what it
   * counts as, see `countedAs`), in text order once `sortAhead` has run.
   */
  const ahead = { count: 0, next: 0, sorted: true, starts: [] as number[], ends: [] as number[], tokens: [] as string[], owners: [] as number[] };
  const scanAhead = createScanner(detectors);

  /**
   * Fills `ahead` for `text[from, to)`: with the detections in its encoded
   * runs, and the values of fields in its table cells, keys and elements, in
   * text order. Returns where the line starts from which a reader holds
   * what the text after `to` may tell (see `replaceFound`), -1 when none
   * does.
   */
  function findAhead(text: string, from: number, to: number, lines: LinesRead, log?: LinesLog): number {
    if (ahead.starts.length > AHEAD_KEPT) {
      ahead.starts = [];
      ahead.ends = [];
      ahead.tokens = [];
      ahead.owners = [];
    }
    ahead.count = ahead.next = 0;
    ahead.sorted = true;
    findEncoded(text, from, to);
    const fieldValue = (start: number, end: number, field: string): void => addAhead(start, end, fieldToken(field, text.slice(start, end)), fieldOwners.get(field)!);
    let held = readLines(text, from, to, lines, fieldValue, log);
    if (personNameField !== undefined) {
      readDisplayNames(text, from, to, (start, end) => fieldValue(start, end, personNameField));
      readCommandOutputNames(text, from, to, (start, end) => fieldValue(start, end, personNameField));
      readSpeakers(text, from, to, (start, end) => fieldValue(start, end, personNameField));
      held = nearer(held, readTitledNames(text, from, to, (start, end) => fieldValue(start, end, personNameField)));
    }
    if (addressField !== undefined) {
      readPostalAddresses(text, from, to, (start, end, kind: PostalValue) => {
        const field = kind === POSTAL_ADDRESS ? addressField : personNameField;
        if (field !== undefined) fieldValue(start, end, field);
      });
    }
    if (birthDateField !== undefined) readBirthDates(text, from, to, (start, end) => fieldValue(start, end, birthDateField));
    if (readsHl7) {
      readHl7Segments(text, from, to, (start, end, kind: Hl7Value) => {
        const field = hl7Fields[kind];
        if (field !== undefined) fieldValue(start, end, field);
      });
    }
    sortAhead();
    return held === -1 ? -1 : Math.max(from, text.lastIndexOf('\n', held - 1) + 1);
  }

  /**
   * Keeps of `ahead` what starts before `limit`, unless one of these ends
   * after it; returns whether it did. (A detection holds no line break, and
   * a reader reports a value a line at a time: the second never happens.)
   */
  function aheadBefore(limit: number): boolean {
    let count = ahead.count;
    while (count > 0 && ahead.starts[count - 1]! >= limit) count--;
    for (let k = 0; k < count; k++) if (ahead.ends[k]! > limit) return false;
    ahead.count = count;
    return true;
  }

  /** Adds a detection to `ahead`: text[start, end) is replaced with `token`, counted as `owner`. */
  function addAhead(start: number, end: number, token: string, owner: number): void {
    const n = ahead.count++;
    // Out of order, or starting with the one before and longer than it (see `sortAhead`).
    if (n > 0 && (start < ahead.starts[n - 1]! || (start === ahead.starts[n - 1]! && end > ahead.ends[n - 1]!))) ahead.sorted = false;
    ahead.starts[n] = start;
    ahead.ends[n] = end;
    ahead.tokens[n] = token;
    ahead.owners[n] = owner;
  }

  /** Puts `ahead` in text order, a longer detection before a shorter one that starts with it. */
  function sortAhead(): void {
    if (ahead.sorted) return;
    const { starts, ends, tokens, owners } = ahead;
    const order = Array.from({ length: ahead.count }, (_, k) => k).sort((a, b) => starts[a]! - starts[b]! || ends[b]! - ends[a]!);
    ahead.starts = order.map((k) => starts[k]!);
    ahead.ends = order.map((k) => ends[k]!);
    ahead.tokens = order.map((k) => tokens[k]!);
    ahead.owners = order.map((k) => owners[k]!);
    ahead.sorted = true;
  }

  /**
   * Adds to `ahead` what the encoded runs of `text[from, to)` hold: a URL's
   * query (`?email=anna%40example.de`) or path, or HTML that escapes an
   * address (`anna&#64;example.de`), reads as personal data only decoded.
   * Each run of characters other than white space, quotes and angle
   * brackets that holds an escape (see `escapeLength`) is decoded and
   * scanned; what it finds is replaced percent-encoded, so a URL stays one
   * and HTML reads no tag in it. Linear: each character is read a bounded
   * number of times.
   */
  function findEncoded(text: string, from: number, to: number): void {
    const percents = new NextIndex(text, '%', from);
    const ampersands = new NextIndex(text, '&', from);
    for (let k = from; ; ) {
      const escape = nextEscape(text, percents, ampersands, k, to);
      if (escape === -1) return;
      let start = escape;
      while (start > from && !endsEncodedRun(text.charCodeAt(start - 1))) start--;
      let end = escape + escapeLength(text, escape, to);
      while (end < to && !endsEncodedRun(text.charCodeAt(end))) end++;
      findInRun(text, start, end);
      k = end;
    }
  }

  /**
   * Decodes `text[start, end)`, each escape as the code unit it stands for
   * (a `%XX` as the character of its byte), again while the decoded text
   * holds an escape (up to MAX_DECODINGS times), scans it, and adds what it
   * finds to `ahead`.
   */
  function findInRun(text: string, start: number, end: number): void {
    let { plain, from } = decodeRun(text, start, end, undefined);
    for (let decodings = 1; decodings < MAX_DECODINGS && holdsEscape(plain); decodings++) ({ plain, from } = decodeRun(plain, 0, plain.length, from));
    scanAhead(plain, ({ count, starts, ends, owners, positions, found }) => {
      for (let k = 0; k < count; k++) {
        const owner = owners[k]!;
        const detector = detectors[owner]!;
        const value = valueOf(detector, found[owner]!, positions[k]!, plain);
        addAhead(from[starts[k]!]!, from[ends[k]!]!, encodeURIComponent(replacement(detector.name, detector.label, value, detector)), owner);
      }
    });
    if (plain.length > RELEASE_AFTER_CHARS) scanAhead.release();
  }

  /**
   * `text[start, end)` with each escape decoded (see `escapeLength`), and
   * where each of its code units came from (and, after the last, where the
   * run ends): in `text`, or through `outer` where `text` was decoded from.
   */
  function decodeRun(text: string, start: number, end: number, outer: Int32Array | undefined): { plain: string; from: Int32Array } {
    const codes = new Uint16Array(end - start);
    const from = new Int32Array(end - start + 1);
    let length = 0;
    for (let k = start; k < end; length++) {
      from[length] = outer === undefined ? k : outer[k]!;
      const escape = escapeLength(text, k, end);
      if (escape > 0) {
        codes[length] = escapedUnit(text, k, escape);
        k += escape;
      } else {
        codes[length] = text.charCodeAt(k);
        k++;
      }
    }
    from[length] = outer === undefined ? end : outer[end]!;
    return { plain: UTF16.decode(codes.subarray(0, length)), from: from.subarray(0, length + 1) };
  }

  // The column names of the last table read (see `readLines`), and its columns.
  let tableRead: readonly string[] | undefined;
  let columnsRead: Columns = { fields: [], hints: [], persons: [] };

  /**
   * Reads the lines of text[from, to) with the readers whose reading goes
   * on from one line to the next, `lines` carrying what the text before
   * left open (and `log` noting the states they take), and reports to
   * `fieldValue` what they find; returns where the lines a reader holds at
   * `to` start (see `replaceFound`), -1 when none does. The readers:
   *
   * - the tables (see `readTables`, `readElements` for HTML tables, and
   *   `readAriaSnapshot` for a browser's accessibility snapshot): each
   *   cell of a column named by a policy field is masked whole as that
   *   field; what the cells of any other column hold is scanned a column
   *   at a time with its name as the hint a JSON key gives (a bare 9-digit
   *   number reads as an SSN in a column headed `ssn`). In a table of keys
   *   and values, the row's key stands for the column's name. The scan of
   *   the text reads the cells as text too; a detection of it that
   *   overlaps one of these is replaced with it;
   * - the values of XML elements, of a snapshot's form fields and of key
   *   lines (`readKeyValues`) that a field names, and the records of a
   *   person's data they make;
   * - contact cards (`readContactCards`).
   */
  function readLines(text: string, from: number, to: number, lines: LinesRead, fieldValue: FieldValue, log: LinesLog | undefined): number {
    const columns = new Map<string, number[]>();
    const cell: CellVisitor = (start, end, column, names, key) => {
      if (names !== tableRead) {
        tableRead = names;
        columnsRead = columnsNamed(names);
      }
      const field = key === undefined ? columnsRead.fields[column] : fieldOf(key);
      if (field !== undefined) {
        fieldValue(start, end, field);
        return;
      }
      const hint = key === undefined ? columnsRead.hints[column]! : key.toLowerCase();
      // A cell under a person's column (`| Order | Customer |`), or a keyed table's row of one, that reads as names holds theirs.
      if (personNameField !== undefined && (key === undefined ? columnsRead.persons[column] : isPerson(hint)) && readsAsNamesAt(text, start, end)) {
        fieldValue(start, end, personNameField);
        return;
      }
      const cells = columns.get(hint);
      if (cells === undefined) columns.set(hint, [start, end]);
      else cells.push(start, end);
    };
    let held = readTables(text, from, to, lines.tables, cell, fieldNamed, fieldValue, personKeys, log?.tables);
    held = nearer(held, readElements(text, from, to, lines.elements, fieldNamed, fieldValue, cell, personKeys, log?.elements));
    held = nearer(held, readAriaSnapshot(text, from, to, lines.snapshots, fieldNamed, fieldValue, cell, personKeys, log?.snapshots));
    for (const [hint, cells] of columns) findInColumn(text, cells, hint);
    held = nearer(held, readKeyValues(text, from, to, lines.keyValues, fieldNamed, fieldValue, personKeys, log?.keyValues));
    readContactCards(text, from, to, lines.cards, fieldOf, fieldValue, log?.cards);
    return held;
  }

  /** Scans the cells text[cells[2k], cells[2k + 1]) of one column as the values of JSON key `hint` are scanned, and adds what it finds to `ahead`. */
  function findInColumn(text: string, cells: number[], hint: string): void {
    const values: string[] = [];
    for (let k = 0; k < cells.length; k += 2) values.push(text.slice(cells[k], cells[k + 1]));
    const joined = values.join(VALUE_SEPARATOR);
    // The cell the scan is in, and where that cell starts in `joined`.
    let cell = 0;
    let base = 0;
    scanAhead(
      joined,
      ({ count, starts, ends, owners, positions, found }) => {
        for (let k = 0; k < count; k++) {
          while (starts[k]! > base + values[cell]!.length) base += values[cell++]!.length + 1;
          const owner = owners[k]!;
          const detector = detectors[owner]!;
          const value = valueOf(detector, found[owner]!, positions[k]!, joined);
          const offset = cells[2 * cell]! - base;
          addAhead(starts[k]! + offset, ends[k]! + offset, replacement(detector.name, detector.label, value, detector), owner);
        }
      },
      hint,
      0,
      joined.length,
      true,
    );
    if (joined.length > RELEASE_AFTER_CHARS) scanAhead.release();
  }

  // The tokens of short field values by field and value as written (see `fieldToken`): a name or a date recurs, and its normal form costs three copies.
  const fieldTokens = new TokenCache();

  /** The token that replaces a value under policy field `field`; a person's name is noted to be masked wherever else the value being masked writes it (see `NameEchoes`). */
  function fieldToken(field: string, value: string): string {
    const short = value.length <= CACHED_FIELD_CHARS;
    let token = short ? fieldTokens.get(field, value) : undefined;
    if (token === undefined) {
      // Normal form for pseudonyms: "Anna  Schmidt" and "anna schmidt" are one person. A value
      // longer than any name, date or address (a document under a field) is taken as written:
      // normalising it costs two copies of it.
      const normal = policy.style !== 'pseudonym' || value.length > NORMALISED_FIELD_CHARS ? value : value.trim().replace(/\s+/g, ' ').toLowerCase();
      token = replacement(field, field.toUpperCase(), normal, undefined);
      if (short) fieldTokens.set(field, value, token);
    }
    if (field === personNameField) echoes.note(value, token);
    else if (field === firstNameField || field === lastNameField) {
      // A first and a last name masked apart make the full name a record's notes write: noted with its token.
      const name = personNameField === undefined ? undefined : echoes.notePart(field === firstNameField ? FIRST : LAST, value);
      if (name !== undefined) fieldToken(personNameField!, name);
    }
    return token;
  }

  // The names of persons masked in the value a public method masks, to be masked wherever else it writes them:
  // `values`' for a value masked at once, a text's own for one masked a piece at a time (other values are masked
  // between its pieces).
  const values = new NameEchoes();
  let echoes = values;

  /** Starts a value masked at once. */
  function newValue(): void {
    echoes = values;
    echoes.reset();
  }

  /** `text` (masked) with the names noted in the value masked replaced wherever else they stand (see `NameEchoes`), counted as the full name. */
  function echoed(text: string, findings: Findings): string {
    if (!echoes.any()) return text;
    const { text: out, count } = echoes.replace(text);
    if (count > 0) findings[personNameField!] = (findings[personNameField!] ?? 0) + count;
    return out;
  }

  /** `echoed` for each string in `value`, a masked tree of the masker's own (see `Masker.maskValue`), changed in place. */
  function echoedTree(value: unknown, findings: Findings, depth: number): unknown {
    if (typeof value === 'string') return echoed(value, findings);
    if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
    const members = value as Record<string, unknown>;
    for (const key of Object.keys(members)) {
      const item = members[key];
      const next = echoedTree(item, findings, depth + 1);
      // Defined, not assigned: a member named `__proto__` stays a member.
      if (next !== item) Object.defineProperty(members, key, { value: next, writable: true, enumerable: true, configurable: true });
    }
    return value;
  }

  /**
   * A string member read as a code or a contact inside an object masked
   * whole as `field` (see `readWithin`): scanned as any string; a contact's
   * that no detector reads is masked as the field all the same.
   */
  function maskedWithin(value: string, hint: string, within: number, field: string, findings: Findings, depth: number): string {
    const scanned = maskString(value, hint, findings);
    return within === AS_CONTACT && scanned === value ? (maskField(value, field, findings, depth) as string) : scanned;
  }

  /**
   * Masks everything under a field key: each leaf becomes a token of the
   * field's type, but for a flag, and for the members `readWithin` reads
   * otherwise (a code, a contact, another field's).
   */
  function maskField(value: unknown, field: string, findings: Findings, depth: number): unknown {
    if (value === null || value === undefined) return value;
    if (depth > MAX_DEPTH) return tooDeep(findings);
    if (Array.isArray(value)) return value.map((item) => maskField(item, field, findings, depth + 1));
    if (typeof value === 'object') {
      const members = value as Record<string, unknown>;
      const names = Object.keys(members);
      // A copy under the names masked; `__proto__` stays the member it is (an assignment to a new object would set its prototype).
      const renamed = maskedNames(names, findings);
      const out = renamedMembers(members, renamed ?? names);
      for (let k = 0; k < names.length; k++) {
        const key = renamed?.[k] ?? names[k]!;
        const member = out[key];
        // As the JSON text's reader reads it (see `context`): see `readWithin`.
        const reading = keyOf(names[k]!);
        const within = readWithin(reading, field);
        if (within === AS_OWN_FIELD) out[key] = maskField(member, reading.field!, findings, depth + 1);
        else if (within === AS_FIELD || (typeof member === 'object' && member !== null)) out[key] = maskField(member, field, findings, depth + 1);
        else if (typeof member !== 'string') out[key] = within === AS_CODE ? member : maskField(member, field, findings, depth + 1);
        else out[key] = maskedWithin(member, reading.hint, within, field, findings, depth + 1);
      }
      return out;
    }
    // A flag (`"default": true` in an address) tells nothing of a person, and a schema that wants one still gets one.
    if (typeof value === 'boolean' || (typeof value === 'string' && value.trim() === '')) return value;
    findings[field] = (findings[field] ?? 0) + 1;
    // A number under a personal-data key becomes a token string: the value must not pass.
    return fieldToken(field, String(value));
  }

  /**
   * `text` with the string values of the JSON list or object it holds masked
   * (see `Masker.maskValue`), every other character as it came; undefined
   * when it holds no JSON list or object. The text is read, not parsed: its
   * numbers, layout and unmasked strings stay exactly as written. A JSON
   * string is masked as the text it holds (see `maskStringLiteral`).
   */
  function maskJsonString(text: string, findings: Findings, depth: number): string | undefined {
    const parts = maskJsonParts(text, findings, depth);
    return parts === undefined || parts.length === 1 ? parts?.[0] : parts.join('');
  }

  /** `maskJsonString`, the masked text in parts (`[text]` when nothing was found; see `Masker.maskJsonText`). */
  function maskJsonParts(text: string, findings: Findings, depth: number): string[] | undefined {
    const first = firstSignificant(text);
    if (first === QUOTE) return maskStringLiteral(text, findings, depth);
    if (first !== OPEN_BRACE && first !== OPEN_BRACKET) return undefined;
    let local!: Findings;
    let edits!: JsonEdits;
    let batches!: Map<string | undefined, ValueBatch>;
    /** Reads the text afresh (JSON Lines as one text, see `readJsonText`), as JSON or as what Python prints; false when it is neither. */
    const read = (python: boolean, known: LateReading | undefined, late: LateReading | undefined): boolean => {
      local = {};
      edits = new JsonEdits(text, python);
      batches = new Map();
      return readJsonText(text, maskingReader(text, edits, batches, local, depth + 1, known, late), python, true);
    };
    let late: LateReading = { columns: new Map(), persons: new Set() };
    if (!read(false, undefined, late)) {
      // No JSON: what Python prints, maybe (see `readJsonText`).
      late = { columns: new Map(), persons: new Set() };
      if (!read(true, undefined, late)) return undefined;
    }
    // A table's columns were named after rows of it (see `json-columns.ts`), or an object's e-mail address after its name: read again, knowing them from the start.
    if (late.columns.size > 0 || late.persons.size > 0) read(edits.python, late, undefined);
    maskBatches(batches, local);
    if (Object.keys(local).length === 0) return [text];
    addCounts(findings, local);
    return edits.parts();
  }

  /**
   * A text that is a JSON string (a tool that wrote `JSON.stringify` of a
   * text), masked as the text it holds and written as JSON again, the blanks
   * around it kept: read as written, its lines were one line and its keys
   * and records unread. Undefined when it is no JSON string.
   */
  function maskStringLiteral(text: string, findings: Findings, depth: number): string[] | undefined {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return undefined;
    }
    if (typeof value !== 'string') return undefined;
    if (depth > MAX_DEPTH) return [tooDeep(findings)];
    const local: Findings = {};
    const masked = maskJsonString(value, local, depth + 1) ?? maskString(value, undefined, local);
    if (masked === value) return [text];
    addCounts(findings, local);
    const start = text.indexOf('"');
    return [text.slice(0, start) + JSON.stringify(masked) + text.slice(text.lastIndexOf('"') + 1)];
  }

  /**
   * What masks a JSON text as `readJsonText` reads it (see `maskJsonString`),
   * the text's outermost value lying at `depth`: as `maskTree` masks the
   * parsed value, into `edits`. What an object tells after members that
   * needed it (see `LateReading`) is put in `late`; `known` holds it for a
   * second reading.
   */
  function maskingReader(
    text: string,
    edits: JsonEdits,
    batches: Map<string | undefined, ValueBatch>,
    findings: Findings,
    depth: number,
    known: LateReading | undefined,
    late: LateReading | undefined,
  ): JsonTextVisitor {
    // Per open list or object: whether it is an object, the hint its members
    // get (a list's items get its own), and the field it lies under, if any
    // (then every leaf in it is masked as that field, whatever its key).
    const objects: boolean[] = [];
    const hints: (string | undefined)[] = [];
    // Per open list or object: what it stands for (see `standsFor`): a person when it lies under a key that does, or tells it itself (see `holdsContact`).
    const stands: number[] = [];
    // Per open object not yet known to stand for a person: its strings under a person's member (`name`, `address`), held until it tells
    // or closes (see `Pending`); and whether such a member held something else, which a second reading must take (see `LateReading`).
    const pendings: (Pending[] | undefined)[] = [];
    const personMembers: boolean[] = [];
    let pendingCount = 0;
    const fields: (string | undefined)[] = [];
    // The masked member names each open object has taken so far (see `takeName`), once it has one.
    const taken: (Set<string> | undefined)[] = [];
    // The tables (see `json-columns.ts`), per open list or object: where it
    // starts; the columns of a list that is a row; the columns of the rows
    // in an object's lists, or in a list's later items; how many items a
    // list has had, or lists an object; and the role it plays in naming
    // columns, with the names read so far (undefined once it names none),
    // or a column object's name.
    const starts: number[] = [];
    const rowOf: (Columns | undefined)[] = [];
    const rowsOf: (Columns | undefined)[] = [];
    const items: number[] = [];
    const roles: number[] = [];
    const names: (string[] | undefined)[] = [];
    const columnName: (string | undefined)[] = [];
    // The last member name read, as written and as `keyOf` reads it, and whether it is its object's first (see `isPersonResource`).
    let memberName = '';
    let member: KeyReading | undefined;
    let firstMember = false;
    // Whether the last list or object opened is an object that has read no member yet.
    let opened = false;
    // The open jCard (see `maskCardProperties`), by its place among the open lists and objects (-1: none); its properties
    // lie two deeper. The field the open property's name stands for, if it does: its parameters and values are masked whole as it.
    let cardAt = -1;
    let propertyField: string | undefined;
    // While a list or object too deep to walk is passed over: its start, and how many are open around it.
    let skipFrom = -1;
    let skipDepth = 0;

    // The hint and field of the value that comes next, what a list or object there stands for, whether its key stands for a person (a string
    // that reads as a name is then masked as one), and the field it is if its object turns out to stand for a person (see `pendings`), set by `context`.
    let hint: string | undefined;
    let field: string | undefined;
    let whom = NOBODY;
    let person = false;
    let pendingField: string | undefined;
    // Whether the value is a code's (see `CODE_KEYS`) in an object masked whole as `field`: a string or literal there keeps its value (see `unlessCode`).
    let codeInField = false;
    // How the value is read in an object masked whole (see `readWithin`).
    let within = AS_FIELD;
    const context = (): void => {
      const open = objects.length;
      pendingField = undefined;
      codeInField = false;
      within = AS_FIELD;
      if (open === 0) {
        hint = field = undefined;
        whom = NOBODY;
      } else if (fields[open - 1] !== undefined) {
        hint = hints[open - 1];
        field = fields[open - 1];
        whom = NOBODY;
        // A member of an object masked whole, read as `maskField` reads it.
        if (objects[open - 1]) within = readWithin(member!, field!);
        if (within === AS_OWN_FIELD) field = member!.field;
        codeInField = within === AS_CODE;
      } else if (!objects[open - 1]) {
        const row = rowOf[open - 1];
        const item = items[open - 1]!++;
        field = row?.fields[item];
        if (propertyField !== undefined && open - 1 === cardAt + 2 && item !== CARD_TYPE) field = propertyField;
        const column = field === undefined ? row?.hints[item] : undefined;
        hint = column ?? hints[open - 1];
        whom = column === undefined ? stands[open - 1]! : standsFor(column);
      } else {
        hint = member!.generic && hints[open - 1] !== undefined ? hints[open - 1] : member!.hint;
        field = memberField(member!, stands[open - 1]!);
        whom = member!.whom;
        if (field === undefined && stands[open - 1] !== PERSON) pendingField = member!.personField;
      }
      person = whom === PERSON;
    };
    /** A string or literal that is a code's in an object masked whole (see `codeInField`) is read as any: scanned, not masked as the field. */
    const unlessCode = (): void => {
      if (!codeInField) return;
      field = undefined;
      hint = member!.hint;
    };
    /**
     * Notes `value`, the first item of the open list `list`: the mark of a
     * jCard, or the name of a property in the open one.
     */
    const cardItem = (list: number, value: string): void => {
      if (cardAt === -1) {
        if (isJCardMark(value)) cardAt = list;
      } else if (list === cardAt + 2 && items[cardAt] === 2 && !objects[cardAt + 1]) {
        // A list in the list that is the card's second item.
        propertyField = cardFieldOf(value);
      }
    };
    /** Masks the strings held under person's members of the open object `object` as the fields they are (`person`) or as any string. */
    const settle = (object: number, person: boolean, nameOnly = false): void => {
      for (const { index, value, field: named, hint: pendingHint, depth: at } of pendings[object]!) {
        const asField = person && (!nameOnly || named === personNameField);
        if (!asField && value.length === 0) continue;
        const masked = asField ? maskField(value, named, findings, at) : maskJsonString(value, findings, at);
        if (masked === undefined) batchValue(batches, pendingHint, edits.values as unknown as Record<number, unknown>, index, value, findings);
        else if (masked !== value) edits.values[index] = masked as string;
      }
      pendingCount -= pendings[object]!.length;
      pendings[object] = undefined;
    };
    /**
     * A member's `value` came (undefined for a list or an object): if it is
     * an object's and tells that the object stands for a person (see
     * `tellsPerson`), the object's strings held under a person's members are
     * masked as theirs; anything else under one was masked as it came, and
     * is read again (see `LateReading`). Called before a part is made (see
     * `makeBefore`): else an object cut by a part's end would be read again.
     */
    const tellIf = (value: unknown): void => {
      const object = objects.length - 1;
      if (object < 0 || !objects[object] || stands[object] === PERSON) return;
      if (stands[object] === NOBODY && masksPersons && isMailboxAddress(member!.hint, value)) {
        // A mailbox (see `isMailboxAddress`): the name read before is its owner's; anything else held is read as any string.
        stands[object] = MAILBOX;
        if (pendings[object] !== undefined) settle(object, true, true);
        return;
      }
      if (!tellsPerson(member!, value)) return;
      stands[object] = PERSON;
      if (pendings[object] !== undefined) settle(object, true);
      if (personMembers[object]) late?.persons.add(starts[object]!);
    };
    /**
     * Notes a value in a list or object that may name columns: `name` is
     * the string it is (undefined when it is none).
     */
    const columnValue = (name: string | undefined): void => {
      const open = objects.length - 1;
      const role = roles[open];
      if (role === COLUMN) {
        if (memberName === NAME_KEY) columnName[open] = name;
      } else if (role !== NAMES_NOTHING) {
        nameColumn(open, name);
      }
    };
    /** Adds `name` to the names the open list `list` gives, or ends them when it is no column's name. */
    const nameColumn = (list: number, name: string | undefined): void => {
      if (names[list] === undefined) return;
      if (name !== undefined && isColumnName(name)) names[list]!.push(name);
      else names[list] = undefined;
    };
    const decoded = (start: number, end: number, escaped: boolean): string =>
      !escaped ? text.slice(start + 1, end - 1) : edits.python ? pythonString(text, start, end) : (JSON.parse(text.slice(start, end)) as string);
    /**
     * A string, number or boolean, whose `context` was just worked out:
     * masked whole under a field, else a string is scanned (or masked as
     * the JSON it holds).
     */
    const scalar = (start: number, end: number, value: string | number | boolean, escaped: boolean): void => {
      const at = depth + objects.length;
      // A string literal without escapes has its inside replaced as it is (see `JsonEdits`).
      const inside = typeof value === 'string' && !escaped;
      const named = field ?? (person && typeof value === 'string' && readsAsNames(value) ? personNameField : undefined);
      if (named !== undefined) {
        const masked = within === AS_CONTACT && typeof value === 'string' ? maskedWithin(value, member!.hint, within, named, findings, at) : maskField(value, named, findings, at);
        if (masked !== value) edits.add(start, end, masked as string, inside);
      } else if (typeof value === 'string' && value.length > 0) {
        const json = maskJsonString(value, findings, at);
        if (json === undefined) batchValue(batches, hint, edits.values as unknown as Record<number, unknown>, edits.add(start, end, undefined, inside), value, findings);
        else if (json !== value) edits.add(start, end, json);
      }
    };

    /** Masks the open batches and makes the replacements so far, once they cover a part's worth of text before `start`. */
    const makeBefore = (start: number): void => {
      if (start - edits.madeTo < JSON_PART_CHARS || edits.values.length === 0) return;
      if (pendingCount > 0) {
        // An object a part long has not told: what it holds is masked as any string, and read again if it tells (see `LateReading`).
        for (let object = 0; object < pendings.length; object++) {
          if (pendings[object] === undefined) continue;
          settle(object, false);
          personMembers[object] = true;
        }
      }
      maskBatches(batches, findings);
      edits.make(start);
    };

    return {
      key(start, end, escaped) {
        if (skipFrom !== -1) return;
        const name = decoded(start, end, escaped);
        memberName = name;
        member = keyOf(name);
        firstMember = opened;
        opened = false;
        if (member.masked === undefined && !member.tokenLike) return;
        const open = objects.length - 1;
        const takes = takeName(member.masked ?? name, (taken[open] ??= new Set()));
        if (member.masked !== undefined) addCounts(findings, member.found as Findings);
        if (takes === name) return;
        makeBefore(start);
        edits.add(start, end, takes, !escaped);
      },
      string(start, end, escaped) {
        if (skipFrom !== -1) return;
        const value = decoded(start, end, escaped);
        tellIf(value);
        makeBefore(start);
        context();
        unlessCode();
        const open = objects.length - 1;
        if (open >= 0 && !objects[open] && items[open] === 1) cardItem(open, value);
        // A FHIR resource that stands for a person: its later members are read as a person's.
        if (firstMember && memberName === RESOURCE_TYPE && objects[open] && masksPersons && isPersonResource(value)) stands[open] = PERSON;
        if (roles[open] !== NAMES_NOTHING) columnValue(value);
        if (pendingField !== undefined) {
          (pendings[open] ??= []).push({ index: edits.add(start, end, undefined, !escaped), value, field: pendingField, hint, depth: depth + objects.length });
          pendingCount++;
          return;
        }
        scalar(start, end, value, escaped);
      },
      literal(start, end) {
        if (skipFrom !== -1) return;
        const raw = text.slice(start, end);
        tellIf(literalValue(raw));
        makeBefore(start);
        context();
        unlessCode();
        if (roles[objects.length - 1] !== NAMES_NOTHING) columnValue(undefined);
        if (pendingField !== undefined) personMembers[objects.length - 1] = true;
        if (field === undefined) {
          // An id written as a number is scanned as its digits (see `scannedDigits`); any other literal passes.
          const length = end - start;
          const digits = length >= MIN_ID_DIGITS && length <= MAX_ID_DIGITS ? scannedDigits(raw) : undefined;
          if (digits !== undefined) batchValue(batches, hint, edits.values as unknown as Record<number, unknown>, edits.add(start, end, undefined), digits, findings);
          return;
        }
        const value = literalValue(raw);
        if (value !== undefined) scalar(start, end, value, false);
      },
      open(start) {
        if (skipFrom !== -1) {
          skipDepth++;
          return;
        }
        tellIf(undefined);
        makeBefore(start);
        context();
        if (pendingField !== undefined) personMembers[objects.length - 1] = true;
        if (depth + objects.length > MAX_DEPTH) {
          skipFrom = start;
          skipDepth = 1;
          return;
        }
        const object = text.charCodeAt(start) === OPEN_BRACE;
        opened = object;
        // What this list or object is in a table, from what holds it.
        const parent = objects.length - 1;
        let role = NAMES_NOTHING;
        let row: Columns | undefined;
        let rows: Columns | undefined;
        if (parent >= 0 && roles[parent] !== NAMES_NOTHING) {
          if (object && roles[parent] === COLUMNS) role = COLUMN;
          else columnValue(undefined);
        }
        if (object) {
          rows = known?.columns.get(start);
        } else if (parent >= 0 && field === undefined) {
          if (objects[parent]) {
            rows = rowsOf[parent];
            items[parent]!++;
            if (COLUMNS_KEYS.has(member!.hint)) role = COLUMNS;
          } else if (rowsOf[parent] !== undefined) {
            row = rowsOf[parent];
          } else if (items[parent] === 1 && rowOf[parent] === undefined) {
            role = HEADER;
          }
        }
        objects.push(object);
        hints.push(hint);
        stands.push(object && known?.persons.has(start) === true ? PERSON : whom);
        pendings.push(undefined);
        personMembers.push(false);
        fields.push(field);
        taken.push(undefined);
        starts.push(start);
        rowOf.push(row);
        rowsOf.push(rows);
        items.push(0);
        roles.push(role);
        names.push(role === COLUMNS || role === HEADER ? [] : undefined);
        columnName.push(undefined);
      },
      close(end) {
        opened = false;
        if (skipFrom !== -1) {
          if (--skipDepth > 0) return;
          edits.add(skipFrom, end, tooDeep(findings));
          skipFrom = -1;
          return;
        }
        const open = objects.length - 1;
        if (open === cardAt + 2) propertyField = undefined;
        else if (open === cardAt) cardAt = -1;
        if (pendings[open] !== undefined) settle(open, false);
        const role = roles[open];
        if (role === COLUMN) {
          // A column object closes: its name joins the list's names.
          nameColumn(open - 1, columnName[open]);
        } else if (role !== NAMES_NOTHING && names[open] !== undefined && names[open]!.length >= MIN_COLUMNS && rowsOf[open - 1] === undefined) {
          // The first list to name them: the object's lists, or the list's later items, hold the rows.
          const columns = columnsNamed(names[open]!);
          rowsOf[open - 1] = columns;
          // A list among the object's members before it, read without them.
          if (role === COLUMNS && items[open - 1]! > 1) late?.columns.set(starts[open - 1]!, columns);
        }
        objects.pop();
        hints.pop();
        stands.pop();
        pendings.pop();
        personMembers.pop();
        fields.pop();
        taken.pop();
        starts.pop();
        rowOf.pop();
        rowsOf.pop();
        items.pop();
        roles.pop();
        names.pop();
        columnName.pop();
      },
    };
  }

  /**
   * Masks `container`, a list or object held by nothing else, in place (see
   * `Masker.maskValue`), its string values a batch per key at a time; returns
   * it, or the marker that replaces it when it lies too deep.
   */
  function maskTree(container: object, findings: Findings, depth: number): unknown {
    if (depth > MAX_DEPTH) return tooDeep(findings);
    const batches = new Map<string | undefined, ValueBatch>();
    const masked = maskParsed(container, undefined, findings, depth, batches);
    maskBatches(batches, findings);
    return masked;
  }

  /**
   * Masks the members of `container`, a list or object held by nothing
   * else, in place (see `maskTree`), and returns it; an object with a key
   * to mask is rebuilt instead (see `maskedNames`), and the new one
   * returned. Its string members are put in `batches`, to be masked with the
   * other values of their key; JSON text inside them is masked here. A
   * list's items that are rows of a table are read by their columns (see
   * `json-columns.ts`); `rows`: the columns the object that holds the list
   * names.
   */
  function maskParsed(container: object, hint: string | undefined, findings: Findings, depth: number, batches: Map<string | undefined, ValueBatch>, rows?: Columns): object {
    if (Array.isArray(container)) {
      const items = container as Record<number, unknown>;
      if (isJCard(container)) {
        maskCardProperties(items, hint, findings, depth + 1, batches);
        // A card is its mark and its properties; anything after them is masked as any list's.
        for (let k = 2; k < container.length; k++) maskMember(items, k, hint, findings, depth + 1, batches);
        return container;
      }
      const header = rows === undefined ? headerNames(container) : undefined;
      const columns = rows ?? (header === undefined ? undefined : columnsNamed(header));
      for (let k = 0; k < container.length; k++) {
        // A header row is not a row of its own table.
        if (columns !== undefined && Array.isArray(items[k]) && (rows !== undefined || k > 0)) maskRow(items, k, columns, hint, findings, depth + 1, batches);
        else maskMember(items, k, hint, findings, depth + 1, batches);
      }
      return container;
    }
    const members = container as Record<string, unknown>;
    const names = Object.keys(members);
    const renamed = maskedNames(names, findings);
    const object = renamed === undefined ? members : renamedMembers(members, renamed);
    // The columns of the rows in the object's lists, looked for at its first list: before that list, and any that names them, is masked.
    let columns: Columns | undefined | null = null;
    const stands = standsFor(hint);
    const tells = names.some((name) => tellsPerson(keyOf(name), members[name]));
    const whom =
      stands === PERSON || (masksPersons && names[0] === RESOURCE_TYPE && isPersonResource(members[RESOURCE_TYPE])) || tells
        ? PERSON
        : stands === NOBODY && masksPersons && names.some((name) => isMailboxAddress(keyOf(name).hint, members[name]))
          ? MAILBOX
          : stands;
    for (let k = 0; k < names.length; k++) {
      const name = names[k]!;
      const key = renamed?.[k] ?? name;
      const reading = keyOf(name);
      const keyHint = reading.generic && hint !== undefined ? hint : reading.hint;
      const field = memberField(reading, whom);
      if (field === undefined) {
        if (columns === null && Array.isArray(object[key])) columns = objectColumns(object, names, renamed);
        maskMember(object, key, keyHint, findings, depth + 1, batches, columns ?? undefined);
      } else {
        object[key] = maskField(object[key], field, findings, depth + 1);
      }
    }
    return object;
  }

  /** The columns the first member of `object` that names them names (see `json-columns.ts`), if any; `names`, `renamed`: see `maskParsed`. */
  function objectColumns(object: Record<string, unknown>, names: readonly string[], renamed: readonly string[] | undefined): Columns | undefined {
    for (let k = 0; k < names.length; k++) {
      const { field, hint } = keyOf(names[k]!);
      if (field !== undefined || !COLUMNS_KEYS.has(hint)) continue;
      const named = columnNames(object[renamed?.[k] ?? names[k]!], true);
      if (named !== undefined) return columnsNamed(named);
    }
    return undefined;
  }

  /**
   * Masks the properties of the jCard `card` (RFC 7095, as RDAP's entities
   * carry one: `["vcard", [[name, parameters, type, value…], …]]`), its
   * item 1, a list at `depth` (see `maskParsed`): a property that stands for
   * a name, a birthday or an address (see `cardPropertyField`) has its
   * parameters (an address's `label`) and values masked whole as that field,
   * its type kept; any other is masked as any list.
   */
  function maskCardProperties(card: Record<number, unknown>, hint: string | undefined, findings: Findings, depth: number, batches: Map<string | undefined, ValueBatch>): void {
    if (depth > MAX_DEPTH) {
      card[1] = tooDeep(findings);
      return;
    }
    const properties = card[1] as unknown[];
    for (let k = 0; k < properties.length; k++) {
      const property = properties[k];
      const field = Array.isArray(property) && typeof property[0] === 'string' ? cardFieldOf(property[0]) : undefined;
      if (field === undefined) {
        maskMember(properties as Record<number, unknown>, k, hint, findings, depth + 1, batches);
        continue;
      }
      const parts = property as unknown[];
      for (let part = 1; part < parts.length; part++) if (part !== CARD_TYPE) parts[part] = maskField(parts[part], field, findings, depth + 2);
    }
  }

  /** Masks row `key` of `rows`, a list at `depth` (see `maskParsed`): each item as if under its column's name. */
  function maskRow(rows: Record<number, unknown>, key: number, columns: Columns, hint: string | undefined, findings: Findings, depth: number, batches: Map<string | undefined, ValueBatch>): void {
    if (depth > MAX_DEPTH) {
      rows[key] = tooDeep(findings);
      return;
    }
    const row = rows[key] as unknown[];
    const cells = row as Record<number, unknown>;
    for (let k = 0; k < row.length; k++) {
      const field = columns.fields[k];
      if (field !== undefined) cells[k] = maskField(cells[k], field, findings, depth + 1);
      else maskMember(cells, k, columns.hints[k] ?? hint, findings, depth + 1, batches);
    }
  }

  /** Masks member `key` of `members` (see `maskParsed`), a value at `depth`; `rows`: see `maskParsed`. */
  function maskMember(members: Record<string | number, unknown>, key: string | number, hint: string | undefined, findings: Findings, depth: number, batches: Map<string | undefined, ValueBatch>, rows?: Columns): void {
    const item = members[key];
    if (typeof item === 'string') {
      const named = personNamed(hint, item);
      if (named !== undefined) {
        members[key] = maskField(item, named, findings, depth);
        return;
      }
      const json = maskJsonString(item, findings, depth);
      if (json !== undefined) members[key] = json;
      else if (item.length > 0) batchValue(batches, hint, members, key, item, findings);
    } else if (typeof item === 'number') {
      const digits = scannedDigits(item);
      if (digits !== undefined) batchValue(batches, hint, members, key, digits, findings);
    } else if (item !== null && typeof item === 'object') {
      if (depth > MAX_DEPTH) members[key] = tooDeep(findings);
      else members[key] = maskParsed(item, hint, findings, depth, batches, rows);
    }
  }

  /**
   * Adds a string value to the batch of its hint, and masks the batch once
   * it is full (the next value of that hint starts a new one); a value no
   * batch can hold is masked alone.
   */
  function batchValue(batches: Map<string | undefined, ValueBatch>, hint: string | undefined, holder: Record<string | number, unknown>, key: string | number, value: string, findings: Findings): void {
    if (value.length >= BATCH_CHARS || value.includes(VALUE_SEPARATOR)) {
      maskAlone(holder, key, value, hint, findings);
      return;
    }
    let batch = batches.get(hint);
    if (batch === undefined) {
      batch = { hint, holders: [], keys: [], values: [], chars: 0 };
      batches.set(hint, batch);
    }
    batch.holders.push(holder);
    batch.keys.push(key);
    batch.values.push(value);
    batch.chars += value.length + 1;
    if (batch.chars >= BATCH_CHARS) {
      maskBatch(batch, findings);
      batches.delete(hint);
    }
  }

  /** Masks `value` on its own, and puts it back as `holder[key]` if anything in it was masked (in a JSON text, a value put back is written anew). */
  function maskAlone(holder: Record<string | number, unknown>, key: string | number, value: string, hint: string | undefined, findings: Findings): void {
    const masked = maskString(value, hint, findings);
    if (masked !== value) holder[key] = masked;
  }

  /** Masks every batch in `batches` (see `maskBatch`), and empties it. */
  function maskBatches(batches: Map<string | undefined, ValueBatch>, findings: Findings): void {
    for (const batch of batches.values()) maskBatch(batch, findings);
    batches.clear();
  }

  /**
   * Masks the values of `batch` as one text, joined by VALUE_SEPARATOR, which
   * every detector reads as the end of one text and the start of the next:
   * a scan's fixed cost (~1–3 µs) was most of the time of masking a JSON
   * document value by value. Each masked value goes back where it came from.
   */
  function maskBatch(batch: ValueBatch, findings: Findings): void {
    const { hint, holders, keys, values } = batch;
    if (values.length === 1) {
      // Alone in its batch (a small message): no joining and splitting.
      maskAlone(holders[0]!, keys[0]!, values[0]!, hint, findings);
    } else if (values.length > 1) {
      const joined = values.join(VALUE_SEPARATOR);
      const local: Findings = {};
      const masked = replaceFound(joined, hint, local, 0, joined.length, true);
      const parts = masked?.split(VALUE_SEPARATOR);
      if (parts !== undefined && parts.length !== values.length) {
        // A detection across a separator (a detector's bug): each value alone, then.
        for (let k = 0; k < values.length; k++) maskAlone(holders[k]!, keys[k]!, values[k]!, hint, findings);
      } else {
        if (parts !== undefined) for (let k = 0; k < values.length; k++) if (parts[k] !== values[k]) holders[k]![keys[k]!] = parts[k];
        addCounts(findings, local);
      }
    }
  }

  /**
   * How a JSON key is read: the policy field it names, if any, and otherwise
   * the hint it gives the detectors (the key in lower case); and the key
   * masked, with what that found, when it holds personal data itself (a map
   * keyed by e-mail address). Keys recur in every record of a list, so each
   * is worked out once (bounded).
   */
  const keys = new Map<string, KeyReading>();
  function keyOf(key: string): KeyReading {
    let known = keys.get(key);
    if (known === undefined) {
      if (keys.size >= KEYS_KEPT) keys.clear();
      const found: Findings = {};
      const masked = maskString(key, undefined, found);
      const clean = masked === key;
      known = { field: fieldOf(key), hint: key.toLowerCase(), personField: personFieldOf(key), whom: standsFor(key.toLowerCase()), tells: masksPersons && tellsKey(key), typed: masksPersons && namesType(key), addressee: masksPersons && namesAddressee(key), code: CODE_KEYS.has(fieldKey(key)), id: fieldKey(key) === ID_KEY, generic: GENERIC_KEYS.has(fieldKey(key)), contact: holdsContact(key), masked: clean ? undefined : masked, found: clean ? undefined : found, tokenLike: TOKEN_MARK.test(key) };
      keys.set(key, known);
    }
    return known;
  }

  /**
   * The names an object's keys (`names`, in order) take once masked (see
   * `takeName`), what masking them found counted into `findings`; undefined
   * when every key keeps its name.
   */
  function maskedNames(names: readonly string[], findings: Findings): string[] | undefined {
    let renamed: string[] | undefined;
    let taken: Set<string> | undefined;
    for (let k = 0; k < names.length; k++) {
      const name = names[k]!;
      const { masked, found, tokenLike } = keyOf(name);
      if (masked === undefined && !tokenLike) continue;
      if (masked !== undefined) addCounts(findings, found as Findings);
      const takes = takeName(masked ?? name, (taken ??= new Set()));
      if (takes !== name) (renamed ??= names.slice())[k] = takes;
    }
    return renamed;
  }

  /** `found`, the findings of `text` in order, with the other occurrences of the names noted among them (see `NameEchoes`), as masking finds them. */
  function withEchoes(text: string, found: Finding[]): Finding[] {
    if (!echoes.any()) return found;
    const all: Finding[] = [];
    let k = 0;
    echoes.find(text, (start, end) => {
      while (k < found.length && found[k]!.end <= start) all.push(found[k++]!);
      // One that overlaps a finding (the name where it was found) is masked as that finding.
      if (k < found.length && found[k]!.start < end) return;
      all.push({ type: personNameField!, start, end });
    });
    return [...all, ...found.slice(k)];
  }

  return {
    policy,
    maskText(text) {
      const findings: Findings = {};
      newValue();
      return { text: echoed(maskString(text, undefined, findings), findings), findings };
    },
    maskValue(value) {
      const findings: Findings = {};
      newValue();
      if (typeof value === 'string') return { value: echoed(maskJsonString(value, findings, 0) ?? maskString(value, undefined, findings), findings), findings };
      if (value === null || typeof value !== 'object') return { value, findings };
      // The caller's value is not changed: its lists and objects are copied (not its strings) and masked in place.
      const masked = maskTree(containersCopied(value, 0) as object, findings, 0);
      if (echoes.any()) echoedTree(masked, findings, 0);
      return { value: Object.keys(findings).length === 0 ? value : masked, findings };
    },
    maskJsonText(text, findings) {
      newValue();
      const parts = maskJsonParts(text, findings, 0);
      return parts !== undefined && echoes.any() ? parts.map((part) => echoed(part, findings)) : parts;
    },
    maskNames: maskedNames,
    namesFound() {
      return values.tokens.size > 0 ? { field: personNameField!, names: values.tokens } : undefined;
    },
    *maskPieces(pieces, findings) {
      if (detectors.length === 0) {
        yield* pieces;
        return;
      }
      const names = new NameEchoes();
      try {
        // Each piece is scanned with the end of the one before and the start of the one after
        // around it (the context a detector reads), keeping what starts in the piece.
        const next = pieces[Symbol.iterator]();
        // A table or a key's block goes on from one piece to the next: each starts a line.
        const lines = newLinesRead();
        const log = newLinesLog();
        let before = '';
        // The end of the piece before, whose lines a reader held (see `replaceFound`): masked with this one.
        let held = '';
        let piece = next.next();
        while (!piece.done) {
          const after = next.next();
          const text = held + piece.value;
          const window = before + text + (after.done ? '' : after.value.slice(0, CONTEXT_CHARS));
          const from = before.length;
          echoes = names;
          const masked = replaceFound(window, undefined, findings, from, from + text.length, false, lines, after.done ? undefined : log);
          const to = replacedTo;
          // The names masked so far are masked wherever this piece writes them again.
          yield echoed(masked ?? (to === from + text.length && held === '' ? piece.value : window.slice(from, to)), findings);
          held = window.slice(to, from + text.length);
          before = window.slice(Math.max(0, to - CONTEXT_CHARS), to);
          piece = after;
        }
      } finally {
        scan.release();
      }
    },
    findAll(text) {
      const scanned = scannedForm(text);
      const spans = scanText(scanned, detectors).map(({ detector, start, end }) => ({ type: detector.name, start, end }));
      newValue();
      findAhead(scanned, 0, text.length, newLinesRead());
      const early: Finding[] = [];
      for (let k = 0; k < ahead.count; k++) early.push({ type: countedAs[ahead.owners[k]!]!, start: ahead.starts[k]!, end: ahead.ends[k]! });
      ahead.count = 0;
      if (early.length === 0) return withEchoes(scanned, spans);
      // As masking has it (see `replaceChunk`): of detections that overlap, the first written stands for the others,
      // and one of an encoded run or table cell stands for a detection of the scan that it starts in.
      const all: Finding[] = [];
      let at = 0;
      let e = 0;
      const earlyBefore = (limit: number): void => {
        for (; e < early.length && early[e]!.start < limit; e++) {
          if (early[e]!.start >= at) all.push(early[e]!);
          at = Math.max(at, early[e]!.end);
        }
      };
      for (const span of spans) {
        earlyBefore(span.start);
        if (span.start < at) {
          at = Math.max(at, span.end);
        } else if (e < early.length && early[e]!.start < span.end) {
          all.push(early[e]!);
          at = Math.max(span.end, early[e++]!.end);
        } else {
          all.push(span);
          at = span.end;
        }
      }
      earlyBefore(Infinity);
      return withEchoes(scanned, all);
    },
  };
}
