import type { NumericWindow } from '../detector.js';
import { isDigit, isIsolated, wordCharAt } from './chars.js';

/** Fewest digits of any numeric id handled through windows (SSN, BSN). */
const MIN_DIGITS = 9;
/** Most digits (payment cards). */
const MAX_DIGITS = 19;
/** Longest written form: 19 card digits with four separators. */
const MAX_LENGTH = 24;

function isSeparator(code: number): boolean {
  // space, no-break space, - . / and + (Swedish personnummer for people over 100)
  return code === 32 || code === 0xa0 || code === 45 || code === 46 || code === 47 || code === 43;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 0xa0;
}

/**
 * Cuts `text` into numeric tokens (digit groups joined by single separators)
 * and returns every candidate window of 9–19 digits: a prefix or suffix of
 * whole space-delimited chunks of one token that stands alone (see
 * `isIsolated`). Windows never start or end inside a chunk, so
 * `2024-000123-45` and UUID fragments are never cut into an id. One pass, at
 * most MAX_LENGTH windows per token: linear in the text length.
 */
export function findNumericWindows(text: string): NumericWindow[] {
  const windows: NumericWindow[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    // A token: digits with single separators between them.
    const tokenStart = i;
    let digitCount = 0;
    while (i < length) {
      const code = text.charCodeAt(i);
      if (isDigit(code)) {
        digitCount++;
        i++;
      } else if (isSeparator(code) && i + 1 < length && isDigit(text.charCodeAt(i + 1))) {
        i++;
      } else {
        break;
      }
    }
    // A token glued to a word ("DE89 3704 …", "ID12 345 …") belongs to that word: no window in it.
    if (digitCount >= MIN_DIGITS && !wordCharAt(text, tokenStart - 1)) collectWindows(text, tokenStart, i, digitCount, windows);
  }
  return windows;
}

/** Scratch buffers for chunk boundaries, reused across tokens (no allocation per token). */
let chunkStarts = new Int32Array(64);
let chunkDigits = new Int32Array(64);

function collectWindows(text: string, tokenStart: number, tokenEnd: number, digitCount: number, out: NumericWindow[]): void {
  // Chunks: the space-delimited parts of the token, with their digit counts.
  let chunks = 0;
  let digits = 0;
  let chunkStart = tokenStart;
  for (let k = tokenStart; k <= tokenEnd; k++) {
    const code = k < tokenEnd ? text.charCodeAt(k) : 32;
    if (isSpace(code)) {
      if (chunks === chunkStarts.length) {
        const grownStarts = new Int32Array(chunks * 2);
        grownStarts.set(chunkStarts);
        chunkStarts = grownStarts;
        const grownDigits = new Int32Array(chunks * 2);
        grownDigits.set(chunkDigits);
        chunkDigits = grownDigits;
      }
      chunkStarts[chunks] = chunkStart;
      chunkDigits[chunks] = digits;
      chunks++;
      chunkStart = k + 1;
      digits = 0;
    } else if (isDigit(code)) {
      digits++;
    }
  }
  if (chunks === 1) {
    // The common case: one chunk, one window.
    if (digitCount <= MAX_DIGITS && tokenEnd - tokenStart <= MAX_LENGTH && isIsolated(text, tokenStart, tokenEnd)) out.push(describe(text, tokenStart, tokenEnd));
    return;
  }
  // Windows are prefixes and suffixes of the token: an id is written alone or
  // next to other numbers on one side ("4111 1111 1111 1111 12/27"), rarely
  // in the middle of a longer run of numbers. That keeps the count per token
  // to at most 2 × MAX_LENGTH/2 however long the token is.
  const last = chunks - 1;
  digits = 0;
  for (let d = 0; d <= last; d++) {
    const end = d < last ? chunkStarts[d + 1]! - 1 : tokenEnd;
    digits += chunkDigits[d]!;
    if (end - tokenStart > MAX_LENGTH || digits > MAX_DIGITS) break;
    if (digits >= MIN_DIGITS && isIsolated(text, tokenStart, end)) out.push(describe(text, tokenStart, end));
  }
  digits = 0;
  for (let c = last; c >= 1; c--) {
    const start = chunkStarts[c]!;
    digits += chunkDigits[c]!;
    if (tokenEnd - start > MAX_LENGTH || digits > MAX_DIGITS) break;
    if (digits >= MIN_DIGITS && isIsolated(text, start, tokenEnd)) out.push(describe(text, start, tokenEnd));
  }
}

function describe(text: string, start: number, end: number): NumericWindow {
  const groups: number[] = [];
  let separators = '';
  let digits = '';
  let groupStart = start;
  for (let k = start; k < end; k++) {
    const code = text.charCodeAt(k);
    if (!isDigit(code)) {
      groups.push(k - groupStart);
      digits += text.slice(groupStart, k);
      separators += code === 0xa0 ? ' ' : text[k]!;
      groupStart = k + 1;
    }
  }
  groups.push(end - groupStart);
  digits += text.slice(groupStart, end);
  return { start, end, digits, groups, separators };
}

/** True when every separator of the window is `allowed` (a one-character set string) and all are the same. */
export function uniformSeparators(window: NumericWindow, allowed: string): boolean {
  const first = window.separators[0];
  if (first === undefined) return true;
  if (!allowed.includes(first)) return false;
  for (let k = 1; k < window.separators.length; k++) if (window.separators[k] !== first) return false;
  return true;
}

/** True when the window's group lengths are exactly `shape`. */
export function hasShape(window: NumericWindow, shape: readonly number[]): boolean {
  if (window.groups.length !== shape.length) return false;
  for (let k = 0; k < shape.length; k++) if (window.groups[k] !== shape[k]) return false;
  return true;
}
