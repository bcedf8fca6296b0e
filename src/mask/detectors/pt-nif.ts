import type { Detector, ScanInput, SpanList } from '../detector.js';
import { hasLabel } from '../lib/context.js';
import { detectInWindows, digitsOf, type NumericWindows } from '../lib/numeric-windows.js';

/** `NIF` not inside a word (`manifest`), the Portuguese names, and the English `tax(payer) (identification) number`. */
const LABEL = /(?<![a-z])nif(?![a-z])|contribuinte|identifica[çc][ãa]o[\s_-]?fiscal|tax(?:payer)?[\s_-]?(?:identification[\s_-]?)?(?:number|no\b)/i;
/** As forms and invoices write it: `123 456 789`. */
const THREES = [3, 3, 3];

/**
 * A person's number: the ranges 1–3 (residents) and 45 (non-residents taxed
 * at source). The other ranges are legal persons' (5 companies, 6 public
 * bodies, 7x estates and funds, 9x condominiums and partnerships), printed
 * on every invoice and listed in public registers: masking them would take
 * business data from the results without protecting anyone.
 */
function personal(windows: NumericWindows, window: number): boolean {
  const head = windows.leadingDigits(window, 2);
  return (head >= 10 && head < 40) || head === 45;
}

/** Weights 9 to 2 over the first eight digits; the check is 11 minus the sum mod 11, 10 and 11 written 0. */
function checkDigitValid(digits: Uint8Array): boolean {
  let sum = 0;
  for (let k = 0; k < 8; k++) sum += (9 - k) * digits[k]!;
  const remainder = sum % 11;
  return (remainder < 2 ? 0 : 11 - remainder) === digits[8];
}

function accepts(windows: NumericWindows, window: number, input: ScanInput): boolean {
  // Bare or in three groups of three; either way a label: the check passes for
  // one run in ten, the number holds no date, and nine digits are a phone number's,
  // an order id's or a Dutch or US id's shape.
  if (windows.separatorCount(window) !== 0 && !(windows.hasShape(window, THREES) && windows.uniformSeparators(window, ' '))) return false;
  if (!personal(windows, window) || !checkDigitValid(windows.digitValues(window))) return false;
  return hasLabel(input, windows.start(window), LABEL);
}

/** Portuguese tax identification number (número de identificação fiscal, NIF) of a natural person. */
export const ptNif: Detector = {
  name: 'pt_nif',
  label: 'PT_NIF',
  priority: 80,
  nationalId: true,
  detect(input: ScanInput, found: SpanList): void {
    detectInWindows(input, found, 9, 9, accepts);
  },
  normalize: digitsOf,
};
