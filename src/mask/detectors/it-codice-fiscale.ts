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

/**
 * ODD by character code, and the digit each date character stands for
 * (itself, or its omocodia letter's index): a code is checked where it is
 * written, without an upper-case copy or a string per character.
 */
const ODD_BY_CODE = new Uint8Array(128);
for (const [character, value] of Object.entries(ODD)) ODD_BY_CODE[character.charCodeAt(0)] = value;
const DATE_DIGIT = new Uint8Array(128);
for (let digit = 0; digit < 10; digit++) {
  DATE_DIGIT[48 + digit] = digit;
  DATE_DIGIT[OMOCODIA.charCodeAt(digit)] = digit;
}

/** The upper-case form of an ASCII letter or digit. */
function upper(code: number): number {
  return code >= 97 ? code - 32 : code;
}

/** Values of characters in even positions (2nd, 4th, …): digits 0–9, letters 0–25. */
function evenValue(code: number): number {
  return code <= 57 ? code - 48 : code - 65;
}

/** The control letter of the code written at `start`. */
function controlValid(text: string, start: number): boolean {
  let sum = 0;
  for (let k = 0; k < 15; k++) {
    const code = upper(text.charCodeAt(start + k));
    sum += k % 2 === 0 ? ODD_BY_CODE[code]! : evenValue(code);
  }
  return 65 + (sum % 26) === upper(text.charCodeAt(start + 15));
}

/** Day of birth 1–31 (women: 41–71), after undoing omocodia. */
function dayValid(text: string, start: number): boolean {
  const day = DATE_DIGIT[upper(text.charCodeAt(start + 9))]! * 10 + DATE_DIGIT[upper(text.charCodeAt(start + 10))]!;
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
      // test, not exec: the match is text[start, start + 16), no array needed.
      if (!CODICE.test(text) || wordCharAt(text, start - 1) || wordCharAt(text, start + 16)) continue;
      if (!dayValid(text, start) || !controlValid(text, start)) continue;
      found.add(start, start + 16);
    }
  },
  normalize(text: string, start: number, end: number): string {
    return text.slice(start, end).toUpperCase();
  },
};
