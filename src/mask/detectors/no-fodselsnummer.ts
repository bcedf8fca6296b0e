import type { Detector, ScanInput, SpanList } from '../detector.js';
import { hasLabel } from '../lib/context.js';
import { isRealDate } from '../lib/date.js';
import { detectInWindows, digitsOf, weightedSum, type NumericWindows } from '../lib/numeric-windows.js';

const LABEL = /f(?:ø|o|oe)dsels[\s_-]?n(?:umme)?r|(?<![a-z])f\.?\s?nr|personnummer|(?<![a-z])d[\s_-]?nummer|national[\s_-]?identity[\s_-]?number/i;
/** As Skatteetaten formats it: the birth date, a space, the personnummer (`151086 95088`). */
const SPACED = [6, 5];
const FIRST_CHECK_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const SECOND_CHECK_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** The check digit after the weighted ones: 11 minus their weighted sum mod 11 (11 is 0; 10 is never issued). */
function checkDigitValid(digits: Uint8Array, weights: readonly number[]): boolean {
  return (11 - (weightedSum(digits, weights) % 11)) % 11 === digits[weights.length];
}

/**
 * The birth year's century, from the individual number (digits 7–9) and the
 * two-digit year: 000–499 the 1900s, 500–749 with a year from 54 the 1800s,
 * 500–999 with a year under 40 the 2000s, 900–999 from 40 the 1900s; 0 for
 * the combinations never issued.
 */
function century(individual: number, yy: number): number {
  if (individual < 500) return 1900;
  if (individual < 750 && yy >= 54) return 1800;
  if (yy < 40) return 2000;
  return individual >= 900 ? 1900 : 0;
}

/** DDMMYY in the individual number's century; a D-number adds 40 to the day, an H-number 40 to the month. */
function dateValid(digits: Uint8Array): boolean {
  let day = digits[0]! * 10 + digits[1]!;
  let month = digits[2]! * 10 + digits[3]!;
  const yy = digits[4]! * 10 + digits[5]!;
  const born = century(digits[6]! * 100 + digits[7]! * 10 + digits[8]!, yy);
  if (day > 40) day -= 40;
  if (month > 40) month -= 40;
  return born !== 0 && isRealDate(born + yy, month, day);
}

function accepts(windows: NumericWindows, window: number, input: ScanInput): boolean {
  // Two check digits and a date make `DDMMYY IIIKK` a fødselsnummer wherever it stands;
  // a bare run of 11 digits (a phone number's, an order id's shape) needs a label.
  const spaced = windows.hasShape(window, SPACED) && windows.separator(window, 0) === 32;
  if (!spaced && windows.separatorCount(window) !== 0) return false;
  const digits = windows.digitValues(window);
  if (!checkDigitValid(digits, FIRST_CHECK_WEIGHTS) || !checkDigitValid(digits, SECOND_CHECK_WEIGHTS) || !dateValid(digits)) return false;
  return spaced || hasLabel(input, windows.start(window), LABEL);
}

/** Norwegian national identity number (fødselsnummer) and D-number: two mod-11 check digits, the birth date in it. */
export const noFodselsnummer: Detector = {
  name: 'no_fodselsnummer',
  label: 'NO_FODSELSNUMMER',
  priority: 80,
  nationalId: true,
  detect(input: ScanInput, found: SpanList): void {
    detectInWindows(input, found, 11, 11, accepts);
  },
  normalize: digitsOf,
};
