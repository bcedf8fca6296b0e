import type { Detector, ScanInput, SpanList } from '../detector.js';
import { hasLabel } from '../lib/context.js';
import { isRealDate } from '../lib/date.js';
import { detectInWindows, digitsOf, type NumericWindows } from '../lib/numeric-windows.js';

/** Lithuania's names: asmens kodas (and its other cases), and `a. k.` (not `a.k.a.`). */
const LITHUANIAN_LABEL = /asmens[\s_-]*kod|\ba\. ?k\.(?! ?a\.)/i;
/** Estonia's isikukood (isikukoodi …), Lithuania's names, and the English ones. */
const LABEL = new RegExp(`isikukood|${LITHUANIAN_LABEL.source}|personal[\\s_-]*(?:identification[\\s_-]*)?code|\\bid[\\s_-]?code`, 'i');

/** The century by first digit (never 0; 7 and 8, for the 2100s, are not issued yet): 1–6 give sex (odd men, even women) and century. */
const CENTURIES = [0, 1800, 1800, 1900, 1900, 2000, 2000];

/**
 * The check: the first ten digits weighted 1–9, 1, mod 11; at 10 weighted
 * 3–9, 1–3 instead; at 10 again, 0 (Estonia's standard EVS 585; Lithuania's
 * code is built the same way).
 */
function checkDigitValid(digits: Uint8Array): boolean {
  let first = 0;
  let second = 0;
  for (let k = 0; k < 10; k++) {
    first += ((k % 9) + 1) * digits[k]!;
    second += (((k + 2) % 9) + 1) * digits[k]!;
  }
  const remainder = first % 11 !== 10 ? first % 11 : second % 11;
  return remainder % 10 === digits[10];
}

/** YYMMDD in the first digit's century. */
function dateValid(digits: Uint8Array): boolean {
  const century = CENTURIES[digits[0]!];
  if (century === undefined || century === 0) return false;
  return isRealDate(century + digits[1]! * 10 + digits[2]!, digits[3]! * 10 + digits[4]!, digits[5]! * 10 + digits[6]!);
}

function accepts(windows: NumericWindows, window: number, input: ScanInput): boolean {
  // Always written as a bare run of 11 digits, the shape of phone numbers and
  // order ids, so it needs a label (or a JSON key that names it).
  if (windows.separatorCount(window) !== 0) return false;
  const digits = windows.digitValues(window);
  if (!checkDigitValid(digits)) return false;
  // A first digit of 9 marks a Lithuanian number given by exception, whose next six digits need not be
  // a date (python-stdnum reads it so): with no date to check, only after a Lithuanian label.
  if (digits[0] === 9) return hasLabel(input, windows.start(window), LITHUANIAN_LABEL);
  return dateValid(digits) && hasLabel(input, windows.start(window), LABEL);
}

/** Estonian personal identification code (isikukood) and Lithuanian personal code (asmens kodas): one standard. */
export const eeLtPersonalCode: Detector = {
  name: 'ee_lt_personal_code',
  label: 'EE_LT_PERSONAL_CODE',
  priority: 80,
  nationalId: true,
  detect(input: ScanInput, found: SpanList): void {
    detectInWindows(input, found, 11, 11, accepts);
  },
  normalize: digitsOf,
};
