import type { Detector, ScanInput, SpanList } from '../detector.js';
import { isAsciiUpper, isDigit, isWordChar } from '../lib/chars.js';
import { isRealDate } from '../lib/date.js';

/**
 * The machine-readable zone of a passport, an identity card or a visa (ICAO
 * 9303), as a scanner or OCR prints it: lines of 44 (a passport, TD3), 36
 * (TD2) or 30 (an identity card, TD1) characters of `A`–`Z`, `0`–`9` and the
 * filler `<`. It holds the holder's names, birth date, sex, nationality and
 * document number: each line is masked whole.
 *
 * The line of data is found by its check digits (document number, birth
 * date, expiry and the composite over them; a real birth date too), which a
 * random line passes about once in 10⁴ × 30; the name line beside it (above
 * a passport's, below an identity card's) then by its place. A passport's
 * and a TD2 document's data line holds all its checks, so it is found
 * alone; an identity card's needs the line above it, which holds the
 * document number. Linear: each run of zone characters that holds a `<` is
 * read once, and a line beside it (read to check it) only for a run of a
 * line's length.
 */
export const mrz: Detector = {
  name: 'mrz',
  label: 'MRZ',
  // Above every id: the digits inside a zone are the zone's.
  priority: 90,
  nationalId: true,
  detect(input: ScanInput, found: SpanList): void {
    const codes = input.codeUnits();
    const { text } = input;
    for (let filler = text.indexOf('<'); filler !== -1; ) {
      // The whole run of zone characters around the filler: it starts after the end of the run before, which no zone character follows.
      let start = filler;
      while (start > 0 && isZoneCode(codes[start - 1]!)) start--;
      let end = filler + 1;
      while (isZoneCode(codes[end]!)) end++;
      // Not glued to a word (`xL898…`).
      const length = (start > 0 && isWordChar(codes[start - 1]!)) || isWordChar(codes[end]!) ? 0 : end - start;
      if (length === PASSPORT || length === TD2) {
        if (dataLineValid(codes, start, length)) {
          // The name line above starts with the document's type: `P` a passport's, `A`, `C`, `I` or `V` a TD2 document's.
          const above = lineBeside(codes, start, end, -1, length);
          if (above !== -1 && (length === PASSPORT ? 'P' : 'ACIV').includes(String.fromCharCode(codes[above]!))) found.add(above, above + length);
          found.add(start, end);
        }
      } else if (length === IDENTITY_CARD) {
        const above = lineBeside(codes, start, end, -1, IDENTITY_CARD);
        if (above !== -1 && identityCardValid(codes, above, start)) {
          found.add(above, above + IDENTITY_CARD);
          found.add(start, end);
          const below = lineBeside(codes, start, end, 1, IDENTITY_CARD);
          if (below !== -1) found.add(below, below + IDENTITY_CARD);
        }
      }
      filler = text.indexOf('<', end);
    }
  },
  normalize(text: string, start: number, end: number): string {
    return text.slice(start, end);
  },
};

const PASSPORT = 44;
const TD2 = 36;
const IDENTITY_CARD = 30;
const FILLER = 0x3c;
const LINE_FEED = 0x0a;
const RETURN = 0x0d;

function isZoneCode(code: number): boolean {
  return isAsciiUpper(code) || isDigit(code) || code === FILLER;
}

/** Whether a character beside a line glues it to more: a zone character or a word's (the 0s after the text do not). */
function touches(code: number): boolean {
  return code === FILLER || isWordChar(code);
}

/** A character's value in a check: digits their own, `A`–`Z` 10–35, the filler 0. */
function valueOf(code: number): number {
  return isDigit(code) ? code - 48 : isAsciiUpper(code) ? code - 55 : 0;
}

const WEIGHTS = [7, 3, 1];

/** The check digit of codes[start, end), continuing a sum over `weighed` characters before. */
function checkSum(codes: Uint16Array, start: number, end: number, sum = 0, weighed = 0): number {
  for (let k = start; k < end; k++, weighed++) sum += valueOf(codes[k]!) * WEIGHTS[weighed % 3]!;
  return sum;
}

/** Whether codes[start, end) checks to the digit at `end` (a filler stands for 0 where the field is empty). */
function checks(codes: Uint16Array, start: number, end: number): boolean {
  const check = codes[end]!;
  return (isDigit(check) ? check - 48 : check === FILLER ? 0 : -1) === checkSum(codes, start, end) % 10;
}

/** Six digits YYMMDD at `start` that are a real date in the last century or this one. */
function dateAt(codes: Uint16Array, start: number): boolean {
  for (let k = start; k < start + 6; k++) if (!isDigit(codes[k]!)) return false;
  const two = (k: number): number => (codes[start + k]! - 48) * 10 + codes[start + k + 1]! - 48;
  return isRealDate(1900 + two(0), two(2), two(4)) || isRealDate(2000 + two(0), two(2), two(4));
}

/**
 * A passport's (TD3) or a TD2 document's line of data at `start`, `length`
 * long: document number and check, nationality, birth date and check, sex,
 * expiry and check, the optional data (a passport's personal number, with
 * its check), and the composite check over them all.
 */
function dataLineValid(codes: Uint16Array, start: number, length: number): boolean {
  const at = (k: number): number => start + k;
  const sex = codes[at(20)]!;
  if (!checks(codes, at(0), at(9)) || !dateAt(codes, at(13)) || !checks(codes, at(13), at(19))) return false;
  if (sex !== 0x4d && sex !== 0x46 && sex !== 0x58 && sex !== FILLER) return false;
  if (!checks(codes, at(21), at(27))) return false;
  if (length === PASSPORT && !checks(codes, at(28), at(42))) return false;
  // The composite: document number with its check, birth date with its, expiry and the rest.
  let sum = checkSum(codes, at(0), at(10));
  sum = checkSum(codes, at(13), at(20), sum, 10);
  sum = checkSum(codes, at(21), at(length - 1), sum, 17);
  return codes[at(length - 1)]! - 48 === sum % 10;
}

/**
 * An identity card's (TD1) first two lines, at `first` and `second`: the
 * document number and its check on the first, birth date, sex and expiry
 * with their checks on the second, and the composite over both.
 */
function identityCardValid(codes: Uint16Array, first: number, second: number): boolean {
  if (!checks(codes, first + 5, first + 14) || !dateAt(codes, second) || !checks(codes, second, second + 6) || !checks(codes, second + 8, second + 14)) return false;
  let sum = checkSum(codes, first + 5, first + 30);
  sum = checkSum(codes, second, second + 7, sum, 25);
  sum = checkSum(codes, second + 8, second + 15, sum, 32);
  sum = checkSum(codes, second + 18, second + 29, sum, 39);
  return codes[second + 29]! - 48 === sum % 10;
}

/**
 * Where the line of `length` zone characters right above (`side` -1) or
 * below (1) the line codes[start, end) starts, if it is one (a line break,
 * `\r\n` too, between them); -1 when it is not.
 */
function lineBeside(codes: Uint16Array, start: number, end: number, side: -1 | 1, length: number): number {
  let k = side === -1 ? start - 1 : end;
  if (side === -1) {
    if (codes[k] !== LINE_FEED) return -1;
    if (k > 0 && codes[k - 1] === RETURN) k--;
    const lineStart = k - length;
    if (lineStart < 0 || (lineStart > 0 && touches(codes[lineStart - 1]!))) return -1;
    for (let j = lineStart; j < k; j++) if (!isZoneCode(codes[j]!)) return -1;
    return lineStart;
  }
  if (codes[k] === RETURN) k++;
  if (codes[k] !== LINE_FEED) return -1;
  const lineStart = k + 1;
  for (let j = lineStart; j < lineStart + length; j++) if (!isZoneCode(codes[j]!)) return -1;
  return touches(codes[lineStart + length]!) ? -1 : lineStart;
}
