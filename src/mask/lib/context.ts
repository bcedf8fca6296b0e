/**
 * Label context for identifiers that are bare digit runs (a 9-digit SSN or
 * BSN, an 11-digit PESEL or Steuer-ID). Their checksums pass for 2–90 % of
 * random digit strings of the same length, so order ids, epoch seconds and
 * phone numbers would be destroyed if checksum alone decided. They count
 * only with a label before them (`PESEL: 44051401359`) or as the value of a
 * JSON key that names them (`"ssn": "…"`).
 */
import type { ScanInput, SpanList } from '../detector.js';
import { isBlank } from './chars.js';

/** How far back a label may stand (characters): "Steuerliche Identifikationsnummer: " fits. */
export const LABEL_WINDOW = 48;

/**
 * Short values masked together (the string values of one JSON key, see
 * `masker.ts`) are joined by this character into one text to scan
 * (`ScanInput.joined`), and each must be read as if it stood alone. To
 * every detector it is what the start or end of a text is: no digit,
 * letter, separator, joiner or word character; and in a joined text no
 * label before it counts (see `textBefore`).
 */
export const VALUE_SEPARATOR = '\u0000';

/** The up to `width` characters before `start` that a label may stand in: in a joined text, not across a VALUE_SEPARATOR. */
export function textBefore(input: ScanInput, start: number, width: number): string {
  const window = input.text.slice(Math.max(0, start - width), start);
  const cut = input.joined ? window.lastIndexOf(VALUE_SEPARATOR) : -1;
  return cut === -1 ? window : window.slice(cut + 1);
}

/**
 * True when `keywords` matches the JSON key hint or the text just before
 * `start`. `keywords` must be a non-global, case-insensitive regex.
 */
export function hasLabel(input: ScanInput, start: number, keywords: RegExp): boolean {
  if (input.hint !== undefined && keywords.test(input.hint)) return true;
  return keywords.test(textBefore(input, start, LABEL_WINDOW));
}

/**
 * Calls `visit` with each value of the text, blanks around it left out: the
 * text itself, or each of the values a joined text holds (see
 * `ScanInput.joined`). For a detector that reads a value under its key as
 * a whole (a phone's, an e-mail address's).
 */
export function eachValue(input: ScanInput, visit: (start: number, end: number) => void): void {
  const { text } = input;
  for (let start = 0, end = 0; start <= text.length; start = end + 1) {
    end = input.joined ? text.indexOf(VALUE_SEPARATOR, start) : -1;
    if (end === -1) end = text.length;
    let from = start;
    let to = end;
    while (from < to && isBlankOrNoBreak(text.charCodeAt(from))) from++;
    while (to > from && isBlankOrNoBreak(text.charCodeAt(to - 1))) to--;
    if (from < to) visit(from, to);
  }
}

/** A blank (see `isBlank`) or a no-break space. */
function isBlankOrNoBreak(code: number): boolean {
  return isBlank(code) || code === 0xa0;
}

/**
 * Calls `visit` with each value of the text (see `eachValue`) that none of
 * the first `count` spans of `found` overlaps: what a detector that reads a
 * value under its key as a whole (a phone's, an e-mail address's) may still
 * take after its own search. Each span is placed by a binary search over the
 * values: linear in values and spans however many of each a joined text holds.
 */
export function eachValueWithout(input: ScanInput, found: SpanList, count: number, visit: (start: number, end: number) => void): void {
  const starts: number[] = [];
  const ends: number[] = [];
  eachValue(input, (start, end) => {
    starts.push(start);
    ends.push(end);
  });
  const taken = new Uint8Array(starts.length);
  for (let k = 0; k < count; k++) {
    // The last value that starts before the span ends: the only one it may overlap (no span holds a separator).
    let low = 0;
    let high = starts.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (starts[middle]! < found.ends[k]!) low = middle + 1;
      else high = middle - 1;
    }
    if (high >= 0 && ends[high]! > found.starts[k]!) taken[high] = 1;
  }
  for (let value = 0; value < starts.length; value++) if (taken[value] === 0) visit(starts[value]!, ends[value]!);
}
