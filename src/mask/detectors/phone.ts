import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import type { Detector, ScanInput, SpanList } from '../detector.js';
import { isBlank, isDigit, isJoiner, isWordCodeAt } from '../lib/chars.js';
import { holdsPhone } from '../field-keys.js';
import { eachValueWithout, hasLabel, LABEL_WINDOW, textBefore } from '../lib/context.js';
import { digitsOf } from '../lib/numeric-windows.js';
import { SpanCache } from '../lib/span-cache.js';

/**
 * Phone numbers, validated against real numbering plans by libphonenumber-js
 * (full metadata: a number must fit a fixed-line, mobile, … pattern of its
 * country, not just have a plausible length).
 *
 * libphonenumber's own text search runs at well under 1 MB/s, so candidates
 * come from a one-pass scanner here and only plausible shapes reach the
 * library:
 * - international: `+49 30 1234567`, `+49 (0)30 1234567`, `0049 30 1234567`;
 * - national with trunk prefix 0 (DE FR GB NL SE AT BE CH IT IE), written with
 *   separators (`030 1234567`, `01 23 45 67 89`), never date shapes
 *   (`01.02.2024`);
 * - North American `(212) 555-0123`, `212-555-0123`, Italian mobiles
 *   `347 123 4567`, Greek `691 234 5678`, Spanish and Polish 9-digit
 *   groups `612 34 56 78`, `512 345 678`;
 * - eight digits in groups parted by spaces, as countries without a trunk
 *   prefix write them (Denmark, Norway, the Baltics, Malta, Cyprus:
 *   `34 41 23 45`, `5123 4567`), only with a label;
 * - any other digit run (bare `0301234567`, `612345678`) only with a label
 *   (`Tel.`, `phone`, `Handy`, JSON key `phone`): bare runs are too often
 *   epoch times, order ids or amounts.
 */

const MAX_DIGITS = 15; // E.164
const MAX_CANDIDATE = 32;
const TRUNK_COUNTRIES: CountryCode[] = ['DE', 'FR', 'GB', 'NL', 'SE', 'AT', 'BE', 'CH', 'IT', 'IE'];
const LABEL = /(?:tel\b|tel\.|phone|telefon|t[ée]l[ée]phone|tel[ée]fono|telefoon|mobil|m[óo]vil|cell|handy|fax|gsm|portable|cellulare|kom[óo]rka|tlf|whatsapp|ruf)/i;

function isSeparator(code: number): boolean {
  return code === 32 || code === 0xa0 || code === 45 || code === 46 || code === 47;
}

/**
 * The candidate last read by `readCandidate`, in module scratch rather than an
 * object per candidate: dense text has a dozen numeric tokens per line, and
 * almost all are turned down on their shape before any string is needed.
 */
const MAX_PARTS = MAX_CANDIDATE + 2;
/** Digit-group lengths, split at every separator or parenthesis. */
const groups = new Int32Array(MAX_PARTS);
let groupCount = 0;
/** The separator characters between groups, in order (no-break space as space, `(` for a parenthesised group). */
const separators = new Int32Array(MAX_PARTS);
let separatorCount = 0;
let digitCount = 0;
/** First and second digit (char codes), for the trunk and `00` prefixes. */
let firstDigit = 0;
let secondDigit = 0;
let candidateEnd = -1;
/** Where the scan goes on after the token just read. */
let skipTo = 0;

/**
 * Reads a phone-shaped token at `start` (`+`, `(` or a digit): digits, single
 * separators between them, and parenthesised groups, into the scratch above.
 * Returns false when the token is longer than any phone number (its end is
 * still reported via `skipTo` so the caller moves past it in one step) or is
 * not one (`skipTo` is then just past a `(` that opens no area code).
 * Digits are taken a whole run at a time from the shared digit runs; `run`
 * is the index of a run at or before the first one of the token.
 */
function readCandidate(codes: Uint16Array, length: number, start: number, runs: Int32Array, run: number): boolean {
  const last = start + MAX_CANDIDATE;
  // Counts in locals, stored to the scratch once: a module-scope `let` is
  // loaded, checked for initialisation and stored on every use.
  let groupsRead = 0;
  let separatorsRead = 0;
  let digits = 0;
  let first = 0;
  let second = 0;
  let group = 0;
  let end = -1;
  let k = start;
  if (codes[k] === 43) k++;
  while (k < length && k <= last) {
    const code = codes[k]!;
    if (isDigit(code)) {
      while (runs[run + 1]! <= k) run += 2;
      // The rest of the run, as far as the length cap.
      const stop = Math.min(runs[run + 1]!, last + 1);
      if (digits === 0) {
        first = code;
        if (stop - k > 1) second = codes[k + 1]!;
      } else if (digits === 1) {
        second = code;
      }
      digits += stop - k;
      group += stop - k;
      k = stop;
      end = k;
    } else if (code === 40) {
      // "(0)30", "(212)": 1–4 digits in parentheses, after a group or at the start.
      let close = k + 1;
      while (close < length && close - k <= 5 && isDigit(codes[close]!)) close++;
      if (close === k + 1 || codes[close] !== 41) break;
      if (group > 0) groups[groupsRead++] = group;
      group = 0;
      if (digits === 0) {
        first = codes[k + 1]!;
        if (close - k > 2) second = codes[k + 2]!;
      } else if (digits === 1) {
        second = codes[k + 1]!;
      }
      digits += close - k - 1;
      groups[groupsRead++] = close - k - 1;
      separators[separatorsRead++] = 40;
      k = close + 1;
      end = k;
      if (k < length && isSeparator(codes[k]!) && isDigit(codes[k + 1]!)) k++;
    } else if (isSeparator(code) && k + 1 < length && (isDigit(codes[k + 1]!) || codes[k + 1] === 40) && group > 0) {
      groups[groupsRead++] = group;
      group = 0;
      separators[separatorsRead++] = code === 0xa0 ? 32 : code;
      k++;
    } else {
      break;
    }
  }
  if (group > 0) groups[groupsRead++] = group;
  groupCount = groupsRead;
  separatorCount = separatorsRead;
  digitCount = digits;
  firstDigit = first;
  secondDigit = second;
  // Token continues past the cap, or into a word: not a phone number; skip the rest of the token.
  // Also not a phone: an amount with decimals ("123 456 789,50"). No amount starts with `+` or 0, so
  // there a comma and a digit are the next cell of a row (`+49 30 1234567,1980-05-17`).
  const decimals = end !== -1 && (codes[end] === 44 || codes[end] === 46) && isDigit(codes[end + 1]!) && codes[start] !== 43 && first !== 48;
  if (k > last || end === -1 || digits > MAX_DIGITS + 1 || isWordCodeAt(codes, end, length) || decimals) {
    // "(+41 …)", "(06 12 …)": an opening parenthesis that is not an area
    // code is just punctuation, and the scan goes on right after it.
    if (codes[start] === 40) {
      skipTo = start + 1;
      return false;
    }
    let skip = Math.max(k, start + 1);
    while (skip < length && (isDigit(codes[skip]!) || isSeparator(codes[skip]!))) skip++;
    skipTo = skip;
    return false;
  }
  candidateEnd = end;
  skipTo = end;
  return true;
}

/** True when `readCandidate` would read on past the digit run ending at `end`: a separator before a digit or `(`, or a `(`. */
function continuesToken(codes: Uint16Array, end: number): boolean {
  const code = codes[end]!;
  if (code === 40) return true;
  const next = codes[end + 1]!;
  return isSeparator(code) && (isDigit(next) || next === 40);
}

/**
 * True when a candidate may start at `k`: at the start of a token, not
 * inside a word or a number, not after a `+`, nor after a hyphen, dot or
 * slash glued to a word (`ORD-2024-861567`).
 */
function startsToken(codes: Uint16Array, length: number, k: number): boolean {
  if (k === 0) return true;
  const before = codes[k - 1]!;
  if (isWordCodeAt(codes, k - 1, length) || before === 43) return false;
  return !(isJoiner(before) && isWordCodeAt(codes, k - 2, length));
}

/** True when the digit groups are exactly a, b[, c[, d[, e]]] (unused trailing parameters are 0). */
function hasGroups(a: number, b: number, c = 0, d = 0, e = 0): boolean {
  const count = e !== 0 ? 5 : d !== 0 ? 4 : c !== 0 ? 3 : 2;
  return groupCount === count && groups[0] === a && groups[1] === b && (count < 3 || groups[2] === c) && (count < 4 || groups[3] === d) && (count < 5 || groups[4] === e);
}

/** True when the candidate's groups are parted by spaces only (a no-break space counts as one). */
function spacedOnly(): boolean {
  if (separatorCount === 0) return false;
  for (let k = 0; k < separatorCount; k++) if (separators[k] !== 32) return false;
  return true;
}

/** dd.mm.yyyy, yyyy-mm-dd, dd/mm/yy … are dates, whatever a numbering plan says. */
function looksLikeDate(): boolean {
  if (separatorCount === 0) return false;
  for (let k = 0; k < separatorCount; k++) {
    const code = separators[k]!;
    if (code !== 46 && code !== 47 && code !== 45) return false;
  }
  return hasGroups(2, 2, 4) || hasGroups(2, 2, 2) || hasGroups(4, 2, 2) || hasGroups(1, 1, 4) || hasGroups(2, 1, 4) || hasGroups(1, 2, 4);
}

/**
 * Validation is costly (~15 µs a library call, up to ten calls for a
 * national number); values recur in tool output, so the outcome per written
 * candidate and country list is remembered (bounded; cleared when full),
 * keyed by the candidate's span in the text (no string per lookup) and the list.
 */
const outcomes = new SpanCache<string | null>(50_000);

function parseValid(raw: string, country: CountryCode | undefined): string | null {
  const parsed = country === undefined ? parsePhoneNumberFromString(raw) : parsePhoneNumberFromString(raw, country);
  return parsed !== undefined && parsed.isValid() ? parsed.number : null;
}

/** Cache kinds of the international forms `+49 …` and `0049 …`; country lists take the next ones. */
const PLUS = 0;
const DOUBLE_ZERO = 1;
let nextKind = 2;

/** The number written at text[start, end) (whose code units are `codes`) with `+` or `00`: `00` is read as `+`. */
function validate(text: string, codes: Uint16Array, start: number, end: number, kind: typeof PLUS | typeof DOUBLE_ZERO): string | null {
  let number = outcomes.get(kind, codes, start, end);
  if (number === undefined) {
    number = parseValid(kind === PLUS ? text.slice(start, end) : `+${text.slice(start + 2, end)}`, undefined);
    outcomes.set(kind, codes, start, end, number);
  }
  return number;
}

/** The national number written at text[start, end) (whose code units are `codes`), in the first of `countries` where it is valid. */
function validateAny(text: string, codes: Uint16Array, start: number, end: number, countries: Countries): string | null {
  let number = outcomes.get(countries.kind, codes, start, end);
  if (number === undefined) {
    const raw = text.slice(start, end);
    number = null;
    for (const country of countries.list) {
      number = parseValid(raw, country);
      if (number !== null) break;
    }
    outcomes.set(countries.kind, codes, start, end, number);
  }
  return number;
}

/** A country list with its cache kind. */
interface Countries {
  list: readonly CountryCode[];
  kind: number;
}

function countries(list: readonly CountryCode[]): Countries {
  return { list, kind: nextKind++ };
}

/**
 * `list` in the order a grouping suggests, by the first of the countries
 * it puts first (`''`: `list` as it is): each `leading` list first, then the
 * rest of `list`.
 */
function byGrouping(list: readonly CountryCode[], leading: ReadonlyArray<readonly CountryCode[]>): Record<string, Countries> {
  const lists: Record<string, Countries> = { '': countries(list) };
  for (const first of leading) lists[first[0]!] = countries([...first, ...list.filter((country) => !first.includes(country))]);
  return lists;
}

/** Trunk countries with the one the grouping suggests first (see `trunkCountries`). */
const TRUNK = byGrouping(TRUNK_COUNTRIES, [['FR'], ['GB'], ['NL'], ['SE'], ['IT']]);
// Greece writes its ten digits 3-3-4 without a trunk prefix too (`691 234 5678`).
const US_IT_GR = countries(['US', 'IT', 'GR']);
/** Countries that write eight digits without a trunk prefix, with those the grouping suggests first (see `untrunkedCountries`). */
const UNTRUNKED = byGrouping(['DK', 'NO', 'EE', 'LV', 'MT', 'CY', 'LU', 'IS'], [['EE', 'MT'], ['LV'], ['CY'], ['NO']]);
const PL_ES = countries(['PL', 'ES']);
const ES_PL = countries(['ES', 'PL']);
const BARE = countries(['US', 'ES', 'PL', 'IT']);

/**
 * The same national digits are valid in several countries ("0612345678" is
 * French and Dutch); the written grouping says which is meant, so the
 * normal form (and the pseudonym) follows the writer's country.
 */
function trunkCountries(): Countries {
  const first = hasGroups(2, 2, 2, 2, 2)
    ? 'FR'
    : hasGroups(3, 4, 4) || hasGroups(5, 6) || hasGroups(4, 3, 4)
      ? 'GB'
      : hasGroups(2, 8)
        ? 'NL'
        : hasGroups(3, 3, 2, 2) || hasGroups(2, 3, 2, 2)
          ? 'SE'
          : hasGroups(2, 4, 4)
            ? 'IT'
            : '';
  return TRUNK[first]!;
}

/** Countries without a trunk prefix with those the grouping of eight digits suggests first: 4-4 Estonia's and Malta's, 2-3-3 Latvia's, 2-6 Cyprus's, 3-2-3 Norway's mobiles; 2-2-2-2 Denmark's and Norway's. */
function untrunkedCountries(): Countries {
  const first = hasGroups(4, 4) ? 'EE' : hasGroups(2, 3, 3) ? 'LV' : hasGroups(2, 6) ? 'CY' : hasGroups(3, 2, 3) ? 'NO' : '';
  return UNTRUNKED[first]!;
}

/**
 * True when a label stands before `start` or the JSON key names a phone.
 * Every word LABEL matches has an l, h, m or f; bare digit runs in dense text
 * (ids, amounts) mostly have none of these letters within reach, and the
 * window's slice and the regex (~0.3 µs a run) are then skipped.
 */
function labelled(input: ScanInput, codes: Uint16Array, start: number): boolean {
  if (input.hint === undefined && !labelLetterBefore(codes, start)) return false;
  return hasLabel(input, start, LABEL);
}

/** True when an l, h, m or f (either case) is among the LABEL_WINDOW characters before `start`; from the end, where a label usually is. */
function labelLetterBefore(codes: Uint16Array, start: number): boolean {
  for (let k = start - 1, from = Math.max(0, start - LABEL_WINDOW); k >= from; k--) {
    // ASCII only: LABEL is case-insensitive without the u flag, so no other character folds to these letters.
    const lower = codes[k]! | 0x20;
    if (lower === 108 || lower === 104 || lower === 109 || lower === 102) return true;
  }
  return false;
}

/** E.164 form of the candidate read at `start`, or null when it is not a phone number in its written shape. */
function classify(input: ScanInput, codes: Uint16Array, start: number, plus: boolean): string | null {
  const { text } = input;
  const bare = separatorCount === 0;
  if (plus) {
    if (digitCount < 8) return null;
    return validate(text, codes, start, candidateEnd, PLUS);
  }
  if (firstDigit === 48 && digitCount > 1 && secondDigit === 48) {
    if (digitCount < 10 || (bare && !labelled(input, codes, start))) return null;
    return validate(text, codes, start, candidateEnd, DOUBLE_ZERO);
  }
  // What can pass below: national numbers of 9–13 digits with their trunk 0,
  // bare runs, and groupings that open with 2 or 3 digits. Anything else
  // (IBAN and card groups, addresses, most ids in dense text) is let go
  // before the date, grouping and label checks.
  // Countries without a trunk prefix write eight digits in groups (Denmark's and Norway's `34 41 23 45`,
  // Estonia's `5123 4567`, Latvia's `21 234 567`, Malta's, Cyprus's): with a label only, as a bare run.
  if (digitCount === 8 && firstDigit !== 48 && spacedOnly() && labelled(input, codes, start)) return validateAny(text, codes, start, candidateEnd, untrunkedCountries());
  if (firstDigit === 48 ? digitCount < 9 || digitCount > 13 : !bare && groups[0] !== 2 && groups[0] !== 3) return null;
  if (digitCount < 7 || looksLikeDate()) return null;
  // "0.5449…" is a decimal fraction, not a trunk prefix.
  if (groups[0] === 1 && separatorCount > 0 && separators[0] === 46) return null;
  // YYMMDD-NNNN and YYYYMMDD-NNNN are the shapes of Swedish personal numbers, not of phone numbers.
  if ((hasGroups(6, 4) || hasGroups(8, 4)) && separatorCount === 1 && separators[0] === 45 && !labelled(input, codes, start)) return null;
  if (bare && !labelled(input, codes, start)) return null;
  if (firstDigit === 48) return validateAny(text, codes, start, candidateEnd, trunkCountries());
  const parenthesised = separatorCount > 0 && separators[0] === 40 && groups[0] === 3;
  if (parenthesised || hasGroups(3, 3, 4)) return validateAny(text, codes, start, candidateEnd, US_IT_GR);
  // Polish numbers are usually written 3-3-3, Spanish ones 3-2-2-2; both occur both ways.
  if (digitCount === 9 && hasGroups(3, 3, 3)) return validateAny(text, codes, start, candidateEnd, PL_ES);
  if (digitCount === 9 && (hasGroups(3, 2, 2, 2) || hasGroups(2, 3, 2, 2))) return validateAny(text, codes, start, candidateEnd, ES_PL);
  // Bare and labelled ("Tel. 612345678"). Any other grouping is no common national format.
  return bare ? validateAny(text, codes, start, candidateEnd, BARE) : null;
}

/** The fewest and most digits of a value under a phone's key that is masked as a phone number unvalidated (see `addUnvalidated`). */
const MIN_KEYED_DIGITS = 6;
/** A value that is nothing but a number as phone numbers are written: digits, `+` first, and their separators. */
const PHONE_SHAPE = /^\+?[\d(][\d ()./\u00a0-]*$/;

/** The normal form of a phone number no numbering plan validated: its digits, `+` first where it is written with one. */
function unvalidatedValue(text: string, start: number, end: number): string {
  const digits = digitsOf(text, start, end);
  return text.charCodeAt(start) === 43 ? `+${digits}` : digits;
}

/** A phone's key in text, right before its value: `Phone:`, `Tel. =`, `Mobile number:`, `Telefonnummer:` (see `holdsPhone`). */
const PHONE_KEY_BEFORE = /(?:^|[^\p{L}])([\p{L} .-]{2,24}?)\s*[:=]\s*$/u;
/** How far back `keyedInText` looks for the key. */
const KEY_WINDOW = 32;

/**
 * Whether the candidate text[start, end), which no numbering plan
 * validated, is the whole value of a phone's key in a line of text (`Phone:
 * +1 555 123 4567`), as `addUnvalidated` reads a JSON value under its key.
 * Most candidates are turned down by the character before them, which a
 * key's `:` or `=` must be.
 */
function keyedInText(input: ScanInput, codes: Uint16Array, start: number, end: number): boolean {
  let k = start - 1;
  while (k >= 0 && isBlank(codes[k]!)) k--;
  if (k < 0 || (codes[k] !== 58 && codes[k] !== 61)) return false;
  // The value ends its line or its item.
  let after = end;
  while (isBlank(codes[after]!)) after++;
  const next = codes[after]!;
  if (next !== 0 && next !== 10 && next !== 13 && next !== 44 && next !== 59) return false;
  const key = PHONE_KEY_BEFORE.exec(textBefore(input, start, KEY_WINDOW));
  return key !== null && holdsPhone(key[1]!.replace(/\./g, '').trim());
}

/**
 * Under a phone's key (`"phone": "+1 555 123 4567"`), a value written as a
 * phone number is one, even where no numbering plan knows it (a typo, an
 * extension, a range newer than the metadata): adds each such value of the
 * text (each of a joined text, see `ScanInput.joined`) in which nothing was
 * found, its digits as its normal form. The key says what it holds; the
 * value must not pass for failing a check that only makes prose safe to read.
 */
function addUnvalidated(input: ScanInput, found: SpanList): void {
  const { text } = input;
  eachValueWithout(input, found, found.length, (start, end) => {
    if (end - start > MAX_CANDIDATE || !PHONE_SHAPE.test(text.slice(start, end))) return;
    const digits = digitsOf(text, start, end).length;
    if (digits < MIN_KEYED_DIGITS || digits > MAX_DIGITS) return;
    // After the validated ones: the scanner puts each detector's spans in text order.
    found.add(start, end, unvalidatedValue(text, start, end));
  });
}

/** Phone numbers by real numbering plans, international and common national formats. */
export const phone: Detector = {
  name: 'phone',
  label: 'PHONE',
  priority: 50,
  detect(input: ScanInput, found: SpanList): void {
    const { text } = input;
    const length = text.length;
    // Candidates start at a digit, `+` or `(`: the scan jumps from one such
    // character to the next (digits from the shared digit runs, the others by
    // indexOf) rather than stepping over every character in between.
    const runs = input.digitRuns();
    // Characters are read from the index's copy of the text: a typed-array
    // read costs a fraction of a charCodeAt, and a digit run's ends are read for every run.
    const codes = input.codeUnits();
    const runCount = runs.length;
    let run = 0;
    let nextPlus = -1;
    let nextParen = -1;
    let k = 0;
    while (k < length) {
      if (nextPlus !== length && nextPlus < k) {
        nextPlus = text.indexOf('+', k);
        if (nextPlus === -1) nextPlus = length;
      }
      if (nextParen !== length && nextParen < k) {
        nextParen = text.indexOf('(', k);
        if (nextParen === -1) nextParen = length;
      }
      const nextSymbol = Math.min(nextPlus, nextParen);
      while (run < runCount && runs[run + 1]! <= k) run += 2;
      // Runs up to the next `+` or `(` are passed over here, without the
      // outer loop's bookkeeping per run: most runs in text are let go.
      while (run < runCount && runs[run]! < nextSymbol) {
        const runStart = Math.max(runs[run]!, k);
        const runEnd = runs[run + 1]!;
        // A run of fewer than seven digits that no separator or parenthesis
        // continues is no phone number, and reading it would stop at its end:
        // most numbers in text (counts, times, ids) are let go here, unread,
        // before the costlier look at what precedes them.
        if ((runEnd - runStart >= 7 || continuesToken(codes, runEnd)) && startsToken(codes, length, runStart)) break;
        run += 2;
      }
      k = Math.min(run < runCount ? Math.max(runs[run]!, k) : length, nextSymbol);
      if (k >= length) break;
      const code = codes[k]!;
      // A run that reached here starts a token; a `+` or `(` is checked here.
      if ((code === 43 || code === 40) && !startsToken(codes, length, k)) {
        k++;
        // On past a digit run right after it: in `x(030…` or `++49…` the digits start no token either.
        if (run < runCount && runs[run]! === k) k = runs[run + 1]!;
        continue;
      }
      const start = k;
      const read = readCandidate(codes, length, start, runs, run);
      k = skipTo;
      if (!read) continue;
      const number = classify(input, codes, start, code === 43);
      // The value comes from the validation cache: no string is built for it.
      if (number !== null) found.add(start, candidateEnd, number);
      else if (digitCount >= MIN_KEYED_DIGITS && keyedInText(input, codes, start, candidateEnd)) found.add(start, candidateEnd, unvalidatedValue(text, start, candidateEnd));
    }
    if (input.hint !== undefined && holdsPhone(input.hint)) addUnvalidated(input, found);
  },
  partial(value: string): string {
    // "+49" and the last two digits: the country and a hint for the person who knows the number.
    return `${value.slice(0, 3)}${'*'.repeat(Math.max(0, value.length - 5))}${value.slice(-2)}`;
  },
};
