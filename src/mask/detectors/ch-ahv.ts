import type { Detector, ScanInput, SpanList } from '../detector.js';
import { hasLabel } from '../lib/context.js';
import { detectInWindows, digitsOf, weightedSum, type NumericWindows } from '../lib/numeric-windows.js';

/**
 * AHV (German), AVS (French and Italian), AHVN13, OASI (English), the
 * social insurance number's name in German and French, not inside a word
 * (`Avsändare`, Swedish for sender, starts as `AVS`).
 */
const LABEL = /(?<![a-z])(?:ahv(?:n13)?|avs|oasi)(?![a-zäöå])|sozialversicherungs-?n(?:umme)?r|num[ée]ro[\s_-]+(?:d'assur[ée]\s+)?avs|social[\s_-]?security/i;
/** As it is printed on the insurance card: `756.9217.0769.85`. */
const PRINTED = [3, 4, 4, 2];
const DOT = 46;
/** EAN-13's weights: 1 and 3 in turn from the first digit. */
const WEIGHTS = [1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3];
/** Switzerland's country code (ISO 3166 numeric), every number's first three digits. */
const SWITZERLAND = 756;

/** The EAN-13 check: the weighted sum of the first twelve digits and the thirteenth make a multiple of 10. */
function checkDigitValid(digits: Uint8Array): boolean {
  return (weightedSum(digits, WEIGHTS) + digits[12]!) % 10 === 0;
}

/** A dot: what joins the card's digit groups, and a version's or an OID's. */
function isDot(code: number): boolean {
  return code === DOT;
}

function accepts(windows: NumericWindows, window: number, input: ScanInput): boolean {
  if (windows.leadingDigits(window, 3) !== SWITZERLAND) return false;
  const printed = windows.hasShape(window, PRINTED) && windows.uniformSeparators(window, '.');
  if (!printed && windows.separatorCount(window) !== 0) return false;
  if (!checkDigitValid(windows.digitValues(window))) return false;
  // 756.XXXX.XXXX.XX with its check is the number wherever it stands; thirteen bare digits from 756
  // (an EAN-13 barcode's shape, one in ten passing) need a label or a key that names them.
  // No digit group dotted to it: a longer dotted number (a version, an OID) is another thing.
  if (printed) return windows.standsAlone(window, isDot);
  return hasLabel(input, windows.start(window), LABEL);
}

/**
 * Swiss social insurance number (AHV-Nummer, numéro AVS, AHVN13): 756,
 * nine digits and an EAN-13 check, since 2008 every resident's number for
 * pensions, health insurance and taxes.
 */
export const chAhv: Detector = {
  name: 'ch_ahv',
  label: 'CH_AHV',
  priority: 80,
  nationalId: true,
  detect(input: ScanInput, found: SpanList): void {
    detectInWindows(input, found, 13, 13, accepts);
  },
  normalize: digitsOf,
};
