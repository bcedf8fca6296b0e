import { isDigit } from './chars.js';

/**
 * The Luhn (mod 10) check over the digits of `text[start, end)`, separators
 * skipped: payment cards (checked where written, no digit string built),
 * Swedish personnummer.
 */
export function luhnValid(text: string, start = 0, end = text.length): boolean {
  let sum = 0;
  let double = false;
  for (let k = end - 1; k >= start; k--) {
    const code = text.charCodeAt(k);
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
