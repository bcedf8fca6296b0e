import type { Detection, NumericWindow, ScanInput } from '../detector.js';
import { isDigit, isIsolated, wordCharAt } from './chars.js';
import { findDigitRuns } from './digit-runs.js';

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
 * `2024-000123-45` and UUID fragments are never cut into an id. One pass over
 * the digit runs (`runs`, from `findDigitRuns`), at most MAX_LENGTH windows per
 * token: linear in the text length.
 */
export function findNumericWindows(text: string, runs: Int32Array = findDigitRuns(text)): NumericWindow[] {
  const windows: NumericWindow[] = [];
  // A token: digit runs joined by single separators, read off the shared digit runs.
  for (let r = 0; r < runs.length; r += 2) {
    const tokenStart = runs[r]!;
    let tokenEnd = runs[r + 1]!;
    let digitCount = tokenEnd - tokenStart;
    while (r + 2 < runs.length && runs[r + 2] === tokenEnd + 1 && isSeparator(text.charCodeAt(tokenEnd))) {
      r += 2;
      digitCount += runs[r + 1]! - runs[r]!;
      tokenEnd = runs[r + 1]!;
    }
    // A token glued to a word ("DE89 3704 …", "ID12 345 …") belongs to that word: no window in it.
    if (digitCount >= MIN_DIGITS && !wordCharAt(text, tokenStart - 1)) collectWindows(text, tokenStart, tokenEnd, digitCount, windows);
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
    if (digitCount <= MAX_DIGITS && tokenEnd - tokenStart <= MAX_LENGTH && isIsolated(text, tokenStart, tokenEnd)) out.push(window(text, tokenStart, tokenEnd, digitCount));
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
    if (digits >= MIN_DIGITS && isIsolated(text, tokenStart, end)) out.push(window(text, tokenStart, end, digits));
  }
  digits = 0;
  for (let c = last; c >= 1; c--) {
    const start = chunkStarts[c]!;
    digits += chunkDigits[c]!;
    if (tokenEnd - start > MAX_LENGTH || digits > MAX_DIGITS) break;
    if (digits >= MIN_DIGITS && isIsolated(text, start, tokenEnd)) out.push(window(text, start, tokenEnd, digits));
  }
}

/**
 * A window whose digits, groups and separators are worked out on first use:
 * most windows are turned down on their digit count alone, and building the
 * strings for every one of them was most of the cost of the numeric detectors.
 */
class LazyWindow implements NumericWindow {
  private described: { digits: string; groups: number[]; separators: string } | undefined;

  constructor(
    private readonly text: string,
    readonly start: number,
    readonly end: number,
    readonly digitCount: number,
    /** Characters that are not digits: 0 for a bare run. */
    readonly separatorCount: number,
  ) {}

  get digits(): string {
    return (this.described ??= describe(this.text, this.start, this.end)).digits;
  }

  get groups(): readonly number[] {
    return (this.described ??= describe(this.text, this.start, this.end)).groups;
  }

  get separators(): string {
    if (this.separatorCount === 0) return '';
    return (this.described ??= describe(this.text, this.start, this.end)).separators;
  }
}

function describe(text: string, start: number, end: number): { digits: string; groups: number[]; separators: string } {
  if (end - start <= MAX_DIGITS && isBare(text, start, end)) return { digits: text.slice(start, end), groups: [end - start], separators: '' };
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
  return { digits, groups, separators };
}

function isBare(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (!isDigit(text.charCodeAt(k))) return false;
  return true;
}

function window(text: string, start: number, end: number, digitCount: number): NumericWindow {
  return new LazyWindow(text, start, end, digitCount, end - start - digitCount);
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

/**
 * The detections of a numeric-id detector: every window `accepts` takes,
 * its digits as the value.
 */
export function detectInWindows(input: ScanInput, accepts: (window: NumericWindow, input: ScanInput) => boolean): Detection[] {
  const found: Detection[] = [];
  for (const window of input.numericWindows()) {
    if (accepts(window, input)) found.push({ start: window.start, end: window.end, value: window.digits });
  }
  return found;
}
