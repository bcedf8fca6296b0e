import type { Detector, ScanInput, SpanList } from '../detector.js';
import { hasLabel } from '../lib/context.js';
import { isRealDate } from '../lib/date.js';
import { detectInWindows, digitsOf, type NumericWindows } from '../lib/numeric-windows.js';

const LABEL = /rodn[ée][\s_-]*[čc][íi]slo|birth[\s_-]?number|\bR\.?\s?Č/i;
/** As it is written: `850730/1234`. */
const SLASHED = [6, 4];

/** The ten digits are divisible by 11; numbers issued before 1986 whose remainder was 10 end in 0 instead. */
function checkValid(digits: Uint8Array): boolean {
  let value = 0;
  for (let k = 0; k < 10; k++) value = value * 10 + digits[k]!;
  if (value % 11 === 0) return true;
  return digits[9] === 0 && Math.floor(value / 10) % 11 === 10;
}

/**
 * YYMMDD: women's months add 50, and since 2004 a month may add 20 (or 70)
 * when a day's numbers ran out. Ten-digit numbers were issued from 1954 on.
 */
function dateValid(digits: Uint8Array): boolean {
  const yy = digits[0]! * 10 + digits[1]!;
  let mm = digits[2]! * 10 + digits[3]!;
  const dd = digits[4]! * 10 + digits[5]!;
  if (mm > 50) mm -= 50;
  if (mm > 20) mm -= 20;
  return isRealDate(yy < 54 ? 2000 + yy : 1900 + yy, mm, dd);
}

function accepts(windows: NumericWindows, window: number, input: ScanInput): boolean {
  // The slash is the number's own; a bare run of ten digits (a phone number's, an id's) needs a label.
  const slashed = windows.hasShape(window, SLASHED) && windows.separator(window, 0) === 47;
  if (!slashed && windows.separatorCount(window) !== 0) return false;
  const digits = windows.digitValues(window);
  if (!checkValid(digits) || !dateValid(digits)) return false;
  return slashed || hasLabel(input, windows.start(window), LABEL);
}

/** Czech and Slovak birth number (rodné číslo): mod-11 check, the birth date in it. */
export const czSkBirthNumber: Detector = {
  name: 'cz_sk_birth_number',
  label: 'CZ_SK_BIRTH_NUMBER',
  priority: 80,
  nationalId: true,
  detect(input: ScanInput, found: SpanList): void {
    detectInWindows(input, found, 10, 10, accepts);
  },
  normalize: digitsOf,
};
