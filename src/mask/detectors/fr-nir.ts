import type { Detector, ScanInput, SpanList } from '../detector.js';
import { isAsciiWordChar, wordCharAt } from '../lib/chars.js';
import { stickyMatcher } from '../lib/sticky-match.js';

/**
 * NIR ("numéro de sécurité sociale"): sex, YY, MM, department (2 digits or
 * 2A/2B for Corsica), commune, order, then a 2-digit key; compact or in the
 * printed groups `1 84 12 76 451 089 46`. Fixed-size blocks with optional
 * single separators: bounded, no nested quantifiers.
 */
const NIR = /(?<![\w.])([12])[ .]?(\d{2})[ .]?(\d{2})[ .]?(\d{2}|2[ABab])[ .]?(\d{3})[ .]?(\d{3})[ .]?(\d{2})(?![\w])/y;

/**
 * Where the first digit run of a NIR can end: after its blocks of 1, 2, 2, 2,
 * 3, 3, 2 digits (cumulative 1, 3, 5, 7, 10, 13, 15), or at Corsica's `2A`
 * after 6. A bit per run length.
 */
const FIRST_RUN_LENGTHS = (1 << 1) | (1 << 3) | (1 << 5) | (1 << 6) | (1 << 7) | (1 << 10) | (1 << 13) | (1 << 15);

/**
 * A cheap necessary condition before the pattern is tried at a run of
 * `length` digits followed by `next`: the run ends at a block boundary, and
 * unless it holds all fifteen characters a separator or Corsica's letter follows.
 */
function mayStartNir(length: number, next: number): boolean {
  if (length > 15 || (FIRST_RUN_LENGTHS & (1 << length)) === 0) return false;
  return length === 15 || next === 32 || next === 46 || next === 65 || next === 66 || next === 97 || next === 98;
}

/** Month 01–12, or the INSEE placeholders 20–42 and 50–99 for unknown birth months. */
function monthValid(month: number): boolean {
  return (month >= 1 && month <= 12) || (month >= 20 && month <= 42) || (month >= 50 && month <= 99);
}

/** key = 97 − (first 13 digits mod 97), with Corsica's 2A → 19 and 2B → 18. */
function keyValid(thirteen: string, key: number): boolean {
  let remainder = 0;
  for (let k = 0; k < thirteen.length; k++) remainder = (remainder * 10 + (thirteen.charCodeAt(k) - 48)) % 97;
  return 97 - remainder === key;
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
    // A match starts with 1 or 2 that no word character or dot precedes: the
    // start of a digit run. The pattern is tried only there.
    const matchAt = stickyMatcher(NIR, text);
    for (let r = 0; r < runs.length; r += 2) {
      const at = runs[r]!;
      const first = text.charCodeAt(at);
      if ((first !== 49 && first !== 50) || !mayStartNir(runs[r + 1]! - at, text.charCodeAt(runs[r + 1]!))) continue;
      const before = text.charCodeAt(at - 1);
      if (before === 46 || isAsciiWordChar(before)) continue;
      const match = matchAt(at);
      if (match === null) continue;
      const [whole, sex, year, month, department, commune, order, key] = match as unknown as string[];
      if (wordCharAt(text, match.index - 1) || !monthValid(Number(month))) continue;
      const upperDepartment = department!.toUpperCase();
      const numericDepartment = upperDepartment === '2A' ? '19' : upperDepartment === '2B' ? '18' : upperDepartment;
      if (!keyValid(`${sex}${year}${month}${numericDepartment}${commune}${order}`, Number(key))) continue;
      found.add(match.index, match.index + whole!.length);
    }
  },
  normalize(text: string, start: number, end: number): string {
    // The fifteen characters without the printed separators, Corsica's 2A/2B in upper case.
    return text.slice(start, end).replace(/[ .]/g, '').toUpperCase();
  },
};
