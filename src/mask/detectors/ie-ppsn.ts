import type { Detector, ScanInput, SpanList } from '../detector.js';
import { isAsciiUpper, isIsolated } from '../lib/chars.js';
import { hasLabel } from '../lib/context.js';

/** PPS (No, N, number), its full name in English, and in Irish (uimhir phearsanta). */
const LABEL = /(?<![a-z])pps|personal[\s_-]*public[\s_-]*service|uimhir[\s_-]*phearsanta/i;

/** The check letter: the weighted sum mod 23 is its place here (W for 0). */
const CHECK = 'WABCDEFGHIJKLMNOPQRSTUV';

/**
 * The letters that may follow the check letter, by char code, with what each
 * adds to the check (times 9): A (numbers issued from 2013), B (from 2024)
 * and H (companies and other non-individuals) their place in CHECK; W (a
 * married woman's number), T and X (older numbers) nothing. -1: no second letter.
 */
const SECOND_LETTER_VALUES = new Int8Array(128).fill(-1);
for (const letter of 'ABH') SECOND_LETTER_VALUES[letter.charCodeAt(0)] = CHECK.indexOf(letter);
for (const letter of 'WTX') SECOND_LETTER_VALUES[letter.charCodeAt(0)] = 0;

function isSpace(code: number): boolean {
  return code === 32 || code === 0xa0;
}

/**
 * Irish Personal Public Service Number: seven digits, a check letter and
 * maybe a second letter, upper case as issued (`6433435F`, `6433435OA`,
 * `6433435 OA`). One check letter in 23, and no date to check: seven digits
 * and a letter or two is also the shape of SKUs, part and ticket numbers and
 * upper-case hex (a CRC-32, an HRESULT such as `8007000E`), and 1 in 23 of
 * those passes, 1 in 100 with a second letter. So every form needs a label
 * (or a JSON key that names it). Read from the shared digit runs of seven
 * digits (see `RunsByLength`), then the letters.
 */
export const iePpsn: Detector = {
  name: 'ie_ppsn',
  label: 'IE_PPSN',
  priority: 80,
  nationalId: true,
  detect(input: ScanInput, found: SpanList): void {
    const runs = input.digitRuns();
    const byLength = input.digitRunsByLength();
    const codes = input.codeUnits();
    const length = input.text.length;
    for (let k = byLength.start(7), after = byLength.start(8); k < after; k++) {
      const r = byLength.at(k);
      const start = runs[r]!;
      const digitsEnd = runs[r + 1]!;
      // The letters follow the digits, or one space or no-break space after them.
      const checkAt = isSpace(codes[digitsEnd]!) ? digitsEnd + 1 : digitsEnd;
      const check = codes[checkAt]!;
      if (!isAsciiUpper(check)) continue;
      const second = codes[checkAt + 1]!;
      const secondValue = second < 128 ? SECOND_LETTER_VALUES[second]! : -1;
      const end = secondValue === -1 ? checkAt + 1 : checkAt + 2;
      if (!isIsolated(codes, length, start, end) || check !== checkLetter(codes, start, Math.max(secondValue, 0))) continue;
      if (hasLabel(input, start, LABEL)) found.add(start, end);
    }
  },
  normalize(text: string, start: number, end: number): string {
    // `6433435 OA` or `6433435OA`: the compact form.
    return text.slice(start, end).replace(/[ \u00a0]/g, '');
  },
};

/** The check letter of the seven digits at `start`, with `secondValue` what the second letter adds. */
function checkLetter(codes: Uint16Array, start: number, secondValue: number): number {
  let sum = 9 * secondValue;
  for (let k = 0; k < 7; k++) sum += (8 - k) * (codes[start + k]! - 48);
  return CHECK.charCodeAt(sum % 23);
}
