/**
 * Reads the display names of e-mail addresses: the name written beside an
 * address, as mail headers, commits, packages and issue trackers print
 * one. The address is the e-mail detector's to find; the name beside it
 * is a person's (see `masker.ts`), and leaving it beside a pseudonymised
 * address would undo the pseudonym. The forms:
 *
 * - a name before an address in angle brackets (RFC 5322's name-addr):
 *   `From: Anna Schmidt <anna@example.de>`, `"Schmidt, Anna" <…>`,
 *   `'Anna Schmidt' <…>`, a commit's `Author: …`;
 * - a name before an address in parentheses: `Anna Schmidt (anna@…)`;
 * - a name in parentheses after an address (RFC 822's comment):
 *   `anna@example.de (Anna Schmidt)`, `<anna@…> (Anna Schmidt)`;
 * - the text of a link to an address: Markdown's `[Anna Schmidt](mailto:
 *   anna@…)`, HTML's `<a href="mailto:anna@…">Anna Schmidt</a>`;
 * - the cell before an address's in a row without a header: a CSV file's
 *   `Anna Schmidt,anna@…`, an SQL tuple's `('Anna Schmidt', 'anna@…')`.
 *
 * A name before the address is the quoted string right before it (a space
 * between allowed), or else the words right before it that read as a
 * name: each starts with a capital letter (or a letter of a script without
 * case), or is a particle (`de`, `van`, `von`, …) between such words; at
 * most MAX_WORDS words. `Please write to Anna <…>` gives `Anna`. Such
 * words after `, ` that follows more such words are one name, unquoted
 * (`Schmidt, Anna <…>`), and Markdown's emphasis around them is not the
 * name's (`**Anna Schmidt** <…>`). A name in parentheses after the
 * address is all they hold, and a link's text all of it, if it reads as a
 * name (see `readsAsName`). The address must
 * be one: no blank, one `@` with text before it, a dot in the domain.
 * Everything is on one line, so no state carries over.
 */
import { standsForPerson } from '../field-keys.js';
import { isAsciiUpper } from './chars.js';
import { VALUE_SEPARATOR } from './context.js';
import { NextIndex } from './lines.js';
import { isTitle } from './titled-name-text.js';

const SPACE = 0x20;
const TAB = 0x09;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const COMMA = 0x2c;
const COLON = 0x3a;
const SEMICOLON = 0x3b;
const DASH = 0x2d;
const EN_DASH = 0x2013;
const EM_DASH = 0x2014;
const BULLET = 0x2022;
const BAR = 0x7c;
const OPEN_SQUARE = 0x5b;
const CLOSE_SQUARE = 0x5d;
const ASTERISK = 0x2a;
const UNDERSCORE = 0x5f;
const AT = 0x40;
const DOT = 0x2e;
const MAX_ADDRESS_CHARS = 254;
const MAX_NAME_CHARS = 80;
const MAX_WORDS = 5;
/** A list of names longer than this is read as none (see `readsAsNames`). */
const MAX_NAMES_CHARS = 800;
const NAMES_SEPARATOR = /[,;] | and | & /;
/** The scheme of a link to an address. */
const MAILTO = 'mailto:';
/** Lower-case words inside a name (`Daan de Vries`, `Ludwig van Beethoven`). */
const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'del', 'della', 'des', 'le', 'la', 'bin', 'al', 'ter', 'ten', 'y', 'zu']);
const LETTER = /\p{L}/u;
/**
 * A company's legal form as the last word of its name (`Example GmbH`,
 * `Acme Inc.`, `Exemple SARL`): a legal person's name, which does not read
 * as a person's.
 */
const LEGAL_FORMS = new Set([
  'GmbH', 'AG', 'KG', 'OHG', 'UG', 'eG', 'e.V.', 'SE', 'KGaA', 'Ltd', 'Ltd.', 'Limited', 'LLC', 'LLP', 'LP', 'Inc', 'Inc.', 'Corp', 'Corp.', 'Co.',
  'Corporation', 'Company', 'plc', 'PLC', 'SA', 'S.A.', 'SAS', 'SARL', 'S.a.r.l.', 'S.a.r.L.', 'Sàrl', 'SNC', 'BV', 'B.V.', 'NV', 'N.V.', 'SpA', 'S.p.A.', 'Srl', 'S.r.l.', 'SL',
  'S.L.', 'AB', 'Oy', 'ApS', 'AS', 'ASA', 'Lda', 'Lda.',
]);

/**
 * A passenger's name as airlines write it (IATA's reservations and boarding
 * passes): the surname, a slash, the given names, maybe a title, in capitals:
 * `SCHMIDT/ANNA MRS`, `DUPONT/JEAN PIERRE MR`.
 */
const AIRLINE_NAME = /^[A-Z]+(?:[ '-][A-Z]+)*\/[A-Z]{2,}(?: [A-Z]{2,}){0,3}$/;

/**
 * A mention of a person by name, as chats, wikis and Notion's `plain_text`
 * write one: `@`, then two or three capitalised words (a particle between
 * them: `@Daan de Vries`). One word after `@` is a handle or code (`@anna`,
 * `@Override`, `@Component`), and `@` after a word character or `.` is an
 * address's or a package's (`anna@…`, `@scope/pkg` has no capital).
 */
const MENTION = new RegExp(`\\p{Lu}\\p{Ll}[\\p{L}'’-]*(?: (?:(?:${[...PARTICLES].join('|')}) )?\\p{Lu}\\p{Ll}[\\p{L}'’-]*){1,2}(?![\\p{L}\\p{N}_@])`, 'uy');
/** What may stand right before a mention's `@`: a blank, a line break, an opening bracket or quote, a delimiter, Markdown's emphasis, the start of a value read with others (`VALUE_SEPARATOR`). */
const MENTION_AFTER: ReadonlySet<number> = new Set([...' \t\n\r\u00a0([{"\'>,;:*', VALUE_SEPARATOR].map((c) => c.charCodeAt(0)));

/** Reports text[start, end), a display name. */
export type NameVisitor = (start: number, end: number) => void;

/** Reports the display name of each address in text[from, to) to `name`. Linear: each `@` reads at most MAX_ADDRESS_CHARS ahead and back, and 2 × MAX_NAME_CHARS back or MAX_NAME_CHARS ahead. */
export function readDisplayNames(text: string, from: number, to: number, name: NameVisitor): void {
  // Each form is found from its address's `@`: a text holds fewer of them than of `<` or `(`.
  const ats = new NextIndex(text, '@', from);
  for (let at = ats.from(from); at !== -1 && at < to; at = ats.from(at + 1)) {
    if (at === from || MENTION_AFTER.has(text.charCodeAt(at - 1))) {
      // A mention, not an address: `@Anna Schmidt`.
      MENTION.lastIndex = at + 1;
      const mention = MENTION.exec(text);
      if (mention !== null && MENTION.lastIndex <= to && readsAsName(mention[0])) name(at + 1, MENTION.lastIndex);
      continue;
    }
    const start = addressStart(text, from, at);
    const end = start === -1 ? -1 : addressEnd(text, start, to);
    if (end === -1) continue;
    const before = text.charCodeAt(start - 1);
    const after = text.charCodeAt(end);
    let next = end;
    if (before === LESS_THAN && after === GREATER_THAN) {
      nameBefore(text, from, start - 1, name);
      next = end + 1;
    } else if (before === OPEN_PAREN && (after === CLOSE_PAREN || moreContactsInParentheses(text, end, to))) {
      nameBefore(text, from, start - 1, name);
      next = -1;
    } else if (after === QUOTE && text.charCodeAt(end + 1) === GREATER_THAN && text.startsWith(MAILTO, start)) {
      // An HTML link's text, after its `href="mailto:…">`.
      nameUpTo(text, end + 2, to, LESS_THAN, name);
      next = -1;
    } else {
      cellBefore(text, from, start, name);
      leadingSegment(text, from, start, name);
    }
    if (next !== -1 && next + 1 < to && text.charCodeAt(next) === SPACE && text.charCodeAt(next + 1) === OPEN_PAREN) nameUpTo(text, next + 2, to, CLOSE_PAREN, name);
    at = end;
  }
}

/** The most characters of contact details after an address in parentheses, before they close (see `moreContactsInParentheses`). */
const MAX_CONTACTS_AFTER = 80;

/**
 * Whether the address in parentheses that ends at `end` is followed by more
 * of the person's contact details before they close: `Lukas Hofer
 * (lukas@example.at, +43 664 1234567)`.
 */
function moreContactsInParentheses(text: string, end: number, to: number): boolean {
  const code = text.charCodeAt(end);
  if ((code !== COMMA && code !== SEMICOLON) || text.charCodeAt(end + 1) !== SPACE) return false;
  const close = text.indexOf(')', end);
  if (close === -1 || close >= to || close - end > MAX_CONTACTS_AFTER) return false;
  const feed = text.indexOf('\n', end);
  return (feed === -1 || feed > close) && text.lastIndexOf('(', close) < end;
}

/** Reports the name right before the bracket at `open` that opens an address: quoted, or the words that read as one (see the module's comment). */
function nameBefore(text: string, from: number, open: number, name: NameVisitor): void {
  let end = open;
  while (end > from && text.charCodeAt(end - 1) === SPACE && open - end < 3) end--;
  const last = end > from ? text.charCodeAt(end - 1) : 0;
  if (end === open) {
    // A Markdown link's text, right before its `(mailto:…)`.
    if (last === CLOSE_SQUARE && open > from) {
      const start = openingBefore(text, from, open - 1, OPEN_SQUARE);
      if (start !== -1 && readsAsNameAt(text, start, open - 1)) name(start, open - 1);
    }
    if (last !== QUOTE && last !== APOSTROPHE) return;
  }
  if (last === QUOTE) {
    const start = openingBefore(text, from, end - 1, QUOTE);
    if (start !== -1 && start < end - 1) name(start, end - 1);
    return;
  }
  if (last === APOSTROPHE) {
    // Single quotes, as Python and shells print a name: what they hold if it reads as one (an apostrophe may end a word).
    const start = openingBefore(text, from, end - 1, APOSTROPHE);
    if (start !== -1 && readsAsNameAt(text, start, end - 1)) name(start, end - 1);
    return;
  }
  // A role in parentheses between the name and the address: `Jean Dupont (Maintainer) <…>`.
  if (last === CLOSE_PAREN && open - end < 3) {
    const paren = openingBefore(text, from, end - 1, OPEN_PAREN) - 1;
    if (paren < from + 1 || text.charCodeAt(paren - 1) !== SPACE) return;
    end = paren - 1;
  }
  // Emphasis around the name: `**Anna Schmidt** <…>`.
  let marks = 0;
  while (marks < 2 && end - marks > from && (text.charCodeAt(end - marks - 1) === ASTERISK || text.charCodeAt(end - marks - 1) === UNDERSCORE)) marks++;
  end -= marks;
  const start = wordsStart(text, from, end);
  if (start === end) return;
  // `Schmidt, Anna`: the words that read as a name before `, ` are the name's too, when a given name or two follow it
  // (`Also, Dr. Andreas Keller` is a sentence's word before a name).
  const comma = start - 2;
  const inverted = comma > from && text.charCodeAt(start - 1) === SPACE && text.charCodeAt(comma) === COMMA && givenNames(text, start, end);
  const before = inverted ? wordsStart(text, from, comma) : comma;
  name(afterRoleWord(text, before < comma ? before : start, end), end);
}

/**
 * Where the name in text[start, end) starts: after its first word when
 * that says who the person is (`Customer Maria Rossi (maria@…)`, `Kunde
 * Hans Müller <…>`, see `standsForPerson`) and after the titles then
 * (`Dr. Andreas Keller <…>`, see `isTitle`), while two words or more
 * follow; else at `start`. These words are no part of the name, whose
 * token would otherwise differ from the name's elsewhere.
 */
function afterRoleWord(text: string, start: number, end: number): number {
  // Titles one after another (`Prof. Dr. Hans Weber`), the role word first.
  for (let role = true; ; role = false) {
    const space = text.indexOf(' ', start);
    if (space === -1 || space >= end) return start;
    const second = text.indexOf(' ', space + 1);
    if (second === -1 || second >= end) return start;
    const word = text.slice(start, space);
    if (!(role && standsForPerson(word)) && !isTitle(word)) return start;
    start = space + 1;
  }
}

/** Whether text[start, end) may be the given names after a surname and `, `: one or two words, the first no title. */
function givenNames(text: string, start: number, end: number): boolean {
  const space = text.indexOf(' ', start);
  if (space === -1 || space >= end) return true;
  const second = text.indexOf(' ', space + 1);
  return !isTitle(text.slice(start, space)) && (second === -1 || second >= end);
}

/**
 * Reports the cell before the address that starts at `start` (its opening
 * quote, if quoted), if it reads as a name: a row of a CSV or TSV file
 * without a header (`Anna Schmidt,anna@example.de,…`), a tuple of an SQL
 * `INSERT` without its columns (`(1, 'Anna Schmidt', 'anna@…')`). The
 * cells are parted by `,`, `;` or a tab, a blank allowed after; a cell is
 * quoted, or runs back to the cell before, a `(`, a label's `:` (`Kontakt:
 * Anna Schmidt, anna@…`) or the line's start.
 */
function cellBefore(text: string, from: number, start: number, name: NameVisitor): void {
  // SQL's quoted address: its apostrophe is read as the address's first character.
  let k = text.charCodeAt(start) === APOSTROPHE ? start : text.charCodeAt(start - 1) === QUOTE ? start - 1 : start;
  while (k > from && text.charCodeAt(k - 1) === SPACE) k--;
  const delimiter = k > from ? text.charCodeAt(k - 1) : 0;
  if (delimiter !== COMMA && delimiter !== SEMICOLON && delimiter !== TAB) return;
  let end = k - 1;
  while (end > from && text.charCodeAt(end - 1) === SPACE) end--;
  const last = end > from ? text.charCodeAt(end - 1) : 0;
  if (last === QUOTE || last === APOSTROPHE) {
    const cell = openingBefore(text, from, end - 1, last);
    if (cell !== -1 && readsAsNameAt(text, cell, end - 1)) name(cell, end - 1);
    return;
  }
  const limit = Math.max(from, end - MAX_NAME_CHARS - 1);
  let cell = end;
  while (cell > limit && !isCellStop(text.charCodeAt(cell - 1))) cell--;
  if (cell > limit || cell === from) {
    while (cell < end && text.charCodeAt(cell) === SPACE) cell++;
    if (readsAsNameAt(text, cell, end)) name(cell, end);
  }
}

/** The separator of a list item's segments that `leadingSegment` reads: a dash between blanks. */
const SEGMENT_SEPARATOR = / [-–—] /;

/**
 * Reports the first segment of a list item if it reads as a name, where
 * the item's address ends its last segment and the segments are parted by
 * dashes, as a team page or a README lists people (`- Anna Schmidt –
 * Product Owner – anna@…`, `- **Maria Rossi** - maria@…`). The name comes
 * first there; a segment between (a role, `Product Owner`) is not read, nor
 * a line that is no list item (`Support Team - support@…`).
 */
function leadingSegment(text: string, from: number, start: number, name: NameVisitor): void {
  let k = start;
  while (k > from && text.charCodeAt(k - 1) === SPACE) k--;
  const before = k > from ? text.charCodeAt(k - 1) : 0;
  if (!((before === DASH || before === EN_DASH || before === EM_DASH) && text.charCodeAt(k - 2) === SPACE)) return;
  let line = k - 1;
  const limit = Math.max(from, k - 4 * MAX_NAME_CHARS);
  while (line > limit && text.charCodeAt(line - 1) !== 0x0a && text.charCodeAt(line - 1) !== 0x0d) line--;
  if (line > from && text.charCodeAt(line - 1) !== 0x0a && text.charCodeAt(line - 1) !== 0x0d) return;
  // A list's marker, then Markdown's emphasis, before the name: a line without one (`Support Team - support@…`) is not read.
  let first = line;
  while (first < k && text.charCodeAt(first) === SPACE) first++;
  const marker = text.charCodeAt(first);
  if ((marker !== DASH && marker !== ASTERISK && marker !== BULLET) || text.charCodeAt(first + 1) !== SPACE) return;
  first += 2;
  while (first < k && text.charCodeAt(first) === SPACE) first++;
  let marks = 0;
  while (marks < 2 && (text.charCodeAt(first + marks) === ASTERISK || text.charCodeAt(first + marks) === UNDERSCORE)) marks++;
  first += marks;
  const rest = text.slice(first, start);
  const separator = SEGMENT_SEPARATOR.exec(rest);
  if (separator === null) return;
  let end = first + separator.index;
  end -= marks;
  if (marks > 0 && text.slice(end, end + marks) !== text.slice(first - marks, first)) return;
  if (readsAsNameAt(text, first, end)) name(first, end);
}

/** Whether the character ends the cell before it (see `cellBefore`): a delimiter, a `(`, a label's `:`, a line break or a NUL. */
function isCellStop(code: number): boolean {
  return code === COMMA || code === SEMICOLON || code === TAB || code === OPEN_PAREN || code === COLON || code === 0x0a || code === 0x0d || code === 0;
}

/** Reports the text from `k` to the `close` after it (`)` of a comment, `<` of a link's end tag), on its line, if it reads as a name. */
function nameUpTo(text: string, k: number, to: number, close: number, name: NameVisitor): void {
  const limit = Math.min(to, k + MAX_NAME_CHARS + 1);
  for (let j = k; j < limit; j++) {
    const code = text.charCodeAt(j);
    if (code === close) {
      if (readsAsNameAt(text, k, j)) name(k, j);
      return;
    }
    if (code === 0x0a || code === OPEN_PAREN || code === LESS_THAN) return;
  }
}

/** `readsAsName` of text[start, end): most text is turned down by its length or first character before it is sliced. */
export function readsAsNameAt(text: string, start: number, end: number): boolean {
  return end - start >= 2 && end - start <= MAX_NAME_CHARS && startsCapital(text, start) && readsAsName(text.slice(start, end));
}

/** Whether `value` starts as a name does (see `readsAsNames`): most values are turned down here, before anything costlier. */
export function startsAsName(value: string): boolean {
  return value.length >= 2 && startsCapital(value, 0);
}

/** `readsAsNames` of text[start, end), turned down by its length or first character before it is sliced. */
export function readsAsNamesAt(text: string, start: number, end: number): boolean {
  return end - start >= 2 && end - start <= MAX_NAMES_CHARS && startsCapital(text, start) && readsAsNames(text.slice(start, end));
}

/**
 * Where a name that starts text[start, end) and is followed by more ends
 * (`Anna Schmidt (Sales)`, `Anna Schmidt, Berlin office`, `Anna Schmidt -
 * on leave`): before the first `, `, `; `, ` (`, ` [`, ` - `, ` – ` or
 * ` | ` after which the text before reads as a name; -1 when none does
 * within MAX_NAME_CHARS.
 */
export function leadingNameEnd(text: string, start: number, end: number): number {
  if (!startsCapital(text, start)) return -1;
  const limit = Math.min(end - 1, start + MAX_NAME_CHARS + 1);
  for (let k = start + 1; k < limit; k++) {
    const code = text.charCodeAt(k);
    const next = text.charCodeAt(k + 1);
    const parts = ((code === COMMA || code === SEMICOLON) && next === SPACE) || (code === SPACE && (next === OPEN_PAREN || next === OPEN_SQUARE || ((next === DASH || next === EN_DASH || next === BAR) && text.charCodeAt(k + 2) === SPACE)));
    if (parts && readsAsNameAt(text, start, k)) return k;
  }
  return -1;
}

/**
 * Whether `value` reads as a person's name (see `readsAsName`), or as a
 * list of two or more names: `Anna Schmidt, Jean Dupont and Maria Rossi`,
 * parted by `, `, `; `, ` and ` or ` & `, as attendees and assignees are
 * printed. Such a list under a person's key is masked whole, as a name.
 */
export function readsAsNames(value: string): boolean {
  if (readsAsName(value)) return true;
  if (value.length > MAX_NAMES_CHARS || !startsCapital(value, 0)) return false;
  const names = value.split(NAMES_SEPARATOR);
  return names.length >= 2 && names.every(readsAsName);
}

/**
 * Whether `value` as a whole reads as a person's name, as the words before
 * an address do: two to MAX_WORDS words of name characters between single
 * spaces, each capitalised or a particle between two that are (`Daan de
 * Vries`), or one word of a script without case (`山田太郎`); one `, `
 * may follow a word, as a surname written first does (`Schmidt, Anna`).
 * `cus_123`, `anna`, `Berlin`, `see Anna` and a company's name with its
 * legal form (`Example GmbH`, see `LEGAL_FORMS`) do not. A name with a
 * slash reads as one only in an airline's form (see `AIRLINE_NAME`).
 */
export function readsAsName(value: string): boolean {
  const length = value.length;
  // Most values are turned down at their first character.
  if (length < 2 || length > MAX_NAME_CHARS || !startsCapital(value, 0)) return false;
  if (value.includes('/')) return AIRLINE_NAME.test(value);
  let words = 0;
  let comma = false;
  let k = 0;
  for (;;) {
    const start = k;
    while (k < length && isNameChar(value, k)) k++;
    if (k === start) return false;
    const last = k === length;
    if (!startsCapital(value, start) && (words === 0 || last || !PARTICLES.has(value.slice(start, k)))) return false;
    words++;
    if (last) return words > 1 ? words <= MAX_WORDS && !LEGAL_FORMS.has(value.slice(start)) : isUncased(value.charAt(0));
    // `Schmidt, Anna`: one `, ` after a word.
    if (value.charCodeAt(k) === COMMA && !comma && value.charCodeAt(k + 1) === SPACE) {
      comma = true;
      k++;
    }
    if (value.charCodeAt(k) !== SPACE) return false;
    k++;
  }
}

/**
 * Where the address that starts at `k` ends: the character that ends it
 * (see `isAddressStop`), after `local@domain.tld`; -1 when no address
 * starts there, or its end is not within MAX_ADDRESS_CHARS and `to` (the
 * text's end ends one).
 */
function addressEnd(text: string, k: number, to: number): number {
  const limit = Math.min(to, k + MAX_ADDRESS_CHARS);
  let at = -1;
  let dot = false;
  for (let j = k; j < limit; j++) {
    const code = text.charCodeAt(j);
    if (isAddressStop(code)) return at > k && dot && text.charCodeAt(j - 1) !== DOT ? j : -1;
    if (code === AT) {
      if (at !== -1) return -1;
      at = j;
    } else if (code === DOT && at !== -1 && j > at + 1) {
      dot = true;
    }
  }
  // The text's end ends an address as a stop does (a JSON value's `Anna Schmidt, anna@example.de`).
  return limit === text.length && at > k && dot && text.charCodeAt(limit - 1) !== DOT ? limit : -1;
}

/** Where the address whose `@` is at `at` starts: after the character that ends it before (see `isAddressStop`); -1 when another `@` comes first, or it starts at `at`. */
function addressStart(text: string, from: number, at: number): number {
  const limit = Math.max(from, at - MAX_ADDRESS_CHARS);
  let start = at;
  while (start > limit && !isAddressStop(text.charCodeAt(start - 1))) {
    if (text.charCodeAt(--start) === AT) return -1;
  }
  return start < at ? start : -1;
}

/** Whether the character ends an address: a blank, a bracket, a quote, `,` or `;`. */
function isAddressStop(code: number): boolean {
  return code < 0x80 && ADDRESS_STOPS[code] === 1;
}

const ADDRESS_STOPS = Uint8Array.from({ length: 0x80 }, (_, code) => (code <= SPACE || '<>()",;'.includes(String.fromCharCode(code)) ? 1 : 0));

/** Where the quoted (or bracketed) string that ends at `close` starts, after its `opening` quote or bracket, on its line; -1 when it does not open within MAX_NAME_CHARS. */
function openingBefore(text: string, from: number, close: number, opening: number): number {
  const limit = Math.max(from, close - MAX_NAME_CHARS);
  for (let j = close - 1; j >= limit; j--) {
    const code = text.charCodeAt(j);
    if (code === opening) return text.charCodeAt(j - 1) === 0x5c ? -1 : j + 1;
    if (code === 0x0a || code === 0) return -1;
  }
  return -1;
}

/** Where the words before `end` that read as a name start (`end` when none does; see the module's comment). */
function wordsStart(text: string, from: number, end: number): number {
  const limit = Math.max(from, end - MAX_NAME_CHARS);
  let start = end;
  let words = 0;
  let k = end;
  while (words < MAX_WORDS && k > limit) {
    // The word before k: letters, and the apostrophes, hyphens and dots inside or after it.
    let wordStart = k;
    while (wordStart > limit && isNameChar(text, wordStart - 1)) wordStart--;
    if (wordStart === k) break;
    const capital = startsCapital(text, wordStart);
    if (!capital && !(start < end && PARTICLES.has(text.slice(wordStart, k)))) break;
    if (capital) start = wordStart;
    words++;
    if (wordStart === limit || text.charCodeAt(wordStart - 1) !== SPACE) break;
    k = wordStart - 1;
  }
  return start;
}

/** Whether the word at `k` starts with a capital letter, or a letter of a script without case. */
function startsCapital(text: string, k: number): boolean {
  const code = text.charCodeAt(k);
  if (code < 0x80) return isAsciiUpper(code);
  const first = text.charAt(k);
  return first !== first.toLowerCase() || isUncased(first);
}

/** Whether `letter` is a letter of a script without case (Han, Kana, Hangul, Arabic, …). */
function isUncased(letter: string): boolean {
  return LETTER.test(letter) && letter.toUpperCase() === letter.toLowerCase();
}

/** A character of a name's word: a letter (of any script), an apostrophe, a hyphen or a dot. */
function isNameChar(text: string, k: number): boolean {
  const code = text.charCodeAt(k);
  if (code < 0x80) return ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) || code === 0x27 || code === 0x2d || code === DOT;
  return code === 0x2019 || LETTER.test(text.charAt(k));
}
