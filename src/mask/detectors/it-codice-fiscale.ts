import type { Detector, ScanInput, SpanList } from '../detector.js';
import { wordCharAt } from '../lib/chars.js';

/**
 * Surname (3 letters), name (3), year (2), month letter, day (2; +40 for
 * women), municipality (letter + 3), control letter. Digits may be replaced
 * by LMNPQRSTUV ("omocodia") when two people would otherwise collide.
 */
const CODICE = /(?<![A-Za-z0-9])[A-Za-z]{6}[0-9LMNPQRSTUVlmnpqrstuv]{2}[ABCDEHLMPRSTabcdehlmprst][0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{3}[A-Za-z](?![A-Za-z0-9])/y;

/** Values of characters in odd positions (1st, 3rd, …) for the control letter. */
const ODD: Record<string, number> = {
  0: 1, 1: 0, 2: 5, 3: 7, 4: 9, 5: 13, 6: 15, 7: 17, 8: 19, 9: 21,
  A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15, H: 17, I: 19, J: 21, K: 2, L: 4, M: 18,
  N: 20, O: 11, P: 3, Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22, X: 25, Y: 24, Z: 23,
};
const OMOCODIA = 'LMNPQRSTUV';

function evenValue(ch: string): number {
  const code = ch.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 65;
}

function controlValid(code: string): boolean {
  let sum = 0;
  for (let k = 0; k < 15; k++) sum += k % 2 === 0 ? ODD[code[k]!]! : evenValue(code[k]!);
  return String.fromCharCode(65 + (sum % 26)) === code[15];
}

/** Day of birth 1–31 (women: 41–71), after undoing omocodia. */
function dayValid(code: string): boolean {
  const digits = [code[9]!, code[10]!].map((ch) => (OMOCODIA.includes(ch) ? String(OMOCODIA.indexOf(ch)) : ch)).join('');
  const day = Number(digits);
  return (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
}

/** Italian tax code (codice fiscale) of a person. */
export const itCodiceFiscale: Detector = {
  name: 'it_codice_fiscale',
  label: 'IT_CODICE_FISCALE',
  priority: 80,
  nationalId: true,
  detect(input: ScanInput, found: SpanList): void {
    const { text } = input;
    // The pattern is exactly 16 ASCII letters and digits between two
    // characters that are neither: a whole 16-character ASCII word, which the
    // text index lists. Only those are tried (a scan of the whole text tried
    // the pattern at every letter).
    const words = input.asciiWords16();
    for (let w = 0; w < words.length; w++) {
      const start = words[w]!;
      CODICE.lastIndex = start;
      const match = CODICE.exec(text);
      if (match === null || wordCharAt(text, start - 1) || wordCharAt(text, start + 16)) continue;
      const code = match[0].toUpperCase();
      if (!dayValid(code) || !controlValid(code)) continue;
      found.add(start, start + 16);
    }
  },
  normalize(text: string, start: number, end: number): string {
    return text.slice(start, end).toUpperCase();
  },
};
