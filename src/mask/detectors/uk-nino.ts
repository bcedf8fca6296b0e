import type { Detector, ScanInput, SpanList } from '../detector.js';
import { wordCharAt } from '../lib/chars.js';
import { stickyMatcher } from '../lib/sticky-match.js';

/**
 * HMRC format: prefix letters (first not D F I Q U V, second not D F I O Q U V),
 * six digits, suffix A–D; printed `QQ 12 34 56 C` (spaces or no-break
 * spaces) or compact. The NINO has no
 * check digit, so the suffix is required: without it, `AB123456` is as
 * likely a reference number.
 */
const FIRST_LETTER = 'A-CEGHJ-PR-TW-Z';
const SECOND_LETTER = 'A-CEGHJ-NPR-TW-Z';
const NINO = new RegExp(`(?<![A-Za-z0-9])([${FIRST_LETTER}][${SECOND_LETTER}])[ \u00a0]?(\\d{2})[ \u00a0]?(\\d{2})[ \u00a0]?(\\d{2})[ \u00a0]?([A-D])(?![A-Za-z0-9])`, 'y');

/**
 * The prefix letters' classes as a bit per letter A–Z, tested before the
 * pattern runs: most candidates are IBANs (`IE79 …`, `DE89 …`), and the
 * regex (and its match array) turned each down only at its first letter.
 */
const FIRST_LETTERS = letterBits(FIRST_LETTER);
const SECOND_LETTERS = letterBits(SECOND_LETTER);

function letterBits(letterClass: string): number {
  const member = new RegExp(`^[${letterClass}]$`);
  let bits = 0;
  for (let letter = 0; letter < 26; letter++) if (member.test(String.fromCharCode(65 + letter))) bits |= 1 << letter;
  return bits;
}

/** True when `code` is an upper-case ASCII letter whose bit is set in `letters`. */
function isUpperIn(code: number, letters: number): boolean {
  return code >= 65 && code <= 90 && (letters & (1 << (code - 65))) !== 0;
}

/** Prefixes HMRC never allocates. */
const NOT_ALLOCATED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

/** United Kingdom National Insurance number. */
export const ukNino: Detector = {
  name: 'uk_nino',
  label: 'UK_NINO',
  priority: 80,
  nationalId: true,
  detect(input: ScanInput, found: SpanList): void {
    const { text } = input;
    const runs = input.digitRuns();
    // The first digits start a digit run, right after the two prefix letters
    // (`QQ123456C`) or after them and one space or no-break space (`QQ 12 34 56 C`): the text
    // index lists both kinds of run, and the pattern is tried only there,
    // taking the two lists in text order.
    const compact = input.runsAfterTwoLetters();
    const spaced = input.runsAfterTwoLetterWord();
    const matchAt = stickyMatcher(NINO, text);
    let c = 0;
    let s = 0;
    while (c < compact.length || s < spaced.length) {
      const fromSpaced = c === compact.length || (s < spaced.length && spaced[s]! < compact[c]!);
      const r = fromSpaced ? spaced[s++]! : compact[c++]!;
      const digits = runs[r]!;
      if (runs[r + 1]! - digits < 2) continue;
      const at = fromSpaced ? digits - 3 : digits - 2;
      if (!isUpperIn(text.charCodeAt(at), FIRST_LETTERS) || !isUpperIn(text.charCodeAt(at + 1), SECOND_LETTERS)) continue;
      const match = matchAt(at);
      if (match === null) continue;
      if (wordCharAt(text, match.index - 1) || NOT_ALLOCATED.has(match[1]!)) continue;
      found.add(match.index, match.index + match[0].length);
    }
  },
  normalize(text: string, start: number, end: number): string {
    // Printed `QQ 12 34 56 C` or compact: the compact form.
    return text.slice(start, end).replace(/[ \u00a0]/g, '');
  },
};
