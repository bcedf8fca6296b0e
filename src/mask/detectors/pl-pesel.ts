import type { Detector, ScanInput, SpanList } from '../detector.js';
import { hasLabel } from '../lib/context.js';
import { detectInWindows, digitsOf, weightedSum, type NumericWindows } from '../lib/numeric-windows.js';
import { isRealDate } from '../lib/date.js';

const LABEL = /pesel/i;
const WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

/** The century of a birth month that adds 0, 20, 40, 60 or 80. */
const CENTURIES = [1900, 2000, 2100, 2200, 1800];

/** Birth date encoded in YYMMDD, the century in the month (+80 1800s, +0 1900s, +20 2000s, +40, +60). */
function dateValid(digits: Uint8Array): boolean {
  const yy = digits[0]! * 10 + digits[1]!;
  const mm = digits[2]! * 10 + digits[3]!;
  const dd = digits[4]! * 10 + digits[5]!;
  const century = CENTURIES[Math.floor(mm / 20)];
  if (century === undefined) return false;
  return isRealDate(century + yy, mm % 20, dd);
}

function checkDigitValid(digits: Uint8Array): boolean {
  return (10 - (weightedSum(digits, WEIGHTS) % 10)) % 10 === digits[10];
}

function accepts(windows: NumericWindows, window: number, input: ScanInput): boolean {
  // PESEL is always written as a bare 11-digit run, the same shape as phone
  // numbers and order ids, so it needs its label (or a `pesel` JSON key).
  if (windows.separatorCount(window) !== 0) return false;
  const digits = windows.digitValues(window);
  return dateValid(digits) && checkDigitValid(digits) && hasLabel(input, windows.start(window), LABEL);
}

/** Polish national identification number (PESEL). */
export const plPesel: Detector = {
  name: 'pl_pesel',
  label: 'PL_PESEL',
  priority: 80,
  nationalId: true,
  detect(input: ScanInput, found: SpanList): void {
    detectInWindows(input, found, 11, 11, accepts);
  },
  normalize: digitsOf,
};
