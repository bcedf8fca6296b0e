import type { Detector, ScanInput, SpanList } from '../detector.js';
import { hasLabel } from '../lib/context.js';
import { isRealDate } from '../lib/date.js';
import { detectInWindows, digitsOf, type NumericWindows } from '../lib/numeric-windows.js';

const LABEL = /rijksregister|registre national|num[ée]ro national|national[\s_-]?(?:register[\s_-]?)?number|\binsz|\bniss|\bnn\b|\brrn\b/i;
/** As the eID card prints it: `85.07.30-033.28`. */
const PRINTED = [2, 2, 2, 3, 2];
/** As forms write it: `850730-033-28`, `850730 033 28`. */
const GROUPED = [6, 3, 2];

/**
 * The check: 97 minus the first nine digits mod 97, with a 2 before them for
 * someone born in 2000 or later; the century the check holds for, 0 when
 * it holds for none.
 */
function century(digits: Uint8Array): number {
  let base = 0;
  for (let k = 0; k < 9; k++) base = base * 10 + digits[k]!;
  const check = digits[9]! * 10 + digits[10]!;
  if (97 - (base % 97) === check) return 1900;
  return 97 - ((2_000_000_000 + base) % 97) === check ? 2000 : 0;
}

/**
 * YYMMDD in the century the check says: a real date, or a month or day of 0
 * (registered without it). A BIS number (for someone not in the register)
 * adds 20 or 40 to the month.
 */
function dateValid(digits: Uint8Array, century: number): boolean {
  const yy = digits[0]! * 10 + digits[1]!;
  const month = digits[2]! * 10 + digits[3]!;
  const mm = month % 20;
  const bis = Math.floor(month / 20);
  const dd = digits[4]! * 10 + digits[5]!;
  if (bis > 2 || mm > 12 || dd > 31) return false;
  return mm === 0 || dd === 0 || isRealDate(century + yy, mm, dd);
}

function accepts(windows: NumericWindows, window: number, input: ScanInput): boolean {
  // The eID's dotted form is the number's own; a bare run (a phone number's,
  // an order id's shape) or the 6-3-2 groups need a label.
  const printed = windows.hasShape(window, PRINTED) && windows.separator(window, 2) === 45;
  if (!printed && windows.separatorCount(window) !== 0 && !windows.hasShape(window, GROUPED)) return false;
  const digits = windows.digitValues(window);
  const born = century(digits);
  if (born === 0 || !dateValid(digits, born)) return false;
  return printed || hasLabel(input, windows.start(window), LABEL);
}

/** Belgian national register number (rijksregisternummer, numéro de registre national): mod-97 check. */
export const beNationalNumber: Detector = {
  name: 'be_national_number',
  label: 'BE_NATIONAL_NUMBER',
  priority: 80,
  nationalId: true,
  detect(input: ScanInput, found: SpanList): void {
    detectInWindows(input, found, 11, 11, accepts);
  },
  normalize: digitsOf,
};
