import type { Detector, ScanInput, SpanList } from '../detector.js';
import { hasLabel } from '../lib/context.js';
import { mod11_10Valid } from '../lib/iso7064.js';
import { detectInWindows, digitsOf, type NumericWindows } from '../lib/numeric-windows.js';

const LABEL = /steuer|identifikationsnummer|id-?nr|\btin\b|tax ?id/i;
const PRINTED = [2, 3, 3, 3];

/** How often each digit occurs (scratch of `structureValid`: no array per candidate). */
const digitCounts = new Int32Array(10);

/**
 * Structure rule (since 2016): in the first ten digits exactly one digit
 * occurs twice or three times (three times never all adjacent), and the
 * first digit is not 0.
 */
function structureValid(digits: Uint8Array): boolean {
  if (digits[0] === 0) return false;
  const counts = digitCounts.fill(0);
  for (let k = 0; k < 10; k++) counts[digits[k]!]!++;
  let repeated = 0;
  let repeatedDigit = -1;
  for (let d = 0; d < 10; d++) {
    const count = counts[d]!;
    if (count > 3) return false;
    if (count >= 2) {
      repeated++;
      repeatedDigit = d;
    }
  }
  if (repeated !== 1) return false;
  if (counts[repeatedDigit] === 3) {
    for (let k = 0; k + 2 < 10; k++) if (digits[k] === repeatedDigit && digits[k + 1] === repeatedDigit && digits[k + 2] === repeatedDigit) return false;
  }
  return true;
}

function accepts(windows: NumericWindows, window: number, input: ScanInput): boolean {
  const separators = windows.separatorCount(window);
  // Printed 2-3-3-3 (three separators) or bare: decided before the digits are read.
  if (separators !== 0 && separators !== 3) return false;
  // Printed on tax letters as "12 345 678 901"; a bare 11-digit run needs a label
  // (looked up last: it is the costly check).
  const printed = windows.hasShape(window, PRINTED) && windows.uniformSeparators(window, ' ');
  if (!printed && separators !== 0) return false;
  const digits = windows.digitValues(window);
  if (!structureValid(digits) || !mod11_10Valid(digits, 11)) return false;
  return printed || hasLabel(input, windows.start(window), LABEL);
}

/** German tax identification number (steuerliche Identifikationsnummer, IdNr). */
export const deSteuerId: Detector = {
  name: 'de_steuer_id',
  label: 'DE_STEUER_ID',
  priority: 80,
  nationalId: true,
  detect(input: ScanInput, found: SpanList): void {
    detectInWindows(input, found, 11, 11, accepts);
  },
  normalize: digitsOf,
};
