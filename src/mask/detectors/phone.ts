import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import type { Detection, Detector, ScanInput } from '../detector.js';
import { isDigit, wordCharAt } from '../lib/chars.js';
import { hasLabel } from '../lib/context.js';

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
 *   `347 123 4567`, Spanish and Polish 9-digit groups `612 34 56 78`,
 *   `512 345 678`;
 * - any other digit run (bare `0301234567`, `612345678`) only with a label
 *   (`Tel.`, `phone`, `Handy`, JSON key `phone`): bare runs are too often
 *   epoch times, order ids or amounts.
 */

const MAX_DIGITS = 15; // E.164
const MAX_CANDIDATE = 32;
const TRUNK_COUNTRIES: CountryCode[] = ['DE', 'FR', 'GB', 'NL', 'SE', 'AT', 'BE', 'CH', 'IT', 'IE'];
const LABEL = /(?:tel\b|tel\.|phone|telefon|t[ée]l[ée]phone|tel[ée]fono|telefoon|mobil|m[óo]vil|cell|handy|fax|gsm|portable|cellulare|kom[óo]rka|tlf|whatsapp|ruf)/i;

interface Candidate {
  start: number;
  end: number;
  raw: string;
  digits: string;
  plus: boolean;
  /** Digit-group lengths, split at every separator or parenthesis. */
  groups: number[];
  /** The separator characters between groups, in order. */
  separators: string;
}

function isSeparator(code: number): boolean {
  return code === 32 || code === 0xa0 || code === 45 || code === 46 || code === 47;
}

/**
 * Reads a phone-shaped token at `start` (`+`, `(` or a digit): digits, single
 * separators between them, and parenthesised groups. Returns null when the
 * token is longer than any phone number (its end is still reported via
 * `skipTo` so the caller moves past it in one step).
 */
function readCandidate(text: string, start: number): { candidate: Candidate | null; skipTo: number } {
  let k = start;
  let plus = false;
  if (text.charCodeAt(k) === 43) {
    plus = true;
    k++;
  }
  let digits = '';
  let separators = '';
  const groups: number[] = [];
  let group = 0;
  let end = -1;
  while (k < text.length && k - start <= MAX_CANDIDATE) {
    const code = text.charCodeAt(k);
    if (isDigit(code)) {
      digits += text[k]!;
      group++;
      k++;
      end = k;
    } else if (code === 40) {
      // "(0)30", "(212)": 1–4 digits in parentheses, after a group or at the start.
      let close = k + 1;
      while (close < text.length && close - k <= 5 && isDigit(text.charCodeAt(close))) close++;
      if (close === k + 1 || text.charCodeAt(close) !== 41) break;
      if (group > 0) groups.push(group);
      group = 0;
      for (let d = k + 1; d < close; d++) digits += text[d]!;
      groups.push(close - k - 1);
      separators += '(';
      k = close + 1;
      end = k;
      if (k < text.length && isSeparator(text.charCodeAt(k)) && isDigit(text.charCodeAt(k + 1))) k++;
    } else if (isSeparator(code) && k + 1 < text.length && (isDigit(text.charCodeAt(k + 1)) || text.charCodeAt(k + 1) === 40) && group > 0) {
      groups.push(group);
      group = 0;
      separators += code === 0xa0 ? ' ' : text[k]!;
      k++;
    } else {
      break;
    }
  }
  if (group > 0) groups.push(group);
  // Token continues past the cap, or into a word: not a phone number; skip the rest of the token.
  // Also not a phone: an amount with decimals ("123 456 789,50").
  const decimals = (text.charCodeAt(end) === 44 || text.charCodeAt(end) === 46) && isDigit(text.charCodeAt(end + 1));
  if (k - start > MAX_CANDIDATE || end === -1 || digits.length > MAX_DIGITS + 1 || wordCharAt(text, end) || decimals) {
    let skip = Math.max(k, start + 1);
    while (skip < text.length && (isDigit(text.charCodeAt(skip)) || isSeparator(text.charCodeAt(skip)))) skip++;
    return { candidate: null, skipTo: skip };
  }
  return { candidate: { start, end, raw: text.slice(start, end), digits, plus, groups, separators }, skipTo: end };
}

function sameShape(groups: readonly number[], shape: readonly number[]): boolean {
  return groups.length === shape.length && groups.every((g, k) => g === shape[k]);
}

/** dd.mm.yyyy, yyyy-mm-dd, dd/mm/yy … are dates, whatever a numbering plan says. */
function looksLikeDate(candidate: Candidate): boolean {
  if (candidate.separators.length === 0 || !/^[./-]+$/.test(candidate.separators)) return false;
  const g = candidate.groups;
  return sameShape(g, [2, 2, 4]) || sameShape(g, [2, 2, 2]) || sameShape(g, [4, 2, 2]) || sameShape(g, [1, 1, 4]) || sameShape(g, [2, 1, 4]) || sameShape(g, [1, 2, 4]);
}

/**
 * Validation is costly (~15 µs a library call, up to ten calls for a
 * national number); values recur in tool output, so the outcome per written
 * candidate and country list is remembered (bounded; cleared when full).
 */
const cache = new Map<string, string | null>();
const CACHE_LIMIT = 50_000;

function parseValid(raw: string, country: CountryCode | undefined): string | null {
  const parsed = country === undefined ? parsePhoneNumberFromString(raw) : parsePhoneNumberFromString(raw, country);
  return parsed !== undefined && parsed.isValid() ? parsed.number : null;
}

function remember(key: string, compute: () => string | null): string | null {
  const known = cache.get(key);
  if (known !== undefined) return known;
  const result = compute();
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, result);
  return result;
}

function validate(raw: string, country: CountryCode | undefined): string | null {
  return remember(`${country ?? '+'}|${raw}`, () => parseValid(raw, country));
}

function validateAny(raw: string, countries: readonly CountryCode[]): string | null {
  return remember(`${countries.join(',')}|${raw}`, () => {
    for (const country of countries) {
      const number = parseValid(raw, country);
      if (number !== null) return number;
    }
    return null;
  });
}

/**
 * The same national digits are valid in several countries ("0612345678" is
 * French and Dutch); the written grouping says which is meant, so the
 * normal form (and the pseudonym) follows the writer's country.
 */
function trunkCountries(groups: readonly number[]): readonly CountryCode[] {
  const first: CountryCode | undefined = sameShape(groups, [2, 2, 2, 2, 2])
    ? 'FR'
    : sameShape(groups, [3, 4, 4]) || sameShape(groups, [5, 6]) || sameShape(groups, [4, 3, 4])
      ? 'GB'
      : sameShape(groups, [2, 8])
        ? 'NL'
        : sameShape(groups, [3, 3, 2, 2]) || sameShape(groups, [2, 3, 2, 2])
          ? 'SE'
          : sameShape(groups, [2, 4, 4])
            ? 'IT'
            : undefined;
  return first === undefined ? TRUNK_COUNTRIES : [first, ...TRUNK_COUNTRIES.filter((country) => country !== first)];
}

/** E.164 form of a candidate, or null when it is not a phone number in its written shape. */
function classify(candidate: Candidate, labelled: () => boolean): string | null {
  const { digits, groups, separators } = candidate;
  const bare = separators.length === 0;
  if (candidate.plus) {
    if (digits.length < 8) return null;
    return validate(candidate.raw, undefined);
  }
  if (digits.startsWith('00')) {
    if (digits.length < 10 || (bare && !labelled())) return null;
    return validate(`+${candidate.raw.slice(2)}`, undefined);
  }
  if (digits.length < 7 || looksLikeDate(candidate)) return null;
  // "0.5449…" is a decimal fraction, not a trunk prefix.
  if (groups[0] === 1 && (separators[0] === '.' || separators[0] === ',')) return null;
  // YYMMDD-NNNN and YYYYMMDD-NNNN are the shapes of Swedish personal numbers, not of phone numbers.
  if ((sameShape(groups, [6, 4]) || sameShape(groups, [8, 4])) && (separators === '-' || separators === '+') && !labelled()) return null;
  if (bare && !labelled()) return null;
  if (digits[0] === '0') {
    if (digits.length < 9 || digits.length > 13) return null;
    return validateAny(candidate.raw, trunkCountries(groups));
  }
  const parenthesised = separators[0] === '(' && groups[0] === 3;
  if (parenthesised || sameShape(groups, [3, 3, 4])) {
    return validateAny(candidate.raw, ['US', 'IT']);
  }
  // Polish numbers are usually written 3-3-3, Spanish ones 3-2-2-2; both occur both ways.
  if (digits.length === 9 && sameShape(groups, [3, 3, 3])) return validateAny(candidate.raw, ['PL', 'ES']);
  if (digits.length === 9 && (sameShape(groups, [3, 2, 2, 2]) || sameShape(groups, [2, 3, 2, 2]))) return validateAny(candidate.raw, ['ES', 'PL']);
  // Bare and labelled ("Tel. 612345678"). Any other grouping is no common national format.
  return bare ? validateAny(candidate.raw, ['US', 'ES', 'PL', 'IT']) : null;
}

function isStart(code: number): boolean {
  return isDigit(code) || code === 43 || code === 40;
}

/** Phone numbers by real numbering plans, international and common national formats. */
export const phone: Detector = {
  name: 'phone',
  label: 'PHONE',
  priority: 50,
  detect(input: ScanInput): Detection[] {
    const { text, hint } = input;
    const found: Detection[] = [];
    let k = 0;
    while (k < text.length) {
      const code = text.charCodeAt(k);
      if (!isStart(code)) {
        k++;
        continue;
      }
      const before = text.charCodeAt(k - 1);
      // Only at the start of a token: not inside a word, a number, or after another + or (.
      if (k > 0 && (wordCharAt(text, k - 1) || before === 43 || ((isSeparator(before) && before !== 32 && before !== 0xa0) && wordCharAt(text, k - 2)))) {
        k++;
        while (k < text.length && isDigit(text.charCodeAt(k))) k++;
        continue;
      }
      const { candidate, skipTo } = readCandidate(text, k);
      // "(+41 …)", "(06 12 …)": an opening parenthesis that is not an area code is just punctuation.
      k = candidate === null && code === 40 ? k + 1 : skipTo;
      if (candidate === null) continue;
      const number = classify(candidate, () => hasLabel(text, candidate.start, hint, LABEL));
      if (number !== null) found.push({ start: candidate.start, end: candidate.end, value: number });
    }
    return found;
  },
  partial(value: string): string {
    // "+49" and the last two digits: the country and a hint for the person who knows the number.
    return `${value.slice(0, 3)}${'*'.repeat(Math.max(0, value.length - 5))}${value.slice(-2)}`;
  },
};
