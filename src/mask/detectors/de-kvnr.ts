import type { Detector, ScanInput, SpanList } from '../detector.js';
import { isAsciiUpper, isIsolated } from '../lib/chars.js';
import { hasLabel } from '../lib/context.js';

/**
 * Versichertennummer (and -nr., -Nr.), Krankenversichertennummer, KVNR, KV-Nr.,
 * the health card's (eGK) number, and the English `health insurance number`.
 * Not `Versicherungsnummer`, the pension insurance's (see `de-svnr.ts`).
 */
const LABEL = /versicherten[\s_-]*(?:nummer|nr)|(?<![a-z])kv[\s_-]*n(?:umme)?r|(?<![a-z])egk|health[\s_-]*insurance[\s_-]*(?:number|no\b|id)/i;

/** The check: the letter as two digits (A = 01 … Z = 26) and the next eight digits, weighted 1, 2, 1, 2, …, their digit sums mod 10. */
function checkValid(codes: Uint16Array, letter: number): boolean {
  const position = codes[letter]! - 64;
  let sum = Math.floor(position / 10) + digitSum(2 * (position % 10));
  for (let k = 0; k < 8; k++) sum += digitSum((k % 2 === 0 ? 1 : 2) * (codes[letter + 1 + k]! - 48));
  return sum % 10 === codes[letter + 9]! - 48;
}

function digitSum(product: number): number {
  return product > 9 ? product - 9 : product;
}

/**
 * German health insurance number (Krankenversichertennummer, the
 * unchangeable part printed on the health card): an upper-case letter, eight
 * digits and a check digit (`A123456780`). A letter and nine digits is also
 * the shape of order, ticket and part numbers, one in ten of which passes
 * the check, and the number holds no date: found only after its label or
 * under a key that names it. Read from the shared digit runs of nine digits
 * (see `RunsByLength`), the letter before them.
 */
export const deKvnr: Detector = {
  name: 'de_kvnr',
  label: 'DE_KVNR',
  priority: 80,
  nationalId: true,
  detect(input: ScanInput, found: SpanList): void {
    const runs = input.digitRuns();
    const byLength = input.digitRunsByLength();
    const codes = input.codeUnits();
    const length = input.text.length;
    for (let k = byLength.start(9), after = byLength.start(10); k < after; k++) {
      const r = byLength.at(k);
      const letter = runs[r]! - 1;
      if (letter < 0 || !isAsciiUpper(codes[letter]!) || !isIsolated(codes, length, letter, letter + 10)) continue;
      if (checkValid(codes, letter) && hasLabel(input, letter, LABEL)) found.add(letter, letter + 10);
    }
  },
  normalize(text: string, start: number, end: number): string {
    return text.slice(start, end);
  },
};
