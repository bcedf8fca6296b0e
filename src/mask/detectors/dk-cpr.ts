import type { Detector, ScanInput, SpanList } from '../detector.js';
import { hasLabel } from '../lib/context.js';
import { isRealDate } from '../lib/date.js';
import { detectInWindows, digitsOf, weightedSum, type NumericWindows } from '../lib/numeric-windows.js';

/** Any name of the number: the Danish `CPR` and the word `personnummer`, which Sweden and Norway use too. */
const LABEL = /(?<![a-z])cpr|personnummer/i;
/** The Danish name alone (CPR, CPR-nr., CPR-nummer). */
const CPR_LABEL = /(?<![a-z])cpr/i;
/** As it is written: `211062-5629`. */
const HYPHENATED = [6, 4];
const WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];

/** The mod-11 check every number met until 2007: the weighted sum of the ten digits is divisible by 11. */
function checkValid(digits: Uint8Array): boolean {
  return weightedSum(digits, WEIGHTS) % 11 === 0;
}

/**
 * The birth year's century, from the serial's first digit (the 7th) and the
 * two-digit year: 0–3 the 1900s; 4 and 9 the 2000s up to 36, else the 1900s;
 * 5–8 the 2000s up to 57, else the 1800s.
 */
function century(seventh: number, yy: number): number {
  if (seventh <= 3) return 1900;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

/** DDMMYY, a real date in the serial's century. */
function dateValid(digits: Uint8Array): boolean {
  const day = digits[0]! * 10 + digits[1]!;
  const month = digits[2]! * 10 + digits[3]!;
  const yy = digits[4]! * 10 + digits[5]!;
  return isRealDate(century(digits[6]!, yy) + yy, month, day);
}

function accepts(windows: NumericWindows, window: number, input: ScanInput): boolean {
  const hyphenated = windows.hasShape(window, HYPHENATED) && windows.separator(window, 0) === 45;
  if (!hyphenated && windows.separatorCount(window) !== 0) return false;
  const digits = windows.digitValues(window);
  if (!dateValid(digits)) return false;
  // DDMMYY-SSSS with a real date and the mod-11 check is a CPR number wherever it stands, as a
  // Swedish YYMMDD-NNNN with its Luhn check is a personnummer; a bare run of ten digits (a phone
  // number's, an epoch time's shape) needs a label.
  if (checkValid(digits)) return hyphenated || hasLabel(input, windows.start(window), LABEL);
  // Numbers issued since 2007 may fail the check (few, mostly to people registered as born on
  // 1 January): a date alone is weak, so they count only after the Danish name. After
  // `personnummer` a value failing mod 11 is likelier a Swedish number, valid or mistyped.
  return hasLabel(input, windows.start(window), CPR_LABEL);
}

/**
 * Danish civil registration number (CPR-nummer, personnummer): DDMMYY-SSSS,
 * the century in the serial's first digit.
 */
export const dkCpr: Detector = {
  name: 'dk_cpr',
  label: 'DK_CPR',
  // As the Swedish personnummer (80), which is listed before it: a value that passes both checks
  // (YYMMDD-NNNN with its Luhn digit, DDMMYY-SSSS divisible by 11) is reported as Swedish. About 6% of
  // CPR numbers do; above it, about 2% of Swedish numbers would be reported as Danish. The Finnish
  // code (81) takes the 3% whose last digit is also its mod-31 check. Either way the value is masked.
  priority: 80,
  nationalId: true,
  detect(input: ScanInput, found: SpanList): void {
    detectInWindows(input, found, 10, 10, accepts);
  },
  normalize: digitsOf,
};
