import type { Detector, ScanInput, SpanList } from '../detector.js';
import { holdsNationalId } from '../field-keys.js';
import { eachValue } from '../lib/context.js';
import { digitsOf } from '../lib/numeric-windows.js';

/** A value written as an identifier: letters and digits, the separators ids are printed with, from 5 to 32 characters. */
const ID_SHAPE = /^[\p{L}\d][\p{L}\d ./-]{3,31}$/u;
/** The fewest digits of such a value: a word or a code (`none`, `pending`, `DE`) is no identifier. */
const MIN_DIGITS = 5;

/**
 * A person's national identifier under a key that names one (`"ssn"`,
 * `"national_id"`, `"personal_code"`, `"personas_kods"`, `"sin"`, see
 * `NATIONAL_ID_KEYS`), however it is written: one no detector here validates
 * (a country none of them reads, a number with a typo, a check that fails),
 * which would otherwise pass where the key says what it is. Its priority
 * is below every national id detector's, which, where it finds the value,
 * counts it and gives it its normal form; and above the phone detector's,
 * whose numbering plans take many an id's digit groups for a number.
 */
export const nationalId: Detector = {
  name: 'national_id',
  label: 'NATIONAL_ID',
  priority: 55,
  nationalId: true,
  detect(input: ScanInput, found: SpanList): void {
    if (input.hint === undefined || !holdsNationalId(input.hint)) return;
    const { text } = input;
    eachValue(input, (start, end) => {
      if (ID_SHAPE.test(text.slice(start, end)) && digitsOf(text, start, end).length >= MIN_DIGITS) found.add(start, end);
    });
  },
  normalize(text: string, start: number, end: number): string {
    // Letters and digits alone, in capitals: `850101-12345` and `850101 12345` are one person.
    return text.slice(start, end).replace(/[^\p{L}\d]/gu, '').toUpperCase();
  },
};
