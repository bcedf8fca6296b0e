import type { Detector, ScanInput, SpanList } from '../detector.js';
import { hasLabel } from '../lib/context.js';
import { detectInWindows, digitsOf, type NumericWindows } from '../lib/numeric-windows.js';

const LABEL = /ssn|social security|soc\.? ?sec/i;
const SSN_SHAPE = [3, 2, 4];

/** SSA rules: area not 000, 666 or 900–999; group not 00; serial not 0000. */
function rulesValid(digits: Uint8Array): boolean {
  const area = digits[0]! * 100 + digits[1]! * 10 + digits[2]!;
  const group = digits[3]! * 10 + digits[4]!;
  const serial = digits[5]! * 1000 + digits[6]! * 100 + digits[7]! * 10 + digits[8]!;
  return area !== 0 && area !== 666 && area < 900 && group !== 0 && serial !== 0;
}

function accepts(windows: NumericWindows, window: number, input: ScanInput): boolean {
  const separators = windows.separatorCount(window);
  // 3-2-4 (two separators) or bare: decided before the digits are read.
  if (separators !== 0 && separators !== 2) return false;
  // AAA-GG-SSSS is the SSN's own shape; SSA rules pass for ~90 % of random
  // 9-digit runs, so bare or space-grouped runs need a label.
  if (windows.hasShape(window, SSN_SHAPE) && windows.uniformSeparators(window, '-')) return rulesValid(windows.digitValues(window));
  const plain = separators === 0 || (windows.hasShape(window, SSN_SHAPE) && windows.uniformSeparators(window, ' '));
  return plain && rulesValid(windows.digitValues(window)) && hasLabel(input, windows.start(window), LABEL);
}

/** United States Social Security number. */
export const usSsn: Detector = {
  name: 'us_ssn',
  label: 'US_SSN',
  priority: 80,
  detect(input: ScanInput, found: SpanList): void {
    detectInWindows(input, found, 9, 9, accepts);
  },
  normalize: digitsOf,
  partial(value: string): string {
    // The last four digits are what US forms and statements print.
    return `***-**-${value.slice(-4)}`;
  },
};
