import type { Detector, ScanInput, SpanList } from '../detector.js';
import { hasLabel } from '../lib/context.js';
import { isRealDate } from '../lib/date.js';
import { luhnValid } from '../lib/luhn.js';
import { detectInWindows, digitsOf, type NumericWindows } from '../lib/numeric-windows.js';

const LABEL = /person ?n(?:umme)?r|pnr|samordningsnummer|personal identity number/i;
const LONG_WRITTEN = [8, 4];
const SHORT_WRITTEN = [6, 4];

/** Date part YYMMDD (as a number); coordination numbers (samordningsnummer) add 60 to the day. */
function dateValid(yymmdd: number, century: number | undefined): boolean {
  const yy = Math.floor(yymmdd / 10_000);
  const mm = Math.floor(yymmdd / 100) % 100;
  let dd = yymmdd % 100;
  if (dd > 60) dd -= 60;
  // Without the century, accept the date if it is real in either century that can apply.
  if (century !== undefined) return isRealDate(century + yy, mm, dd);
  return isRealDate(1900 + yy, mm, dd) || isRealDate(2000 + yy, mm, dd);
}

/** One `-` or `+` (YYMMDD+NNNN at 100 years or older) between the date and the number. */
function writtenSeparator(windows: NumericWindows, window: number): boolean {
  if (windows.separatorCount(window) !== 1) return false;
  const separator = windows.separator(window, 0);
  return separator === 45 || separator === 43;
}

function accepts(windows: NumericWindows, window: number, input: ScanInput): boolean {
  const digitCount = windows.digitCount(window);
  // 11 digits: neither YYMMDD-NNNN nor YYYYMMDD-NNNN.
  if (digitCount === 11) return false;
  // YYYYMMDD-NNNN or bare YYYYMMDDNNNN; YYMMDD-NNNN, or a labelled bare run.
  const long = digitCount === 12;
  // Written forms have one separator, bare runs none: decided on the shape, before a digit is read.
  const written = windows.hasShape(window, long ? LONG_WRITTEN : SHORT_WRITTEN) && writtenSeparator(windows, window);
  if (!written && windows.separatorCount(window) !== 0) return false;
  let century: number | undefined;
  if (long) {
    const head = windows.leadingDigits(window, 2);
    if (head !== 18 && head !== 19 && head !== 20) return false;
    century = head * 100;
  }
  // The ten digits YYMMDDNNNN, after the century's two (which stand before any separator).
  const yymmdd = windows.leadingDigits(window, long ? 8 : 6) % 1_000_000;
  if (!dateValid(yymmdd, century) || !luhnValid(windows.codes, windows.start(window) + (long ? 2 : 0), windows.end(window))) return false;
  // A bare run needs a label; looked up last, as the costly check.
  return written || hasLabel(input, windows.start(window), LABEL);
}

/** Swedish personal identity number (personnummer) and coordination number. */
export const sePersonnummer: Detector = {
  name: 'se_personnummer',
  label: 'SE_PERSONNUMMER',
  priority: 80,
  nationalId: true,
  detect(input: ScanInput, found: SpanList): void {
    detectInWindows(input, found, 10, 12, accepts);
  },
  normalize: digitsOf,
};
