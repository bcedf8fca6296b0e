import type { Detector, ScanInput, SpanList } from '../detector.js';
import { isAsciiUpper, isDigit, isIsolated } from '../lib/chars.js';
import { isRealDate } from '../lib/date.js';

/** Weights of the twelve digits before the check, the letter counted as two (A = 01 … Z = 26). */
const WEIGHTS = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];

/** The twelve weighted digits, then the check (scratch of `valid`: no array per candidate). */
const values = new Uint8Array(13);

function isSpace(code: number): boolean {
  return code === 32 || code === 0xa0;
}

/** Length of the digit run at offset `r` of `runs` (0, 2, 4, …), 0 past the last. */
function runLength(runs: Int32Array, r: number): number {
  return r + 1 < runs.length ? runs[r + 1]! - runs[r]! : 0;
}

/**
 * Where the number that starts at the digit run at offset `r` ends, 0 when none does:
 * compact (`65170839J003`), or spaced as the card prints it (`65 170839 J
 * 003`), the serial and check apart or not (`65 170839 J 00 3`). A space
 * is a space or a no-break space; spaced and compact are not mixed.
 */
function matchEnd(runs: Int32Array, codes: Uint16Array, r: number): number {
  const length = runLength(runs, r);
  if (length === 8) {
    const letter = runs[r + 1]!;
    return isAsciiUpper(codes[letter]!) && runs[r + 2] === letter + 1 && runLength(runs, r + 2) === 3 ? letter + 4 : 0;
  }
  if (length !== 2 || !isSpace(codes[runs[r + 1]!]!) || runs[r + 2] !== runs[r + 1]! + 1 || runLength(runs, r + 2) !== 6) return 0;
  const letter = runs[r + 3]! + 1;
  if (!isSpace(codes[letter - 1]!) || !isAsciiUpper(codes[letter]!) || !isSpace(codes[letter + 1]!) || runs[r + 4] !== letter + 2) return 0;
  const serial = runLength(runs, r + 4);
  if (serial === 3) return letter + 5;
  return serial === 2 && isSpace(codes[letter + 4]!) && runs[r + 6] === letter + 5 && runLength(runs, r + 6) === 1 ? letter + 6 : 0;
}

/** The insurers' area numbers: 02–29 the regional ones, 38 and 39 railway and sea, 40–79 the federal one (a region's + 40), 80–89 the miners', railway and sea fund. */
function areaValid(area: number): boolean {
  return (area >= 2 && area <= 29) || (area >= 38 && area <= 89);
}

/**
 * DDMMYY. When a day's serials ran out, the day was raised by 32, 64 or 96;
 * an unknown day is written 00, and an unknown month 00 after the day the
 * number was issued (the insurers' joint circular on the reporting procedure).
 */
function dateValid(day: number, month: number, yy: number): boolean {
  const dayOfMonth = day % 32;
  if (month === 0) return dayOfMonth !== 0;
  if (dayOfMonth === 0) return month <= 12;
  return isRealDate(1900 + yy, month, dayOfMonth) || isRealDate(2000 + yy, month, dayOfMonth);
}

/** Area, date and check of the number written in `codes[start, end)`. */
function valid(codes: Uint16Array, start: number, end: number): boolean {
  let count = 0;
  for (let k = start; k < end; k++) {
    const code = codes[k]!;
    if (isDigit(code)) {
      values[count++] = code - 48;
    } else if (isAsciiUpper(code)) {
      const position = code - 64;
      values[count++] = Math.floor(position / 10);
      values[count++] = position % 10;
    }
  }
  const pair = (k: number): number => values[k]! * 10 + values[k + 1]!;
  if (!areaValid(pair(0)) || !dateValid(pair(2), pair(4), pair(6))) return false;
  // The digit sums of the weighted digits, mod 10.
  let sum = 0;
  for (let k = 0; k < 12; k++) {
    const product = WEIGHTS[k]! * values[k]!;
    sum += Math.floor(product / 10) + (product % 10);
  }
  return sum % 10 === values[12];
}

/**
 * German pension insurance number (Rentenversicherungsnummer, the
 * Versicherungsnummer on the social insurance card): area number, birth
 * date DDMMYY, the birth name's initial (upper case as issued), a serial
 * (00–49 men, 50–99 women) and a check digit. Found anywhere: a capital
 * letter between eight digits and three is a rare shape, and of values of
 * that shape about 1 in 100 passes area, date and check by chance. Read from
 * the shared digit runs of eight digits (compact) and of six (spaced, the
 * area's two before them; see `RunsByLength`), then the letter and the serial.
 */
export const deSvnr: Detector = {
  name: 'de_svnr',
  label: 'DE_SVNR',
  priority: 80,
  nationalId: true,
  detect(input: ScanInput, found: SpanList): void {
    const runs = input.digitRuns();
    const byLength = input.digitRunsByLength();
    const codes = input.codeUnits();
    const length = input.text.length;
    // Compact, the number starts with a run of eight digits; spaced, with the area's two before the date's six.
    const count = byLength.ofLengths(6, 8);
    const { merged } = byLength;
    for (let k = 0; k < count; k++) {
      const r = merged[k]!;
      const first = runs[r + 1]! - runs[r]! === 8 ? r : r - 2;
      if (first < 0 || first + 3 >= runs.length) continue;
      const end = matchEnd(runs, codes, first);
      if (end === 0) continue;
      const start = runs[first]!;
      // Not glued to a word, nor a part of a compound token (`ART-65170839J003`).
      if (isIsolated(codes, length, start, end) && valid(codes, start, end)) found.add(start, end);
    }
  },
  normalize(text: string, start: number, end: number): string {
    // Spaced as printed or compact: the compact form.
    return text.slice(start, end).replace(/[ \u00a0]/g, '');
  },
};
