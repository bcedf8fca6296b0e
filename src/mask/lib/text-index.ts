import { endianness } from 'node:os';
import { isAsciiLetter, isDigit } from './chars.js';
import { doubled, KEEP_ENTRIES, trimmed } from './grow.js';
import { RunsByLength } from './runs-by-length.js';

/**
 * Where in a text the detectors' candidates can start, found in one pass over
 * it and shared: most detectors' matches begin at or just before a digit
 * run, so they try their pattern there instead of at every position of the
 * text (a regex step per character per detector was most of the time on
 * dense text). The buffers are reused from one text to the next, so a scan
 * allocates nothing here once they have grown; what `digitRuns` and
 * `asciiWords16` return is valid until the next `index`.
 */
export class TextIndex {
  private runs = new Int32Array(1024);
  private words16 = new Int32Array(64);
  private lettered = new Int32Array(64);
  private spaced = new Int32Array(64);
  /** The code units of the text being indexed (see `read`), and its bytes to write them through. */
  private codes = new Uint16Array(1024);
  private bytes = Buffer.from(this.codes.buffer);
  /** The views the public lists are (see `Prefixes`). */
  private readonly codesPrefixes = new Prefixes<Uint16Array>();
  private readonly runsPrefixes = new Prefixes<Int32Array>();
  private readonly words16Prefixes = new Prefixes<Int32Array>();
  private readonly letteredPrefixes = new Prefixes<Int32Array>();
  private readonly spacedPrefixes = new Prefixes<Int32Array>();
  /**
   * The UTF-16 code units of the text last indexed, then two 0s (see
   * `ScanInput.codeUnits`); valid until the next `index`.
   */
  codeUnits: Uint16Array = this.codes.subarray(0, 0);
  /**
   * Maximal runs of ASCII digits, [start0, end0, start1, end1, …]. Digit runs
   * lie inside ASCII words (see `asciiWords16`), so both come from one loop.
   */
  digitRuns: Int32Array = this.runs.subarray(0, 0);
  /**
   * Starts of the maximal runs of exactly 16 ASCII letters and digits: the
   * shape of an Italian codice fiscale, whose digits may all be written as
   * letters (omocodia), so it cannot be found from the digit runs alone.
   */
  asciiWords16: Int32Array = this.words16.subarray(0, 0);
  /**
   * Offsets in `digitRuns` (of the start of each pair) of the digit runs that follow
   * exactly two ASCII letters at the start of an ASCII word: where an IBAN's
   * check digits stand (`DE89`). Few runs do, so the IBAN detector visits
   * these instead of every run.
   */
  runsAfterTwoLetters: Int32Array = this.lettered.subarray(0, 0);
  /**
   * Offsets in `digitRuns` (of the start of each pair) of the digit runs that
   * follow a word of exactly two ASCII letters and one space (or no-break
   * space): where a printed
   * UK NINO's digits start (`QQ 12 34 56 C`). With `runsAfterTwoLetters` (the
   * compact `QQ123456C`) these are all the runs the NINO detector visits.
   */
  runsAfterTwoLetterWord: Int32Array = this.spaced.subarray(0, 0);
  /** The digit runs listed by length (see `RunsByLength`), sorted when a detector first asks. */
  readonly runsByLength = new RunsByLength();

  /** Indexes `text`, replacing what the previous call found. */
  index(text: string): this {
    const length = text.length;
    this.read(text);
    const codes = this.codes;
    let runs = this.runs;
    let runCount = 0;
    let words16 = this.words16;
    let words16Count = 0;
    let lettered = this.lettered;
    let letteredCount = 0;
    let spaced = this.spaced;
    let spacedCount = 0;
    // Word by word: most words are all letters or all digits, and the kinds a
    // word holds are OR-ed together without a branch per character; only a
    // mixed word (`DE89`, `1f2e`) is split into stretches. A branch at every
    // switch between letters and digits cost more than the reading itself.
    let i = 0;
    while (i < length) {
      let kinds = KIND[codes[i]!]!;
      if (kinds === OTHER) {
        i++;
        continue;
      }
      const wordStart = i;
      // The 0 after the text (OTHER) ends the last word.
      for (let kind = KIND[codes[++i]!]!; kind !== OTHER; kind = KIND[codes[++i]!]!) kinds |= kind;
      if (kinds === DIGIT) {
        if (runCount + 2 > runs.length) runs = doubled(runs);
        runs[runCount++] = wordStart;
        runs[runCount++] = i;
      } else if (kinds !== LETTER) {
        // Alternating stretches of letters and digits; the OTHER at i ends the last one.
        let kind = KIND[codes[wordStart]!]!;
        for (let k = wordStart; k < i; kind ^= DIGIT ^ LETTER) {
          const stretchStart = k;
          while (KIND[codes[++k]!] === kind);
          if (kind !== DIGIT) continue;
          // Two letters, then these digits, at the start of the word (`DE89`).
          if (stretchStart - wordStart === 2 && KIND[codes[wordStart]!] === LETTER) {
            if (letteredCount === lettered.length) lettered = doubled(lettered);
            lettered[letteredCount++] = runCount;
          }
          if (runCount + 2 > runs.length) runs = doubled(runs);
          runs[runCount++] = stretchStart;
          runs[runCount++] = k;
        }
      }
      if (i - wordStart === 16) {
        if (words16Count === words16.length) words16 = doubled(words16);
        words16[words16Count++] = wordStart;
      } else if (i - wordStart === 2 && kinds === LETTER && (codes[i] === 32 || codes[i] === 0xa0) && KIND[codes[i + 1]!] === DIGIT) {
        // The run at i + 1 is the next one found.
        if (spacedCount === spaced.length) spaced = doubled(spaced);
        spaced[spacedCount++] = runCount;
      }
      // codes[i] is no word character (or i is the end): the next word starts after it.
      i++;
    }
    this.runs = runs;
    this.words16 = words16;
    this.lettered = lettered;
    this.spaced = spaced;
    this.publish(runCount, words16Count, letteredCount, spacedCount);
    return this;
  }

  /**
   * Copies the UTF-16 code units of `text`, then two 0s, into `codeUnits`
   * (the first 0 also ends the last word for `index`), and returns them,
   * without indexing them. One native copy, then a typed-array read per
   * character: about half the time of a `charCodeAt` per character, which
   * on a chunk (a slice of the text) also goes through the slice.
   */
  read(text: string): Uint16Array {
    const length = text.length;
    if (this.codes.length < length + 2) {
      this.codes = new Uint16Array(Math.max(length + 2, this.codes.length * 2));
      this.bytes = Buffer.from(this.codes.buffer);
    }
    const codes = this.codes;
    if (length <= SHORT_TEXT) {
      // A JSON value, say: fewer reads than the native call costs.
      for (let k = 0; k < length; k++) codes[k] = text.charCodeAt(k);
    } else {
      this.bytes.write(text, 0, 2 * length, 'utf16le');
      // Node writes UTF-16 little-endian, whatever the machine's byte order.
      if (BIG_ENDIAN) this.bytes.subarray(0, 2 * length).swap16();
    }
    codes[length] = 0;
    codes[length + 1] = 0;
    this.codeUnits = this.codesPrefixes.of(codes, length + 2);
    return this.codeUnits;
  }

  /** Forgets the last text and lets go of buffers it grew (see `KEEP_ENTRIES`). */
  release(): void {
    this.runs = trimmed(this.runs);
    this.words16 = trimmed(this.words16);
    this.lettered = trimmed(this.lettered);
    this.spaced = trimmed(this.spaced);
    if (this.codes.length > KEEP_ENTRIES) {
      this.codes = new Uint16Array(1024);
      this.bytes = Buffer.from(this.codes.buffer);
    }
    this.codeUnits = this.codesPrefixes.of(this.codes, 0);
    this.runsByLength.release();
    this.publish(0, 0, 0, 0);
  }

  /** Points the public lists at the first entries of the buffers. */
  private publish(runCount: number, words16Count: number, letteredCount: number, spacedCount: number): void {
    this.digitRuns = this.runsPrefixes.of(this.runs, runCount);
    this.runsByLength.reset(this.digitRuns);
    this.asciiWords16 = this.words16Prefixes.of(this.words16, words16Count);
    this.runsAfterTwoLetters = this.letteredPrefixes.of(this.lettered, letteredCount);
    this.runsAfterTwoLetterWord = this.spacedPrefixes.of(this.spaced, spacedCount);
  }
}

/** Texts up to this long are read a character at a time (see `read`). */
const SHORT_TEXT = 64;
/** Views of the first entries of a buffer are kept for lengths below this (see `Prefixes`). */
const KEPT_PREFIXES = 256;

/**
 * Views of the first `length` entries of one buffer, each made once for
 * short lengths: an index of a short text (a JSON value) made five new
 * views, which cost more than indexing it. A view of the same entries of
 * the same buffer reads what a new one would.
 */
class Prefixes<T extends Int32Array | Uint16Array> {
  private buffer: T | undefined;
  private views: T[] = [];

  of(buffer: T, length: number): T {
    if (length >= KEPT_PREFIXES) return buffer.subarray(0, length) as T;
    if (buffer !== this.buffer) {
      this.buffer = buffer;
      this.views = [];
    }
    return (this.views[length] ??= buffer.subarray(0, length) as T);
  }
}

const OTHER = 0;
const DIGIT = 1;
const LETTER = 2;
/** OTHER, DIGIT (ASCII) or LETTER (ASCII) for every UTF-16 code unit. */
const KIND = new Uint8Array(0x10000);
for (let code = 0; code < 128; code++) KIND[code] = isDigit(code) ? DIGIT : isAsciiLetter(code) ? LETTER : OTHER;

const BIG_ENDIAN = endianness() === 'BE';
