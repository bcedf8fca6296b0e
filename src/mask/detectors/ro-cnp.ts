import type { Detector, ScanInput, SpanList } from '../detector.js';
import { hasLabel } from '../lib/context.js';
import { isRealDate } from '../lib/date.js';
import { detectInWindows, digitsOf, weightedSum, type NumericWindows } from '../lib/numeric-windows.js';

/** CNP, its name in Romanian and English; not CNPJ (a Brazilian company's number). */
const LABEL = /(?<![a-z])cnp(?![a-z])|cod[\s_-]*numeric[\s_-]*personal|personal[\s_-]*numeric[\s_-]*code/i;
const WEIGHTS = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9];

/**
 * The century by first digit (never 0): 1–6 give sex (odd men, even women)
 * and century; 7 and 8 (foreign residents) and 9 (other foreigners) do not say it.
 */
const CENTURIES = [0, 1900, 1900, 1800, 1800, 2000, 2000];

/**
 * JJ, the county (or Bucharest sector) that issued the number: 01–46, 47
 * and 48 (Bucharest's former sectors 7 and 8), 51 Călărași, 52 Giurgiu, 70
 * for numbers the civil-status system generates, 80–83 for births
 * registered at Romania's missions abroad.
 */
function countyValid(county: number): boolean {
  return (county >= 1 && county <= 48) || county === 51 || county === 52 || county === 70 || (county >= 80 && county <= 83);
}

/** YYMMDD in the first digit's century; in the 1900s or the 2000s when it gives none. */
function dateValid(digits: Uint8Array): boolean {
  const first = digits[0]!;
  if (first === 0) return false;
  const yy = digits[1]! * 10 + digits[2]!;
  const mm = digits[3]! * 10 + digits[4]!;
  const dd = digits[5]! * 10 + digits[6]!;
  const century = CENTURIES[first];
  if (century !== undefined) return isRealDate(century + yy, mm, dd);
  return isRealDate(1900 + yy, mm, dd) || isRealDate(2000 + yy, mm, dd);
}

/** The weighted sum of the first twelve digits mod 11, a remainder of 10 written 1. */
function checkDigitValid(digits: Uint8Array): boolean {
  const remainder = weightedSum(digits, WEIGHTS) % 11;
  return (remainder === 10 ? 1 : remainder) === digits[12];
}

function accepts(windows: NumericWindows, window: number, input: ScanInput): boolean {
  // The CNP is always written as a bare run of 13 digits, the shape of epoch
  // milliseconds and EAN-13 barcodes, so it needs its label (or a `cnp` JSON key).
  if (windows.separatorCount(window) !== 0) return false;
  const digits = windows.digitValues(window);
  if (!dateValid(digits) || !countyValid(digits[7]! * 10 + digits[8]!) || !checkDigitValid(digits)) return false;
  return hasLabel(input, windows.start(window), LABEL);
}

/** Romanian personal numeric code (cod numeric personal, CNP): the birth date, county and mod-11 check in it. */
export const roCnp: Detector = {
  name: 'ro_cnp',
  label: 'RO_CNP',
  priority: 80,
  nationalId: true,
  detect(input: ScanInput, found: SpanList): void {
    detectInWindows(input, found, 13, 13, accepts);
  },
  normalize: digitsOf,
};
