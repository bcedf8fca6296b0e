import type { Detector, ScanInput, SpanList } from '../detector.js';
import { hasLabel } from '../lib/context.js';
import { isRealDate } from '../lib/date.js';
import { detectInWindows, digitsOf, weightedSum, type NumericWindows } from '../lib/numeric-windows.js';

/**
 * EMŠO (also without its háček), the JMBG of the other former Yugoslav
 * republics in Latin and Cyrillic letters, not inside a word, and their
 * full names. Case-insensitive without the u flag, which folds Cyrillic
 * and `Š` too.
 */
const LABEL =
  /(?<![a-zšžčа-я])(?:em[šs]o|jmbg|јмбг)(?![a-zšžčа-я])|enotn[ae][\s_-]+mati[čc]n[ae][\s_-]+[šs]tevilk|jedinstven[iío][\s_-]+mati[čc]n[iío][\s_-]+broj|unique[\s_-]+master[\s_-]+citizen[\s_-]+number/i;
const WEIGHTS = [7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** DDMMYYY: the year's last three digits, 800–999 in the 1000s (1800–1999), the rest in the 2000s. */
function dateValid(digits: Uint8Array): boolean {
  const day = digits[0]! * 10 + digits[1]!;
  const month = digits[2]! * 10 + digits[3]!;
  const yyy = digits[4]! * 100 + digits[5]! * 10 + digits[6]!;
  return isRealDate(yyy < 800 ? 2000 + yyy : 1000 + yyy, month, day);
}

/** 11 less the weighted sum of the first twelve digits mod 11 (0 for 11); a remainder of 1 (a check of 10) is never issued. */
function checkDigitValid(digits: Uint8Array): boolean {
  const remainder = weightedSum(digits, WEIGHTS) % 11;
  return remainder !== 1 && (11 - remainder) % 11 === digits[12];
}

function accepts(windows: NumericWindows, window: number, input: ScanInput): boolean {
  // A bare run of thirteen digits, an EAN-13 barcode's shape, of which about one in 300 holds a
  // date and passes the check: found only after its label or under a key that names it.
  if (windows.separatorCount(window) !== 0) return false;
  const digits = windows.digitValues(window);
  return dateValid(digits) && checkDigitValid(digits) && hasLabel(input, windows.start(window), LABEL);
}

/**
 * Slovenia's unique master citizen number (enotna matična številka
 * občana, EMŠO), as the other former Yugoslav republics' JMBG is written:
 * the birth date DDMMYYY, the region of registration, a serial (000–499
 * men, 500–999 women) and a mod-11 check.
 */
export const siEmso: Detector = {
  name: 'si_emso',
  label: 'SI_EMSO',
  priority: 80,
  nationalId: true,
  detect(input: ScanInput, found: SpanList): void {
    detectInWindows(input, found, 13, 13, accepts);
  },
  normalize: digitsOf,
};
