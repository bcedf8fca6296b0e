import type { Detection, Detector, ScanInput } from '../detector.js';
import { isAsciiLetter, isDigit, wordCharAt } from '../lib/chars.js';

/** IBAN length per country (SWIFT IBAN registry). Unknown country codes are not IBANs. */
const LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22,
  IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20,
  LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28, NL: 18,
  NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31,
  SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29,
  VA: 22, VG: 24, XK: 20, YE: 30,
};

function isAlnum(code: number): boolean {
  return isDigit(code) || isAsciiLetter(code);
}

/** ISO 13616 check: move the first four characters to the end, letters → 10..35, mod 97 must be 1. */
function mod97Valid(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (let k = 0; k < rearranged.length; k++) {
    const code = rearranged.charCodeAt(k);
    if (code <= 57) remainder = (remainder * 10 + (code - 48)) % 97;
    else remainder = (remainder * 100 + (code - 55)) % 97;
  }
  return remainder === 1;
}

/**
 * Reads an IBAN of exactly `length` characters from `at`, allowing one space
 * (or no-break space) between characters as printed IBANs are grouped. Returns
 * the end offset and the compact upper-case value, or null.
 */
function readIban(text: string, at: number, length: number): { end: number; value: string } | null {
  // Counts characters and collects whole space-free pieces as slices: one
  // string per group rather than one per character.
  let count = 0;
  let value = '';
  let pieceStart = at;
  let k = at;
  while (count < length) {
    if (k >= text.length) return null;
    const code = text.charCodeAt(k);
    if (isAlnum(code)) {
      count++;
      k++;
    } else if ((code === 32 || code === 0xa0) && count > 0 && k + 1 < text.length && isAlnum(text.charCodeAt(k + 1))) {
      value += text.slice(pieceStart, k);
      k++;
      pieceStart = k;
    } else {
      return null;
    }
  }
  // The IBAN must end here: exact per-country length, then no further word character.
  if (wordCharAt(text, k)) return null;
  value += text.slice(pieceStart, k);
  return { end: k, value: value.toUpperCase() };
}

function isWordStart(text: string, at: number): boolean {
  if (at === 0) return true;
  const code = text.charCodeAt(at - 1);
  return !isAlnum(code) && code !== 95;
}

/** IBANs of the registry's countries: country length, mod-97; compact or grouped by spaces. */
export const iban: Detector = {
  name: 'iban',
  label: 'IBAN',
  priority: 90,
  detect(input: ScanInput): Detection[] {
    const { text } = input;
    const found: Detection[] = [];
    const runs = input.digitRuns();
    // Candidates: two letters and two digits at a word start (`DE89`),
    // case-insensitive; the digits start a digit run, so only runs are
    // visited. Linear: each candidate reads at most 34 characters × 2, and
    // the next candidate starts after it (after the IBAN when one was found).
    let floor = 0;
    for (let r = 0; r < runs.length; r += 2) {
      const start = runs[r]! - 2;
      if (start < floor || runs[r + 1]! - runs[r]! < 2) continue;
      if (!isAsciiLetter(text.charCodeAt(start)) || !isAsciiLetter(text.charCodeAt(start + 1)) || !isWordStart(text, start)) continue;
      floor = start + 4;
      if (wordCharAt(text, start - 1)) continue; // a non-ASCII letter before it
      const length = LENGTHS[text.slice(start, start + 2).toUpperCase()];
      if (length === undefined) continue;
      const read = readIban(text, start, length);
      if (read === null || !mod97Valid(read.value)) continue;
      found.push({ start, end: read.end, value: read.value });
      floor = read.end;
    }
    return found;
  },
  partial(value: string): string {
    // Country code and last four characters, as banks print them on statements.
    return `${value.slice(0, 2)}${'*'.repeat(value.length - 6)}${value.slice(-4)}`;
  },
};
