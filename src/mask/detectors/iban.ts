import type { Detector, ScanInput, SpanList } from '../detector.js';
import { isAsciiAlnum, isAsciiLetter, isAsciiWordChar, isWordCodeAt } from '../lib/chars.js';

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

/**
 * The same lengths indexed by the country code's letters (A–Z × A–Z, case
 * ignored; 0 for no IBAN country): looked up for every candidate, without a string.
 */
const LENGTH_BY_CODE = new Uint8Array(26 * 26);
for (const [country, length] of Object.entries(LENGTHS)) LENGTH_BY_CODE[letterIndex(country.charCodeAt(0)) * 26 + letterIndex(country.charCodeAt(1))] = length;

/** 0–25 for an ASCII letter of either case. */
function letterIndex(code: number): number {
  return (code | 0x20) - 97;
}

/** 0–9 for a digit, 10–35 for a letter of either case: the IBAN check's value of a character. */
function checkValue(code: number): number {
  return code <= 57 ? code - 48 : letterIndex(code) + 10;
}

/** Appends a character's value (one digit, or two for a letter) to `remainder`, mod 97. */
function mod97Step(remainder: number, code: number): number {
  const value = checkValue(code);
  return (value < 10 ? remainder * 10 + value : remainder * 100 + value) % 97;
}

/**
 * Reads an IBAN of exactly `length` characters from `at` (its first four
 * characters adjacent), allowing one space, no-break space or hyphen
 * between characters as printed IBANs are grouped, and checks it as it reads: one
 * pass instead of a second one for the check. ISO 13616: the first four
 * characters moved to the end, letters → 10..35, mod 97 must be 1. Returns
 * the end offset of a valid IBAN, or -1.
 */
function readValidIban(codes: Uint16Array, textLength: number, at: number, length: number): number {
  let count = 0;
  let k = at;
  let remainder = 0;
  while (count < length) {
    if (k >= textLength) return -1;
    const code = codes[k]!;
    if (isAsciiAlnum(code)) {
      // The first four characters count last (below).
      if (count >= 4) remainder = mod97Step(remainder, code);
      count++;
      k++;
    } else if ((code === 32 || code === 0xa0 || code === 45) && count > 0 && k + 1 < textLength && isAsciiAlnum(codes[k + 1]!)) {
      k++;
    } else {
      return -1;
    }
  }
  // The IBAN must end here: exact per-country length, then no further word character.
  if (isWordCodeAt(codes, k, textLength)) return -1;
  for (let first = at; first < at + 4; first++) remainder = mod97Step(remainder, codes[first]!);
  return remainder === 1 ? k : -1;
}

/** IBANs of the registry's countries: country length, mod-97; compact or grouped by spaces or hyphens. */
export const iban: Detector = {
  name: 'iban',
  label: 'IBAN',
  priority: 90,
  detect(input: ScanInput, found: SpanList): void {
    const { text } = input;
    const runs = input.digitRuns();
    // The index's copy of the text (see ScanInput.codeUnits): a read costs a third of a charCodeAt on the chunk.
    const codes = input.codeUnits();
    // Candidates: two letters and two digits at a word start (`DE89`),
    // case-insensitive; the digits start a digit run right after two letters
    // that start a word, and the text index lists those runs: only they are
    // visited. Linear: each candidate reads at most 34 characters × 2, and
    // the next candidate starts after it (after the IBAN when one was found).
    const candidates = input.runsAfterTwoLetters();
    let floor = 0;
    for (let c = 0; c < candidates.length; c++) {
      const r = candidates[c]!;
      const start = runs[r]! - 2;
      if (start < floor || runs[r + 1]! - runs[r]! < 2) continue;
      if (!isAsciiLetter(codes[start]!) || !isAsciiLetter(codes[start + 1]!) || (start > 0 && isAsciiWordChar(codes[start - 1]!))) continue;
      floor = start + 4;
      if (isWordCodeAt(codes, start - 1, text.length)) continue; // a non-ASCII letter before it
      const length = LENGTH_BY_CODE[letterIndex(codes[start]!) * 26 + letterIndex(codes[start + 1]!)]!;
      if (length === 0) continue;
      const end = readValidIban(codes, text.length, start, length);
      if (end === -1) continue;
      found.add(start, end);
      floor = end;
    }
  },
  normalize(text: string, start: number, end: number): string {
    // Compact, upper case.
    return text.slice(start, end).replace(/[ \u00a0-]/g, '').toUpperCase();
  },
  partial(value: string): string {
    // Country code and last four characters, as banks print them on statements.
    return `${value.slice(0, 2)}${'*'.repeat(value.length - 6)}${value.slice(-4)}`;
  },
};
