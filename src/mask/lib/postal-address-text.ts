/**
 * Reads postal addresses written as on an envelope, a letter, an invoice
 * or a signature, where no key says what they are: a street (a house
 * number beside a word for a street: `Hauptstr. 5`, `Lindenweg 3a`,
 * `1 rue de Rivoli`, `Via Roma 1`, `Kalverstraat 12`, `221B Baker Street`,
 * `ul. Długa 5`), then a postcode and a town, on the next line or after
 * `, `:
 *
 * - in one of the EU's forms: `10115 Berlin`, `D-10115 Berlin`,
 *   `1010 Wien`, `1012 AB Amsterdam`, `00-950 Warszawa`, `114 55
 *   Stockholm`, `1000-001 Lisboa`;
 * - the UK's, a town before the postcode or the postcode alone: `London
 *   SW1A 1AA`;
 * - the US's: `Springfield, IL 62704`;
 *
 * the UK's and the US's after `, ` only where the line ends with the
 * postcode (`10 Downing Street, London SW1A 2AA`).
 *
 * The street and the postcode's line (up to a `, ` or its end) are
 * reported as the address, and a line right above the street that reads
 * as a name (an envelope's first) as the name. A street alone, or a
 * postcode and a town alone, is not reported: a company's `Example GmbH,
 * 10115 Berlin` and an order's `12 items` over `10115 Berlin` are none.
 * A line is read once, and each street or postcode is tried at a bounded
 * number of places: linear.
 */
import { isAsciiUpper, isBlank, isDigit } from './chars.js';
import { readsAsNameAt } from './display-name-text.js';
import { blankTrimmed, withoutReturn } from './lines.js';

/** What a span is: a person's name or a part of an address. */
export const POSTAL_NAME = 0;
export const POSTAL_ADDRESS = 1;
export type PostalValue = typeof POSTAL_NAME | typeof POSTAL_ADDRESS;

/** Reports text[start, end) of kind `kind`. */
export type PostalVisitor = (start: number, end: number, kind: PostalValue) => void;

const LINE_FEED = 0x0a;
const SPACE = 0x20;
const OPEN_PAREN = 0x28;
const COMMA = 0x2c;
const HYPHEN = 0x2d;
const DOT = 0x2e;
const SEMICOLON = 0x3b;
const SLASH = 0x2f;
const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
/** A street and a town line longer than this are none: they are prose. */
const MAX_LINE_CHARS = 100;
/** The words of a street, at most, from its house number to its end or start. */
const MAX_STREET_WORDS = 7;
/** The words of a name before a street, at most. */
const MAX_NAME_WORDS = 5;

/**
 * A postcode and a town in the EU's forms: an optional country prefix, the
 * postcode, and one to five capitalised words of the town, with the small
 * words between them that towns' names hold (`Frankfurt am Main`, `San
 * Sebastián de los Reyes`, `Halle (Saale)`, `'s-Hertogenbosch`). A small word
 * that no capitalised one follows is the sentence going on (`… 04109
 * Leipzig and called us`), none of the town's.
 */
const EU_TOWN =
  /(?:[A-Z]{1,3}-)?(?:\d{5}|\d{4} ?[A-Z]{2}(?= )|\d{4}-\d{3}|\d{3} \d{2}|\d{2}-\d{3}|\d{4}) (?:['’]s-)?\p{Lu}[\p{L}\p{M}'’.-]{0,40}(?:[ -](?:(?:am|an|der|den|im|bei|ob|sur|sous|en|le|la|les|de|del|della|di|da|do|dos|das|du|des|los|las|aan|op|y|i|e) ){0,3}\(?\p{Lu}[\p{L}\p{M}'’.)-]{0,40}){0,4}/uy;
/** A town, and a UK postcode or a US state and ZIP code; or a UK postcode alone. */
const UK_US_TOWN = /(?:\p{Lu}[\p{L}\p{M}'’.-]{0,30}(?: \p{L}[\p{L}\p{M}'’.-]{0,30}){0,3},? (?:[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}|[A-Z]{2} \d{5}(?:-\d{4})?)|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2})/uy;

/** Words for a street (lower case, without a final `.`), in the EU's larger languages and English. */
const STREET_WORDS: ReadonlySet<string> = new Set([
  'str', 'straße', 'strasse', 'weg', 'allee', 'platz', 'gasse', 'damm', 'ufer', 'chaussee', 'steig', 'pfad',
  'rue', 'avenue', 'av', 'boulevard', 'bd', 'bld', 'chemin', 'place', 'allée', 'impasse', 'quai',
  'via', 'viale', 'piazza', 'corso', 'largo', 'vicolo', 'piazzale',
  'calle', 'c/', 'avenida', 'avda', 'plaza', 'paseo', 'pº', 'carrer', 'camino', 'travesía', 'rua', 'praça', 'travessa',
  'straat', 'laan', 'plein', 'gracht', 'kade', 'singel', 'dijk', 'steeg',
  'ul', 'ulica', 'al', 'aleja', 'aleje', 'plac', 'os', 'osiedle',
  'gatan', 'vägen', 'gata', 'väg', 'gränd', 'torget', 'vej', 'gade', 'veien', 'gaten',
  // English's, but those that name other things as often (a drive, a row, a court, a way).
  'street', 'st', 'road', 'rd', 'ave', 'lane', 'ln', 'ct', 'pl', 'blvd', 'crescent', 'sq', 'highway', 'hwy', 'parkway', 'pkwy',
]);
/** Endings of a street's name written as one word (`Hauptstraße`, `Lindenweg`, `Kalverstraat`, `Drottninggatan`). */
const STREET_ENDINGS = ['straße', 'strasse', 'str', 'weg', 'allee', 'platz', 'gasse', 'damm', 'straat', 'laan', 'gracht', 'gatan', 'vägen', 'vej', 'gade', 'veien'];
/** Lower-case words inside a street's name (`Avenue des Champs-Élysées`, `Calle de Alcalá`, `Am Markt`). */
const STREET_PARTICLES: ReadonlySet<string> = new Set(['de', 'des', 'du', 'la', 'le', 'les', 'del', 'della', 'di', 'da', 'do', 'dos', 'van', 'der', 'den', 'het', 'am', 'an', 'im', 'auf', 'zum', 'zur', 'y', 'e', 'of', 'the', 'von']);
const HOUSE_NUMBER = /^\d{1,5}[a-zA-Z]?(?:[-/]\d{1,5}[a-zA-Z]?)?,?$/;
/** Word characters of a street's name (letters, marks, `.`, `'`, `-`, `/`, and `º`). */
const STREET_WORD = /^[\p{L}\p{M}][\p{L}\p{M}.'’/º-]*$/u;

/**
 * Reports the parts of addresses that lie in text[from, to) (`from` at the
 * start of a line) to `value`. The text around may be the pieces before
 * and after of a longer text (see `Masker.maskPieces`): an envelope that
 * their edge cuts is read whole, from up to two lines before `from` to
 * two lines after `to`, and only its parts in text[from, to) are reported.
 */
export function readPostalAddresses(text: string, from: number, to: number, value: PostalVisitor): void {
  const inside: PostalVisitor = (start, end, kind) => {
    if (start >= from && start < to) value(start, end, kind);
  };
  readLines(text, linesBack(text, from, 2), linesOn(text, to, 2), inside);
}

/** The start of the line `count` lines before the one at `k` (a line start), within MAX_LINE_CHARS each; `k` when there is none. */
function linesBack(text: string, k: number, count: number): number {
  let start = k;
  for (let n = 0; n < count && start > 0 && text.charCodeAt(start - 1) === LINE_FEED; n++) {
    const previous = text.lastIndexOf('\n', start - 2) + 1;
    if (start - previous > MAX_LINE_CHARS + 1) break;
    start = previous;
  }
  return start;
}

/** Where the `count` lines from `k` (a line start) end, within MAX_LINE_CHARS each; `k` when there are none. */
function linesOn(text: string, k: number, count: number): number {
  let end = k;
  for (let n = 0; n < count && end < text.length; n++) {
    const newline = text.indexOf('\n', end);
    const lineEnd = newline === -1 ? text.length : newline + 1;
    if (lineEnd - end > MAX_LINE_CHARS + 2) break;
    end = lineEnd;
  }
  return end;
}

/** Reads the lines that start in text[from, to) for addresses (see `readPostalAddresses`). */
function readLines(text: string, from: number, to: number, value: PostalVisitor): void {
  // The next `, ` from the line being read on (-1: none), searched for once: a search from each line would read the text after it again.
  let comma = text.indexOf(', ', from);
  // The line before the one being read, and the one before that: where the street and a name may be.
  let before = -1;
  let beforeEnd = -1;
  let twoBefore = -1;
  let twoBeforeEnd = -1;
  // The next HTML line break (-1: none), searched for once as `comma` is.
  let br = lineBreakTag(text, from);
  // The next line feed: found again only once passed (a long line of line break tags is read once).
  let newline = -2;
  for (let next = from; next < to; ) {
    if (newline !== -1 && newline < next) newline = text.indexOf('\n', next);
    let lineEnd = newline === -1 || newline > to ? to : newline;
    let after = lineEnd + 1;
    // An HTML line break ends a line as a line feed does: an address block in a page or a mail (`Anna Schmidt<br>Hauptstr. 5<br>10115 Berlin`).
    if (br !== -1 && br < next) br = lineBreakTag(text, next);
    if (br !== -1 && br < lineEnd) {
      after = text.indexOf('>', br) + 1;
      lineEnd = br;
    }
    // The tags a line starts with (`<p>`, `<address>`) are none of its text.
    const start = afterTags(text, next, lineEnd);
    const end = withoutReturn(text, start, lineEnd);
    if (comma !== -1 && comma < start) comma = text.indexOf(', ', start);
    if (end - start > MAX_LINE_CHARS || !townLine(text, start, end, before, beforeEnd, twoBefore, twoBeforeEnd, value)) comma = streetThenTown(text, start, end, comma, value);
    twoBefore = before;
    twoBeforeEnd = beforeEnd;
    before = start;
    beforeEnd = end;
    next = after;
  }
}

/** The most characters of a tag `afterTags` passes over. */
const MAX_TAG_CHARS = 64;

/** Where the next HTML line break (`<br>`, `<br/>`, `<br />`, in either case) at or after `from` starts; -1 when none does. */
function lineBreakTag(text: string, from: number): number {
  for (let k = text.indexOf('<', from); k !== -1; k = text.indexOf('<', k + 1)) {
    if ((text.charCodeAt(k + 1) | 0x20) !== 0x62 || (text.charCodeAt(k + 2) | 0x20) !== 0x72) continue;
    // Blanks and a slash, then its `>`, within `<br />`'s length: read there, not searched for (linear however many `<br` stand without one).
    let close = k + 3;
    while (close < k + 6 && (text.charCodeAt(close) === SPACE || text.charCodeAt(close) === SLASH)) close++;
    if (text.charCodeAt(close) === GREATER_THAN) return k;
  }
  return -1;
}

/** Where text[start, end) goes on after the tags it starts with. */
function afterTags(text: string, start: number, end: number): number {
  let k = start;
  while (k < end && text.charCodeAt(k) === LESS_THAN) {
    let close = k + 1;
    const limit = Math.min(end, k + MAX_TAG_CHARS);
    while (close < limit && text.charCodeAt(close) !== GREATER_THAN) close++;
    if (close >= limit) break;
    k = close + 1;
  }
  return k;
}

/** A postcode's line text[start, end) under a street's (text[before, beforeEnd)): reports both, and a name above; false when it is none. */
function townLine(text: string, start: number, end: number, before: number, beforeEnd: number, twoBefore: number, twoBeforeEnd: number, value: PostalVisitor): boolean {
  // A street's line is as short as a town's.
  if (before === -1 || beforeEnd - before > MAX_LINE_CHARS) return false;
  let k = start;
  while (k < end && isBlank(text.charCodeAt(k))) k++;
  const town = townAt(text, k, end, true);
  if (town === -1) return false;
  const [streetFrom, streetTo] = blankTrimmed(text, before, beforeEnd);
  const street = streetBefore(text, streetFrom, streetTo);
  if (street === -1) return false;
  if (twoBefore !== -1 && street === streetFrom) {
    const [nameFrom, nameTo] = blankTrimmed(text, twoBefore, twoBeforeEnd);
    if (readsAsNameAt(text, nameFrom, nameTo)) value(nameFrom, nameTo, POSTAL_NAME);
  }
  value(street, streetTo, POSTAL_ADDRESS);
  value(k, town, POSTAL_ADDRESS);
  return true;
}

/**
 * A street, `, `, then a postcode and a town, in the line text[start, end):
 * reports both at each place they stand, and the part before the street
 * if it reads as a name (`Maria Rossi, Via Roma 1, 00184 Roma`). `first`:
 * the first `, ` at or after `start` (-1: none); returns the first after
 * the line.
 */
function streetThenTown(text: string, start: number, end: number, first: number, value: PostalVisitor): number {
  let segment = start;
  let previous = -1;
  let comma = first;
  // A town in the UK's or the US's form (the postcode after the town) may follow a `, ` where the line ends with its postcode, a `.` after it left out.
  const townEnd = text.charCodeAt(end - 1) === DOT ? end - 1 : end;
  const ukUs = endsWithUkUsPostcode(text, townEnd);
  for (; comma !== -1 && comma < end; comma = text.indexOf(', ', comma + 2)) {
    const next = text.charCodeAt(comma + 2);
    // Most commas are turned down here: a postcode starts with a digit, or a country's letters and a `-`.
    const eu = isDigit(next) || (isAsciiUpper(next) && (text.charCodeAt(comma + 3) === HYPHEN || text.charCodeAt(comma + 4) === HYPHEN));
    if (eu || (ukUs && isAsciiUpper(next))) {
      const town = eu ? townAt(text, comma + 2, end, false) : townAt(text, comma + 2, townEnd, true);
      if (town !== -1 && comma - segment <= MAX_LINE_CHARS) {
        const street = streetBefore(text, segment, comma);
        if (street !== -1) {
          const name = street === segment && previous !== -1 ? nameBefore(text, previous, segment - 2) : -1;
          if (name !== -1) value(name, segment - 2, POSTAL_NAME);
          value(street, comma, POSTAL_ADDRESS);
          value(comma + 2, town, POSTAL_ADDRESS);
        }
      }
    }
    previous = segment;
    segment = comma + 2;
  }
  return comma;
}

/**
 * Where a postcode and a town that start at `k` end, if they do: at the
 * line's end `end`, or before `,`, `;`, ` (` or ` -`; -1 when none starts
 * there. `ownLine`: the town's line may be in the UK's and the US's forms
 * too (they are tried at a line's start only).
 */
function townAt(text: string, k: number, end: number, ownLine: boolean): number {
  const first = text.charCodeAt(k);
  let pattern: RegExp | undefined;
  if (isDigit(first) || (isAsciiUpper(first) && (text.charCodeAt(k + 1) === HYPHEN || text.charCodeAt(k + 2) === HYPHEN || text.charCodeAt(k + 3) === HYPHEN))) pattern = EU_TOWN;
  else if (ownLine && isAsciiUpper(first) && endsWithUkUsPostcode(text, end)) pattern = UK_US_TOWN;
  if (pattern === undefined) return -1;
  pattern.lastIndex = k;
  if (!pattern.test(text) || pattern.lastIndex > end) return -1;
  let town = pattern.lastIndex;
  // What the pattern took of a word's trailing `.` or `-` is no town's.
  while (town > k && (text.charCodeAt(town - 1) === DOT || text.charCodeAt(town - 1) === HYPHEN)) town--;
  if (town === end) return town;
  const after = text.charCodeAt(town);
  const next = town + 1 === end ? SPACE : text.charCodeAt(town + 1);
  // A sentence's end, a list's next item, a tag (`00184 Roma</p>`), a note on the town, or the sentence going on (`… 04109 Leipzig and called us`).
  if (after === COMMA || after === SEMICOLON || after === LESS_THAN || (after === DOT && isBlank(next)) || (isBlank(after) && (town + 1 === end || next === OPEN_PAREN || next === HYPHEN || isLowerLetter(next)))) return town;
  return -1;
}

/** Whether text ending at `end` may end with a UK postcode (a digit and two letters) or a US ZIP code (a digit). */
function endsWithUkUsPostcode(text: string, end: number): boolean {
  return isDigit(text.charCodeAt(end - 1)) || (isDigit(text.charCodeAt(end - 3)) && isAsciiUpper(text.charCodeAt(end - 1)));
}

/**
 * Where a street that ends at `end` starts in text[start, end), if one
 * does: its house number last (`Hauptstr. 5`, `Via Roma 1`) after words of
 * its name, or first (`1 rue de Rivoli`, `221B Baker Street`) before them;
 * one of the words a street's (see `STREET_WORDS`). -1 when none does.
 */
function streetBefore(text: string, start: number, end: number): number {
  const words: number[] = [];
  // The words of text[start, end), from the last: each word's start and end. A tag's end starts a word (`<p>Via Roma 12`).
  let k = end;
  while (k > start && words.length < 2 * (MAX_STREET_WORDS + 1)) {
    while (k > start && isBlank(text.charCodeAt(k - 1))) k--;
    const wordEnd = k;
    while (k > start && !isBlank(text.charCodeAt(k - 1)) && text.charCodeAt(k - 1) !== GREATER_THAN) k--;
    if (k < wordEnd) words.push(k, wordEnd);
    if (text.charCodeAt(k - 1) === GREATER_THAN) break;
  }
  const count = words.length / 2;
  if (count < 2) return -1;
  const word = (n: number): string => text.slice(words[2 * n]!, words[2 * n + 1]!);
  if (HOUSE_NUMBER.test(word(0))) {
    // The number last: the words before it that may be a street's name, the first of them capitalised or a street's word.
    let first = -1;
    let named = false;
    for (let n = 1; n <= MAX_STREET_WORDS && n < count; n++) {
      const w = word(n);
      if (!STREET_WORD.test(w)) break;
      const street = isStreetWord(w);
      if (!street && !isCapitalised(w) && !STREET_PARTICLES.has(w)) break;
      named ||= street;
      if (street || isCapitalised(w)) first = n;
    }
    return named && first !== -1 ? words[2 * first]! : -1;
  }
  // The number first: the words after it up to the end are all a street's name's.
  let named = false;
  for (let n = 0; n < MAX_STREET_WORDS && n < count; n++) {
    const w = word(n);
    if (HOUSE_NUMBER.test(w) && n > 0) return named ? words[2 * n]! : -1;
    if (!STREET_WORD.test(w.replace(/,$/, ''))) return -1;
    const street = isStreetWord(w);
    if (!street && !isCapitalised(w) && !STREET_PARTICLES.has(w)) return -1;
    named ||= street;
  }
  return -1;
}

/**
 * The name that ends text[start, end), the part of a line before a street
 * (`Please send it to Anna Schmidt`): its last words, as many as read as a
 * name (up to MAX_NAME_WORDS); -1 when none do.
 */
function nameBefore(text: string, start: number, end: number): number {
  const starts: number[] = [];
  for (let k = end; k > start && starts.length < MAX_NAME_WORDS; ) {
    while (k > start && text.charCodeAt(k - 1) !== SPACE) k--;
    starts.push(k);
    while (k > start && text.charCodeAt(k - 1) === SPACE) k--;
  }
  for (let n = starts.length - 1; n >= 0; n--) if (readsAsNameAt(text, starts[n]!, end)) return starts[n]!;
  return -1;
}

/** Whether `word` is a street's word, or a street's name written as one word (see `STREET_ENDINGS`). */
function isStreetWord(word: string): boolean {
  const bare = word.replace(/[.,]$/, '').toLowerCase();
  if (STREET_WORDS.has(bare)) return true;
  if (bare.length < 6) return false;
  for (const ending of STREET_ENDINGS) if (bare.endsWith(ending)) return true;
  return false;
}

/** Whether `code` is a small letter: ASCII's, or one that has a capital (`é`, `ł`). */
function isLowerLetter(code: number): boolean {
  if (code < 0x80) return code >= 0x61 && code <= 0x7a;
  const letter = String.fromCharCode(code);
  return letter !== letter.toUpperCase();
}

function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}
