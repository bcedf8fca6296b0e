import { isDigit } from './chars.js';

/**
 * The Luhn (mod 10) check over the digits among the code units
 * `codes[start, end)` (see `ScanInput.codeUnits`), separators skipped: payment cards
 * and Swedish personnummer, checked where written (no digit string built).
 */
export function luhnValid(codes: Uint16Array, start: number, end: number): boolean {
  let sum = 0;
  let double = false;
  for (let k = end - 1; k >= start; k--) {
    const code = codes[k]!;
    if (!isDigit(code)) continue;
    let d = code - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}
