import type { Detection, Detector, NumericWindow, ScanInput } from '../detector.js';
import { hasLabel } from '../lib/context.js';
import { isRealDate } from '../lib/date.js';
import { luhnValid } from '../lib/luhn.js';
import { hasShape } from '../lib/numeric-windows.js';

const LABEL = /person ?n(?:umme)?r|pnr|samordningsnummer|personal identity number/i;

/** Date part YYMMDD; coordination numbers (samordningsnummer) add 60 to the day. */
function dateValid(yymmdd: string, century: number | undefined): boolean {
  const yy = Number(yymmdd.slice(0, 2));
  const mm = Number(yymmdd.slice(2, 4));
  let dd = Number(yymmdd.slice(4, 6));
  if (dd > 60) dd -= 60;
  // Without the century, accept the date if it is real in either century that can apply.
  if (century !== undefined) return isRealDate(century + yy, mm, dd);
  return isRealDate(1900 + yy, mm, dd) || isRealDate(2000 + yy, mm, dd);
}

function accepts(window: NumericWindow, input: ScanInput): string | null {
  if (window.digitCount !== 10 && window.digitCount !== 12) return null;
  // Written forms have one separator, bare runs none: anything else fails below, decided here without building strings.
  if (window.separatorCount > 1) return null;
  const { digits, separators } = window;
  let tenDigits: string;
  let century: number | undefined;
  let written: boolean;
  if (digits.length === 12) {
    // YYYYMMDD-NNNN or bare YYYYMMDDNNNN
    const head = Number(digits.slice(0, 2));
    if (head !== 18 && head !== 19 && head !== 20) return null;
    century = head * 100;
    tenDigits = digits.slice(2);
    written = hasShape(window, [8, 4]) && (separators === '-' || separators === '+');
  } else if (digits.length === 10) {
    // YYMMDD-NNNN (YYMMDD+NNNN at 100 years or older), or a labelled bare run
    tenDigits = digits;
    written = hasShape(window, [6, 4]) && (separators === '-' || separators === '+');
  } else {
    return null;
  }
  if (!written && separators.length !== 0) return null;
  if (!dateValid(tenDigits.slice(0, 6), century) || !luhnValid(tenDigits)) return null;
  // A bare run needs a label; looked up last, as the costly check.
  return written || hasLabel(input.text, window.start, input.hint, LABEL) ? digits : null;
}

/** Swedish personal identity number (personnummer) and coordination number. */
export const sePersonnummer: Detector = {
  name: 'se_personnummer',
  label: 'SE_PERSONNUMMER',
  priority: 80,
  nationalId: true,
  detect(input: ScanInput): Detection[] {
    const found: Detection[] = [];
    for (const window of input.numericWindows()) {
      const value = accepts(window, input);
      if (value !== null) found.push({ start: window.start, end: window.end, value });
    }
    return found;
  },
};
