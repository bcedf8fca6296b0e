import type { Detector, ScanInput, SpanList } from '../detector.js';
import { hasLabel } from '../lib/context.js';
import { isRealDate } from '../lib/date.js';
import { luhnValid } from '../lib/luhn.js';
import { detectInWindows, digitsOf, type NumericWindows } from '../lib/numeric-windows.js';

/**
 * AMKA in Greek or Latin letters (`Α.Μ.Κ.Α.` with its dots), not inside a
 * word, and its full name. The regex is case-insensitive without the u
 * flag, which folds Greek too.
 */
const LABEL = /(?<![a-zα-ωά-ώ])(?:amka|αμκα|α\.μ\.κ\.α)(?![a-zα-ωά-ώ])|αριθμ[οό]ς[\s_-]+μητρ[ωώ]ου[\s_-]+κοινωνικ[ηή]ς[\s_-]+ασφ[αά]λισης/i;

/** DDMMYY, a real date in either century (the number does not say which). */
function dateValid(digits: Uint8Array): boolean {
  const day = digits[0]! * 10 + digits[1]!;
  const month = digits[2]! * 10 + digits[3]!;
  const yy = digits[4]! * 10 + digits[5]!;
  return isRealDate(1900 + yy, month, day) || isRealDate(2000 + yy, month, day);
}

function accepts(windows: NumericWindows, window: number, input: ScanInput): boolean {
  // A bare run of eleven digits, a phone number's and an order id's shape, of which about one in
  // 270 holds a date and passes Luhn: found only after its label or under a key that names it.
  if (windows.separatorCount(window) !== 0) return false;
  const start = windows.start(window);
  return dateValid(windows.digitValues(window)) && luhnValid(windows.codes, start, windows.end(window)) && hasLabel(input, start, LABEL);
}

/**
 * Greek social security number (Αριθμός Μητρώου Κοινωνικής Ασφάλισης,
 * AMKA), every resident's lifelong identifier: the birth date DDMMYY, four
 * digits (the ninth odd for men, even for women) and a Luhn check.
 */
export const grAmka: Detector = {
  name: 'gr_amka',
  label: 'GR_AMKA',
  priority: 80,
  nationalId: true,
  detect(input: ScanInput, found: SpanList): void {
    detectInWindows(input, found, 11, 11, accepts);
  },
  normalize: digitsOf,
};
