import type { Detector, ScanInput, SpanList } from '../detector.js';
import { wordCharAt } from '../lib/chars.js';
import { stickyMatcher } from '../lib/sticky-match.js';

const LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
/**
 * DNI `12345678Z` and NIE `X1234567L` (optionally `12345678-Z`, `X-1234567-L`; never with a space, which would let `12345678 A` in prose pass one time in 23);
 * the control letter is upper case as issued. Bounded, no nested quantifiers.
 */
const DNI_NIE = /(?<![\w.\-/])([XYZ]-?)?(\d{7,8})-?([A-Z])(?![\w])/y;

function isNiePrefix(code: number): boolean {
  return code === 88 || code === 89 || code === 90;
}

/** Spanish national identity (DNI) and foreigner identity (NIE) numbers: mod-23 control letter. */
export const esDniNie: Detector = {
  name: 'es_dni_nie',
  label: 'ES_DNI_NIE',
  priority: 80,
  nationalId: true,
  detect(input: ScanInput, found: SpanList): void {
    const { text } = input;
    const runs = input.digitRuns();
    // The index's copy of the text (see ScanInput.codeUnits): what is read around every run costs a third of a charCodeAt on the chunk.
    const codes = input.codeUnits();
    // A match's digits are one whole run of 7 or 8 (a digit or letter must not
    // touch them), so the pattern is tried only where such a run, or its X/Y/Z
    // prefix, starts: those runs alone are visited, in text order.
    const matchAt = stickyMatcher(DNI_NIE, text);
    const byLength = input.digitRunsByLength();
    const count = byLength.ofLengths(7, 8);
    const { merged } = byLength;
    for (let k = 0; k < count; k++) {
      const r = merged[k]!;
      const runStart = runs[r]!;
      const runLength = runs[r + 1]! - runStart;
      // The control letter (or the dash before it) follows the run: most runs
      // of this length (phone numbers, dates) are turned down without the regex.
      const next = codes[runStart + runLength]!;
      if (next !== 45 && (next < 65 || next > 90)) continue;
      const before = runStart > 0 ? codes[runStart - 1]! : 0;
      const at = isNiePrefix(before) ? runStart - 1 : before === 45 && runStart > 1 && isNiePrefix(codes[runStart - 2]!) ? runStart - 2 : runStart;
      const match = matchAt(at);
      if (match === null) continue;
      if (wordCharAt(text, match.index - 1)) continue;
      const prefix = match[1]?.[0];
      const digits = match[2]!;
      const letter = match[3]!;
      // DNI: 8 digits. NIE: X/Y/Z (standing for 0/1/2) and 7 digits.
      if ((prefix === undefined) !== (digits.length === 8)) continue;
      const number = Number(prefix === undefined ? digits : `${'XYZ'.indexOf(prefix)}${digits}`);
      if (LETTERS[number % 23] !== letter) continue;
      found.add(match.index, match.index + match[0].length);
    }
  },
  normalize(text: string, start: number, end: number): string {
    // Prefix, digits and letter without the optional dashes.
    return text.slice(start, end).replaceAll('-', '');
  },
};
