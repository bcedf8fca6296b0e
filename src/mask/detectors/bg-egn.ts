import type { Detector, ScanInput, SpanList } from '../detector.js';
import { hasLabel } from '../lib/context.js';
import { isRealDate } from '../lib/date.js';
import { detectInWindows, digitsOf, weightedSum, type NumericWindows } from '../lib/numeric-windows.js';

/**
 * ЕГН in Cyrillic or Latin letters, not inside a word (`избегна`, "to avoid",
 * holds it), and the name in any case (`единния граждански номер`). The
 * regex is case-insensitive without the u flag, which folds Cyrillic too.
 */
const LABEL = /(?<![a-zа-я])(?:егн|egn)(?![a-zа-я])|един[а-я]*[\s_-]граждански[\s_-]номер|(?:unified|uniform)[\s_-]civil[\s_-]number/i;
const WEIGHTS = [2, 4, 8, 5, 10, 9, 7, 3, 6];

/** The century of a birth month that adds 0, 20 or 40: born in the 1900s, the 1800s, the 2000s. */
const CENTURIES = [1900, 1800, 2000];

/** YYMMDD, the century in the month. */
function dateValid(digits: Uint8Array): boolean {
  const yy = digits[0]! * 10 + digits[1]!;
  const mm = digits[2]! * 10 + digits[3]!;
  const dd = digits[4]! * 10 + digits[5]!;
  const century = CENTURIES[Math.floor(mm / 20)];
  if (century === undefined) return false;
  return isRealDate(century + yy, mm % 20, dd);
}

/** The weighted sum of the first nine digits mod 11, a remainder of 10 written 0. */
function checkDigitValid(digits: Uint8Array): boolean {
  return (weightedSum(digits, WEIGHTS) % 11) % 10 === digits[9];
}

function accepts(windows: NumericWindows, window: number, input: ScanInput): boolean {
  // Written as a bare run of ten digits, the shape of phone numbers and epoch
  // seconds; about one such run in nine holds a date and one in ten passes
  // the check: found only after its label.
  if (windows.separatorCount(window) !== 0) return false;
  const digits = windows.digitValues(window);
  return dateValid(digits) && checkDigitValid(digits) && hasLabel(input, windows.start(window), LABEL);
}

/** Bulgarian uniform civil number (единен граждански номер, ЕГН): the birth date and a mod-11 check. */
export const bgEgn: Detector = {
  name: 'bg_egn',
  label: 'BG_EGN',
  priority: 80,
  nationalId: true,
  detect(input: ScanInput, found: SpanList): void {
    detectInWindows(input, found, 10, 10, accepts);
  },
  normalize: digitsOf,
};
