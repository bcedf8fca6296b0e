import type { ScanInput, SpanList } from '../detector.js';
import { isDigit, isIsolated, isWordCodeAt } from './chars.js';
import { doubled, trimmed } from './grow.js';

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
 * The candidate numeric identifiers of one text: consecutive digit groups of
 * one isolated numeric token, e.g. `4111 1111 1111 1111` or `123-45-6789`.
 * Stored as parallel typed arrays and addressed by index (0 … count-1), not
 * as an object per window: dense text has ~30 windows per KiB and nearly all
 * are turned down on their digit count. A window's digit groups are
 * consecutive digit runs of the text, so its groups and separators are read
 * off the runs, and a string is built only for a value a detector accepts.
 */
export class NumericWindows {
  count = 0;
  /** The text the windows were found in. */
  text = '';
  /** Its code units (`TextIndex.codeUnits`): what the windows' checks read. */
  codes: Uint16Array = new Uint16Array(2);
  /** The text's digit runs (`TextIndex.digitRuns`). */
  private runs: Int32Array = new Int32Array(0);
  private starts: Int32Array = new Int32Array(16);
  private ends: Int32Array = new Int32Array(16);
  private digitCounts: Int32Array = new Int32Array(16);
  /** Index (in runs, counted in pairs) of the window's first digit group. */
  private firstRuns: Int32Array = new Int32Array(16);
  private groupCounts: Int32Array = new Int32Array(16);
  /** Scratch of `digitValues`. */
  private readonly values = new Uint8Array(MAX_DIGITS);
  /**
   * The windows by digit count (see `byDigitCount`): their indices, and
   * where those of each count start among them. Each numeric detector reads
   * the windows of its lengths only, where it read every window to test
   * its length.
   */
  private ordered: Int32Array = new Int32Array(16);
  private readonly countStarts = new Int32Array(MAX_DIGITS + 2);
  /** Scratch of `order`: where the next window of each length goes. */
  private readonly nextOfCount = new Int32Array(MAX_DIGITS + 2);
  private orderedCount = -1;

  start(window: number): number {
    return this.starts[window]!;
  }

  end(window: number): number {
    return this.ends[window]!;
  }

  /**
   * Whether no other digit group is joined to the window by a character
   * `joins` takes, on either side: a longer run of groups is another number
   * (a phone number that ends in the window's shape, a version, an OID).
   */
  standsAlone(window: number, joins: (code: number) => boolean): boolean {
    const { codes } = this;
    const start = this.starts[window]!;
    const end = this.ends[window]!;
    if (start >= 2 && joins(codes[start - 1]!) && isDigit(codes[start - 2]!)) return false;
    // The code units end in two 0s: reading past the text finds no joiner.
    return !(joins(codes[end]!) && isDigit(codes[end + 1]!));
  }

  /** How many digits: the cheap first test of every numeric detector. */
  digitCount(window: number): number {
    return this.digitCounts[window]!;
  }

  /** How many separators (0 for a bare run). */
  separatorCount(window: number): number {
    return this.groupCounts[window]! - 1;
  }

  /** How many digit groups (1 for a bare run). */
  groupCount(window: number): number {
    return this.groupCounts[window]!;
  }

  /** Length of digit group `k`, e.g. 2 for k = 1 of `123-45-6789`. */
  group(window: number, k: number): number {
    const run = 2 * (this.firstRuns[window]! + k);
    return this.runs[run + 1]! - this.runs[run]!;
  }

  /** Separator `k` (after group `k`) as a char code, no-break space read as space. */
  separator(window: number, k: number): number {
    const code = this.codes[this.runs[2 * (this.firstRuns[window]! + k) + 1]!]!;
    return code === 0xa0 ? 32 : code;
  }

  /** True when the window's group lengths are exactly `shape` (a constant array: no allocation per call). */
  hasShape(window: number, shape: readonly number[]): boolean {
    if (this.groupCounts[window] !== shape.length) return false;
    for (let k = 0; k < shape.length; k++) if (this.group(window, k) !== shape[k]) return false;
    return true;
  }

  /** True when every separator of the window is in `allowed` (a string of characters) and all are the same. */
  uniformSeparators(window: number, allowed: string): boolean {
    const separators = this.groupCounts[window]! - 1;
    if (separators === 0) return true;
    const first = this.separator(window, 0);
    for (let k = 1; k < separators; k++) if (this.separator(window, k) !== first) return false;
    // Compared code by code: no one-character string per window.
    for (let k = 0; k < allowed.length; k++) if (allowed.charCodeAt(k) === first) return true;
    return false;
  }

  /**
   * The digits as numbers 0–9, for the checksums of windows that pass the
   * cheap tests: in one scratch array, which the next call overwrites, so no
   * string is built per window checked.
   */
  digitValues(window: number): Uint8Array {
    const values = this.values;
    let count = 0;
    for (let k = this.starts[window]!, end = this.ends[window]!; k < end; k++) {
      const code = this.codes[k]!;
      if (isDigit(code)) values[count++] = code - 48;
    }
    return values;
  }

  /** The number formed by the first `n` digits (n ≤ the digit count): prefix checks without a string. */
  leadingDigits(window: number, n: number): number {
    let value = 0;
    for (let k = this.starts[window]!; n > 0; k++) {
      const code = this.codes[k]!;
      if (!isDigit(code)) continue;
      value = value * 10 + (code - 48);
      n--;
    }
    return value;
  }

  /**
   * Where the windows of `digits` digits start in `windowAt`'s order (and
   * those of one more digit end): sorted by a count of each length, once per
   * text, when a detector first asks.
   */
  byDigitCount(digits: number): number {
    if (this.orderedCount !== this.count) this.order();
    return this.countStarts[Math.min(Math.max(digits, MIN_DIGITS), MAX_DIGITS + 1)]!;
  }

  /** The window at `position` of the order by digit count (see `byDigitCount`). */
  windowAt(position: number): number {
    return this.ordered[position]!;
  }

  private order(): void {
    const { count, digitCounts, countStarts } = this;
    if (this.ordered.length < count) this.ordered = new Int32Array(Math.max(count, 2 * this.ordered.length));
    countStarts.fill(0);
    // Counts, each at the next length's place; then running sums make them starts.
    for (let w = 0; w < count; w++) countStarts[digitCounts[w]! + 1]!++;
    for (let digits = MIN_DIGITS + 1; digits <= MAX_DIGITS + 1; digits++) countStarts[digits]! += countStarts[digits - 1]!;
    const next = this.nextOfCount;
    next.set(countStarts);
    for (let w = 0; w < count; w++) this.ordered[next[digitCounts[w]!]!++] = w;
    this.orderedCount = count;
  }

  /** Appends the window of runs [firstRun, lastRun] (run indices counted in pairs). */
  add(firstRun: number, lastRun: number, digitCount: number): void {
    if (this.count === this.starts.length) this.grow();
    const w = this.count++;
    this.starts[w] = this.runs[2 * firstRun]!;
    this.ends[w] = this.runs[2 * lastRun + 1]!;
    this.digitCounts[w] = digitCount;
    this.firstRuns[w] = firstRun;
    this.groupCounts[w] = lastRun - firstRun + 1;
  }

  /** Forgets the windows found so far; the next ones are of `text`, whose code units are `codes` and digit runs `runs`. */
  reset(text: string, codes: Uint16Array, runs: Int32Array): void {
    this.count = 0;
    this.orderedCount = -1;
    this.text = text;
    this.codes = codes;
    this.runs = runs;
  }

  /** Forgets the last text and lets go of buffers it grew (see `KEEP_ENTRIES`). */
  release(): void {
    this.reset('', new Uint16Array(2), new Int32Array(0));
    this.starts = trimmed(this.starts);
    this.ends = trimmed(this.ends);
    this.digitCounts = trimmed(this.digitCounts);
    this.firstRuns = trimmed(this.firstRuns);
    this.groupCounts = trimmed(this.groupCounts);
    this.ordered = trimmed(this.ordered);
    chunkRuns = trimmed(chunkRuns);
    chunkDigits = trimmed(chunkDigits);
  }

  private grow(): void {
    this.starts = doubled(this.starts);
    this.ends = doubled(this.ends);
    this.digitCounts = doubled(this.digitCounts);
    this.firstRuns = doubled(this.firstRuns);
    this.groupCounts = doubled(this.groupCounts);
  }
}

/**
 * Cuts `text` into numeric tokens (digit groups joined by single separators)
 * and returns every candidate window of 9–19 digits: a prefix or suffix of
 * whole space-delimited chunks of one token that stands alone (see
 * `isIsolated`). Windows never start or end inside a chunk, so
 * `2024-000123-45` and UUID fragments are never cut into an id. One pass over
 * the digit runs (`runs`, from `TextIndex`, whose copy of the text's code
 * units is `codes`), at most MAX_LENGTH windows per token: linear in the
 * text length. The windows go into `windows`, which
 * a scanner passes to reuse its buffers from one text to the next.
 */
export function findNumericWindows(text: string, runs: Int32Array, codes: Uint16Array, windows = new NumericWindows()): NumericWindows {
  const length = text.length;
  windows.reset(text, codes, runs);
  const runCount = runs.length >> 1;
  // A token: digit runs joined by single separators, read off the shared digit runs.
  for (let r = 0; r < runCount; r++) {
    const firstRun = r;
    const tokenStart = runs[2 * r]!;
    let tokenEnd = runs[2 * r + 1]!;
    let digitCount = tokenEnd - tokenStart;
    let spaced = false;
    for (let separator; r + 1 < runCount && runs[2 * r + 2] === tokenEnd + 1 && isSeparator((separator = codes[tokenEnd]!)); ) {
      spaced ||= isSpace(separator);
      r++;
      digitCount += runs[2 * r + 1]! - runs[2 * r]!;
      tokenEnd = runs[2 * r + 1]!;
    }
    // A token glued to a word ("DE89 3704 …", "ID12 345 …") belongs to that word: no window starts
    // where it does, and of its space-separated tail only one as long as a card (see collectWindows).
    const glued = isWordCodeAt(codes, tokenStart - 1, length);
    if (digitCount < MIN_DIGITS || (glued && !spaced)) continue;
    if (spaced) {
      collectWindows(windows, codes, length, runs, firstRun, r, glued);
    } else if (digitCount <= MAX_DIGITS && tokenEnd - tokenStart <= MAX_LENGTH && isIsolated(codes, length, tokenStart, tokenEnd)) {
      // The common case: no space in the token, so one chunk and one window.
      windows.add(firstRun, r, digitCount);
    }
  }
  return windows;
}

/**
 * Scratch for the chunks of one token: first run and digit count of each (no
 * allocation per token). `NumericWindows.release` lets go of what a token of
 * many chunks grew.
 */
let chunkRuns = new Int32Array(64);
let chunkDigits = new Int32Array(64);

/**
 * Fewest digits of a window in the tail of a token glued to a word: a card
 * printed right after an IBAN with a space between them
 * (`DE89 3704 0044 0532 0130 00 4111 1111 1111 1111`). Shorter tails stay
 * part of the word (`ID12 345 678 901` holds no SSN), so only the card
 * detector, whose numbers are 14 to 19 digits long, reads such windows.
 */
const GLUED_TAIL_MIN_DIGITS = 14;

/** The windows of a token of several chunks: runs [firstRun, lastRun], at least one space between them; `glued` to a word before it (see `GLUED_TAIL_MIN_DIGITS`). */
function collectWindows(windows: NumericWindows, codes: Uint16Array, length: number, runs: Int32Array, firstRun: number, lastRun: number, glued: boolean): void {
  const tokenStart = runs[2 * firstRun]!;
  const tokenEnd = runs[2 * lastRun + 1]!;
  // Chunks: the space-delimited parts of the token, with their digit counts.
  let chunks = 0;
  let digits = 0;
  let chunkRun = firstRun;
  for (let r = firstRun; r <= lastRun; r++) {
    digits += runs[2 * r + 1]! - runs[2 * r]!;
    if (r < lastRun && !isSpace(codes[runs[2 * r + 1]!]!)) continue;
    if (chunks === chunkRuns.length) {
      chunkRuns = doubled(chunkRuns);
      chunkDigits = doubled(chunkDigits);
    }
    chunkRuns[chunks] = chunkRun;
    chunkDigits[chunks] = digits;
    chunks++;
    chunkRun = r + 1;
    digits = 0;
  }
  // Windows are prefixes and suffixes of the token: an id is written alone or
  // next to other numbers on one side ("4111 1111 1111 1111 12/27"), rarely
  // in the middle of a longer run of numbers. That keeps the count per token
  // to at most 2 × MAX_LENGTH/2 however long the token is.
  const last = chunks - 1;
  digits = 0;
  for (let c = 0; c <= last && !glued; c++) {
    const endRun = c < last ? chunkRuns[c + 1]! - 1 : lastRun;
    const end = runs[2 * endRun + 1]!;
    digits += chunkDigits[c]!;
    if (end - tokenStart > MAX_LENGTH || digits > MAX_DIGITS) break;
    if (digits >= MIN_DIGITS && isIsolated(codes, length, tokenStart, end)) windows.add(firstRun, endRun, digits);
  }
  digits = 0;
  for (let c = last; c >= 1; c--) {
    const start = runs[2 * chunkRuns[c]!]!;
    digits += chunkDigits[c]!;
    if (tokenEnd - start > MAX_LENGTH || digits > MAX_DIGITS) break;
    if (digits >= (glued ? GLUED_TAIL_MIN_DIGITS : MIN_DIGITS) && isIsolated(codes, length, start, tokenEnd)) windows.add(chunkRuns[c]!, lastRun, digits);
  }
}

/**
 * Adds to `found` every window of `minDigits`–`maxDigits` digits that
 * `accepts` takes: the detector of a numeric id. Only the windows of those
 * lengths are visited (see `NumericWindows.byDigitCount`), so `accepts` (a
 * different function per detector, too many for the call to be inlined)
 * runs only for the few of the right length, and a detector costs nothing
 * on a text without them. What is found is in text order for each length.
 */
export function detectInWindows(
  input: ScanInput,
  found: SpanList,
  minDigits: number,
  maxDigits: number,
  accepts: (windows: NumericWindows, window: number, input: ScanInput) => boolean,
): void {
  const windows = input.numericWindows();
  for (let k = windows.byDigitCount(minDigits), end = windows.byDigitCount(maxDigits + 1); k < end; k++) {
    const w = windows.windowAt(k);
    if (accepts(windows, w, input)) found.add(windows.start(w), windows.end(w));
  }
}

/** The sum of the first `weights.length` digits (see `NumericWindows.digitValues`), each times its weight: the core of most national ids' checks. */
export function weightedSum(digits: Uint8Array, weights: readonly number[]): number {
  let sum = 0;
  for (let k = 0; k < weights.length; k++) sum += weights[k]! * digits[k]!;
  return sum;
}

/** The digits of `text[start, end)` alone: the normal form of a numeric id, whatever its separators. */
export function digitsOf(text: string, start: number, end: number): string {
  let digits = '';
  let groupStart = start;
  for (let k = start; k < end; k++) {
    if (isDigit(text.charCodeAt(k))) continue;
    digits += text.slice(groupStart, k);
    groupStart = k + 1;
  }
  return groupStart === start ? text.slice(start, end) : digits + text.slice(groupStart, end);
}
