import type { Detection, Detector, ScanInput } from '../detector.js';
import { wordCharAt } from '../lib/chars.js';

const LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
/**
 * DNI `12345678Z` and NIE `X1234567L` (optionally `12345678-Z`, `X-1234567-L`; never with a space, which would let `12345678 A` in prose pass one time in 23);
 * the control letter is upper case as issued. Bounded, no nested quantifiers.
 */
const DNI_NIE = /(?<![\w.\-/])([XYZ]-?)?(\d{7,8})-?([A-Z])(?![\w])/g;

/** Spanish national identity (DNI) and foreigner identity (NIE) numbers: mod-23 control letter. */
export const esDniNie: Detector = {
  name: 'es_dni_nie',
  label: 'ES_DNI_NIE',
  priority: 80,
  nationalId: true,
  detect(input: ScanInput): Detection[] {
    const { text } = input;
    const found: Detection[] = [];
    DNI_NIE.lastIndex = 0;
    for (let match = DNI_NIE.exec(text); match !== null; match = DNI_NIE.exec(text)) {
      if (wordCharAt(text, match.index - 1)) continue;
      const prefix = match[1]?.[0];
      const digits = match[2]!;
      const letter = match[3]!;
      // DNI: 8 digits. NIE: X/Y/Z (standing for 0/1/2) and 7 digits.
      if ((prefix === undefined) !== (digits.length === 8)) continue;
      const number = Number(prefix === undefined ? digits : `${'XYZ'.indexOf(prefix)}${digits}`);
      if (LETTERS[number % 23] !== letter) continue;
      found.push({ start: match.index, end: match.index + match[0].length, value: `${prefix ?? ''}${digits}${letter}` });
    }
    return found;
  },
};
