import type { Detector, ScanInput, SpanList } from '../detector.js';
import { hasLabel } from '../lib/context.js';
import { detectInWindows, digitsOf, type NumericWindows } from '../lib/numeric-windows.js';

const LABEL = /ssn|social security|soc\.? ?sec/i;
const SSN_SHAPE = [3, 2, 4];

/** SSA rules: area not 000, 666 or 900–999; group not 00; serial not 0000. */
function rulesValid(digits: string): boolean {
  const area = Number(digits.slice(0, 3));
  const group = Number(digits.slice(3, 5));
  const serial = Number(digits.slice(5));
  return area !== 0 && area !== 666 && area < 900 && group !== 0 && serial !== 0;
}

function accepts(windows: NumericWindows, window: number, input: ScanInput): boolean {
  const separators = windows.separatorCount(window);
  // 3-2-4 (two separators) or bare: decided before any string is built.
  if (separators !== 0 && separators !== 2) return false;
  // AAA-GG-SSSS is the SSN's own shape; SSA rules pass for ~90 % of random
  // 9-digit runs, so bare or space-grouped runs need a label.
  if (windows.hasShape(window, SSN_SHAPE) && windows.uniformSeparators(window, '-')) return rulesValid(windows.digits(window));
  const plain = separators === 0 || (windows.hasShape(window, SSN_SHAPE) && windows.uniformSeparators(window, ' '));
  return plain && rulesValid(windows.digits(window)) && hasLabel(input.text, windows.start(window), input.hint, LABEL);
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
