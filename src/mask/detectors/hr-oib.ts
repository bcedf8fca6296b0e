import type { Detector, ScanInput, SpanList } from '../detector.js';
import { hasLabel } from '../lib/context.js';
import { mod11_10Valid } from '../lib/iso7064.js';
import { detectInWindows, digitsOf, type NumericWindows } from '../lib/numeric-windows.js';

/** The name in any case of the noun phrase (`osobnog identifikacijskog broja`), and `OIB-a`. */
const LABEL = /(?<![a-z])oib(?![a-z])|osobn[a-z]*[\s_-]identifikacijsk[a-z]*[\s_-]broj|personal[\s_-]identification[\s_-]number/i;

function accepts(windows: NumericWindows, window: number, input: ScanInput): boolean {
  // Written as a bare run of eleven digits, the shape of phone numbers and
  // order ids, with one check digit (one run in ten passes) and nothing else
  // to test: found only after its label.
  if (windows.separatorCount(window) !== 0) return false;
  return mod11_10Valid(windows.digitValues(window), 11) && hasLabel(input, windows.start(window), LABEL);
}

/**
 * Croatian personal identification number (osobni identifikacijski broj,
 * OIB): ten random digits and an ISO 7064 MOD 11,10 check digit. Legal
 * persons get one from the same range, so nothing in the number tells them
 * from people: every labelled one is masked.
 */
export const hrOib: Detector = {
  name: 'hr_oib',
  label: 'HR_OIB',
  priority: 80,
  nationalId: true,
  detect(input: ScanInput, found: SpanList): void {
    detectInWindows(input, found, 11, 11, accepts);
  },
  normalize: digitsOf,
};
