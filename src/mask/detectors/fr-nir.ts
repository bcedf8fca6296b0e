import type { Detector, ScanInput, SpanList } from '../detector.js';
import { isAsciiWordChar, isDigit, isWordCodeAt } from '../lib/chars.js';

/**
 * NIR ("numéro de sécurité sociale"): sex, YY, MM, department (2 digits or
 * 2A/2B for Corsica), commune, order, then a 2-digit key; compact or in the
 * printed groups `1 84 12 76 451 089 46`. Fixed-size blocks with optional
 * single separators (space or dot), read by hand: a regex there built a match
 * array and strings for every candidate, most of which are dotted IPv4
 * addresses and other numbers that fail on the first blocks.
 */

/** Digits per block after the sex digit: YY, MM, department, commune, order, key. */
const BLOCKS = [2, 2, 2, 3, 3, 2];
const DEPARTMENT_BLOCK = 2;

/**
 * Where the first digit run of a NIR can end: after its blocks of 1, 2, 2, 2,
 * 3, 3, 2 digits (cumulative 1, 3, 5, 7, 10, 13, 15), or at Corsica's `2A`
 * after 6. A bit per run length.
 */
const FIRST_RUN_LENGTHS = (1 << 1) | (1 << 3) | (1 << 5) | (1 << 6) | (1 << 7) | (1 << 10) | (1 << 13) | (1 << 15);

/**
 * A cheap necessary condition before a NIR is read at a run of `length`
 * digits (a length in FIRST_RUN_LENGTHS) followed by `next`: unless the run
 * holds all fifteen characters, a separator or Corsica's letter follows.
 */
function mayStartNir(length: number, next: number): boolean {
  return length === 15 || isSeparator(next) || next === 65 || next === 66 || next === 97 || next === 98;
}

/** A space, no-break space or dot: what a printed NIR's blocks are separated by. */
function isSeparator(code: number): boolean {
  return code === 32 || code === 0xa0 || code === 46;
}

/** Month 01–12, or the INSEE placeholders 20–42 and 50–99 for unknown birth months. */
function monthValid(month: number): boolean {
  return (month >= 1 && month <= 12) || (month >= 20 && month <= 42) || (month >= 50 && month <= 99);
}

/**
 * The end of the NIR-shaped token written from `at` (its sex digit, 1 or 2),
 * or -1: blocks of 2, 2, 2 (or 2A/2B), 3, 3, 2 digits, each after an optional
 * separator, then no ASCII word character. Month and key are checked
 * apart (`nirValid`), since a token of this shape ends the candidates
 * whether or not it is valid.
 */
function readNir(codes: Uint16Array, at: number): number {
  let k = at + 1;
  for (let block = 0; block < BLOCKS.length; block++) {
    const separator = codes[k]!;
    if (isSeparator(separator)) k++;
    const second = codes[k + 1]! | 0x20;
    if (block === DEPARTMENT_BLOCK && codes[k] === 50 && (second === 97 || second === 98)) {
      k += 2; // Corsica: 2A or 2B, either case
      continue;
    }
    for (let end = k + BLOCKS[block]!; k < end; k++) if (!isDigit(codes[k]!)) return -1;
  }
  return isAsciiWordChar(codes[k]!) ? -1 : k;
}

/** The fifteen characters of the NIR being checked, without separators (scratch). */
const characters = new Int32Array(15);

/**
 * True when the NIR token text[start, end) (read by `readNir`) has a valid
 * month and key: key = 97 − (first 13 digits mod 97), with Corsica's 2A → 19
 * and 2B → 18.
 */
function nirValid(codes: Uint16Array, start: number, end: number): boolean {
  let count = 0;
  for (let k = start; k < end; k++) {
    const code = codes[k]!;
    if (!isSeparator(code)) characters[count++] = code;
  }
  const digit = (position: number): number => characters[position]! - 48;
  const corsica = (characters[6]! | 0x20) === 97 ? 19 : (characters[6]! | 0x20) === 98 ? 18 : -1;
  const department = corsica !== -1 ? corsica : digit(5) * 10 + digit(6);
  let remainder = 0;
  for (let position = 0; position < 5; position++) remainder = (remainder * 10 + digit(position)) % 97;
  remainder = (remainder * 100 + department) % 97;
  for (let position = 7; position < 13; position++) remainder = (remainder * 10 + digit(position)) % 97;
  return monthValid(digit(3) * 10 + digit(4)) && 97 - remainder === digit(13) * 10 + digit(14);
}

/** French social security number (NIR / numéro INSEE). */
export const frNir: Detector = {
  name: 'fr_nir',
  label: 'FR_NIR',
  priority: 80,
  nationalId: true,
  detect(input: ScanInput, found: SpanList): void {
    const { text } = input;
    const runs = input.digitRuns();
    // The index's copy of the text (see ScanInput.codeUnits): what is read around every run costs a third of a charCodeAt on the chunk.
    const codes = input.codeUnits();
    // A NIR starts with 1 or 2 that no word character or dot precedes: the
    // start of a digit run. It is read only there, and never from inside the
    // previous one.
    let floor = 0;
    for (let r = 0; r < runs.length; r += 2) {
      const at = runs[r]!;
      const length = runs[r + 1]! - at;
      // The run's length alone turns down most runs (`2024`, `03`), before the text is read.
      if (length > 15 || (FIRST_RUN_LENGTHS & (1 << length)) === 0) continue;
      const first = codes[at]!;
      if ((first !== 49 && first !== 50) || !mayStartNir(length, codes[at + length]!)) continue;
      if (at > 0 && (codes[at - 1] === 46 || isAsciiWordChar(codes[at - 1]!))) continue;
      if (at < floor) continue;
      const end = readNir(codes, at);
      if (end === -1) continue;
      floor = end;
      if (isWordCodeAt(codes, at - 1, text.length) || !nirValid(codes, at, end)) continue;
      found.add(at, end);
    }
  },
  normalize(text: string, start: number, end: number): string {
    // The fifteen characters without the printed separators, Corsica's 2A/2B in upper case.
    return text.slice(start, end).replace(/[ \u00a0.]/g, '').toUpperCase();
  },
};
