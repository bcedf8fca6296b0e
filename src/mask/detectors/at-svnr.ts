import type { Detector, ScanInput, SpanList } from '../detector.js';
import { hasLabel } from '../lib/context.js';
import { isRealDate } from '../lib/date.js';
import { detectInWindows, digitsOf, weightedSum, type NumericWindows } from '../lib/numeric-windows.js';

const LABEL = /versicherungs-?n(?:umme)?r|svnr|vsnr|\b(?:sv|vs)[\s_.-]?n(?:umme)?r|social[\s_-]?security/i;
/** As the e-card prints it: serial and check, a space, the birth date: `1237 010180`. */
const PRINTED = [4, 6];
/** Weights of the serial's three digits and the date's six; the fourth digit is the check. */
const WEIGHTS = [3, 7, 9, 0, 5, 8, 4, 2, 1, 6];

/** The weighted sum mod 11 is the fourth digit; serials whose remainder is 10 are never issued, so no digit matches it. */
function checkValid(digits: Uint8Array): boolean {
  return weightedSum(digits, WEIGHTS) % 11 === digits[3];
}

/**
 * DDMMYY, a real date in either century. Numbers given for an unknown birth
 * date, or when a day's serials ran out, hold a substitute (month 13 or 14:
 * `011365`); those are not found: they are few, and months past 12 would
 * let in many numbers that hold no date at all.
 */
function dateValid(digits: Uint8Array): boolean {
  const day = digits[4]! * 10 + digits[5]!;
  const month = digits[6]! * 10 + digits[7]!;
  const yy = digits[8]! * 10 + digits[9]!;
  return isRealDate(1900 + yy, month, day) || isRealDate(2000 + yy, month, day);
}

/** A space, no-break space, `-`, `.`, `/` or `+`: what joins digit groups into one number (see `findNumericWindows`). */
function joinsDigits(code: number): boolean {
  return code === 32 || code === 0xa0 || code === 45 || code === 46 || code === 47 || code === 43;
}

function accepts(windows: NumericWindows, window: number, input: ScanInput): boolean {
  // The printed form's check and real date pass for about 1 in 350 random groups of 4 and 6 digits: found anywhere,
  // when it stands alone. A bare run of ten (a phone number's, an order id's shape) needs a label.
  const printed = windows.hasShape(window, PRINTED) && windows.separator(window, 0) === 32;
  if (!printed && windows.separatorCount(window) !== 0) return false;
  const digits = windows.digitValues(window);
  // Serials start at 100.
  if (digits[0] === 0 || !checkValid(digits) || !dateValid(digits)) return false;
  // No other group joined to it (`+43 5572 123456` ends in the printed shape, and is a phone number).
  if (printed) return windows.standsAlone(window, joinsDigits);
  return hasLabel(input, windows.start(window), LABEL);
}

/** Austrian social insurance number (Sozialversicherungsnummer, Versicherungsnummer): mod-11 check, the birth date in it. */
export const atSvnr: Detector = {
  name: 'at_svnr',
  label: 'AT_SVNR',
  priority: 80,
  nationalId: true,
  detect(input: ScanInput, found: SpanList): void {
    detectInWindows(input, found, 10, 10, accepts);
  },
  normalize: digitsOf,
};
