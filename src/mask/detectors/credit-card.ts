import type { Detector, ScanInput, SpanList } from '../detector.js';
import { luhnValid } from '../lib/luhn.js';
import { detectInWindows, digitsOf, type NumericWindows } from '../lib/numeric-windows.js';

/**
 * Issuer prefixes and lengths of the major brands (Visa, Mastercard incl.
 * 2-series, Amex, Discover, JCB, Diners, UnionPay, Maestro). A Luhn-valid
 * number outside these ranges (an order id that happens to pass) survives.
 * `p6` is the number the first six digits form, `n` the digit count.
 *
 * No card of 13 digits counts: Visa stopped issuing them decades ago, and
 * Maestro's shorter numbers are as rare, while 13 digits are the shape of
 * EAN-13 barcodes (Germany's start with 400–440, the UK's with 50) and of
 * Romanian personal numbers (born since 2000: 5 or 6), a tenth of which
 * pass Luhn.
 */
function brandAccepts(p6: number, n: number): boolean {
  const p2 = Math.floor(p6 / 10_000);
  const p3 = Math.floor(p6 / 1000);
  const p4 = Math.floor(p6 / 100);
  if (p6 >= 400_000 && p6 < 500_000) return n === 16 || n === 19; // Visa
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n === 16; // Mastercard
  if (p2 === 34 || p2 === 37) return n === 15; // Amex
  if (p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649)) return n >= 16 && n <= 19; // Discover
  if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19; // JCB
  if (p2 === 36 || p2 === 38 || p2 === 39 || (p3 >= 300 && p3 <= 305) || p3 === 309) return n >= 14 && n <= 19; // Diners
  if (p2 === 62 || (p6 >= 622126 && p6 <= 622925)) return n >= 16 && n <= 19; // UnionPay
  if (p2 === 50 || (p2 >= 56 && p2 <= 58) || p2 === 63 || p2 === 67 || p2 === 68 || p2 === 69) return n >= 16 && n <= 19; // Maestro
  return false;
}

const AMEX_PRINTED = [4, 6, 5];
const DINERS_PRINTED = [4, 6, 4];

/** Card numbers are printed in fours (the last group shorter), or 4-6-5 (Amex) and 4-6-4 (Diners). */
function printedGrouping(windows: NumericWindows, window: number): boolean {
  const groups = windows.groupCount(window);
  if (groups === 1) return true;
  if (windows.hasShape(window, AMEX_PRINTED) || windows.hasShape(window, DINERS_PRINTED)) return true;
  for (let k = 0; k < groups - 1; k++) if (windows.group(window, k) !== 4) return false;
  return windows.group(window, groups - 1) <= 4;
}

const PLUS = 0x2b;

function accepts(windows: NumericWindows, window: number): boolean {
  // A `+` before the digits writes a phone number in its international form (`+4915112345678`); no card is printed so.
  if (windows.codes[windows.start(window) - 1] === PLUS) return false;
  // Bare, or grouped as printed, with all-spaces or all-dashes.
  if (!windows.uniformSeparators(window, ' -') || !printedGrouping(windows, window)) return false;
  return brandAccepts(windows.leadingDigits(window, 6), windows.digitCount(window)) && luhnValid(windows.codes, windows.start(window), windows.end(window));
}

/** Payment card numbers: Luhn, brand prefix and length; bare or grouped by spaces or dashes. */
export const creditCard: Detector = {
  name: 'credit_card',
  label: 'CREDIT_CARD',
  priority: 85,
  detect(input: ScanInput, found: SpanList): void {
    detectInWindows(input, found, 14, 19, accepts);
  },
  normalize: digitsOf,
  partial(value: string): string {
    // PCI DSS allows the last four digits to be shown.
    return `****${value.slice(-4)}`;
  },
};
