import type { Detector, ScanInput, SpanList } from '../detector.js';
import { hasLabel } from '../lib/context.js';
import { detectInWindows, digitsOf, type NumericWindows } from '../lib/numeric-windows.js';

const LABEL = /\bbsn|burgerservice|sofi/i;
const PRINTED = [4, 2, 3];
const THREES = [3, 3, 3];

/** The "elfproef": 9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 (mod 11), never all zeros. */
function elevenProof(digits: Uint8Array): boolean {
  let sum = 0;
  for (let k = 0; k < 8; k++) sum += (9 - k) * digits[k]!;
  sum -= digits[8]!;
  return sum % 11 === 0 && sum !== 0;
}

function accepts(windows: NumericWindows, window: number, input: ScanInput): boolean {
  const separators = windows.separatorCount(window);
  // 4-2-3 or 3-3-3 (two separators) or bare: decided before the digits are read.
  if (separators !== 0 && separators !== 2) return false;
  // "1234.56.782" is how the BSN is printed on Dutch documents; a bare run or
  // 3-3-3 groups need a label. Cheap checks first: the label lookup is the costly one.
  const printed = windows.hasShape(window, PRINTED) && windows.uniformSeparators(window, '.');
  const plain = separators === 0 || (windows.hasShape(window, THREES) && windows.uniformSeparators(window, ' .-'));
  if (!printed && !plain) return false;
  if (!elevenProof(windows.digitValues(window))) return false;
  return printed || hasLabel(input, windows.start(window), LABEL);
}

/** Dutch citizen service number (burgerservicenummer). */
export const nlBsn: Detector = {
  name: 'nl_bsn',
  label: 'NL_BSN',
  priority: 80,
  nationalId: true,
  detect(input: ScanInput, found: SpanList): void {
    detectInWindows(input, found, 9, 9, accepts);
  },
  normalize: digitsOf,
};
