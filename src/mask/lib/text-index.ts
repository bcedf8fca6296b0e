import { isAsciiLetter, isDigit } from './chars.js';
import { doubled, trimmed } from './grow.js';

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

  /** Indexes `text`, replacing what the previous call found. */
  index(text: string): this {
    const length = text.length;
    let runs = this.runs;
    let runCount = 0;
    let words16 = this.words16;
    let words16Count = 0;
    let lettered = this.lettered;
    let letteredCount = 0;
    // One table lookup per character and a little state: the loop over the
    // 4 MiB benchmark text costs about as much as finding the digit runs alone.
    let runStart = -1;
    let wordStart = -1;
    for (let i = 0; i <= length; i++) {
      // Past the end counts as a delimiter, so runs and words at the end are closed.
      const kind = i < length ? KIND[text.charCodeAt(i)]! : OTHER;
      if (kind === DIGIT) {
        if (runStart < 0) {
          runStart = i;
          if (wordStart < 0) wordStart = i;
          else if (i - wordStart === 2 && KIND[text.charCodeAt(wordStart)] === LETTER && KIND[text.charCodeAt(wordStart + 1)] === LETTER) {
            if (letteredCount === lettered.length) lettered = doubled(lettered);
            lettered[letteredCount++] = runCount;
          }
        }
        continue;
      }
      if (runStart >= 0) {
        if (runCount + 2 > runs.length) runs = doubled(runs);
        runs[runCount++] = runStart;
        runs[runCount++] = i;
        runStart = -1;
      }
      if (kind === LETTER) {
        if (wordStart < 0) wordStart = i;
      } else if (wordStart >= 0) {
        if (i - wordStart === 16) {
          if (words16Count === words16.length) words16 = doubled(words16);
          words16[words16Count++] = wordStart;
        }
        wordStart = -1;
      }
    }
    this.runs = runs;
    this.words16 = words16;
    this.digitRuns = runs.subarray(0, runCount);
    this.asciiWords16 = words16.subarray(0, words16Count);
    this.lettered = lettered;
    this.runsAfterTwoLetters = lettered.subarray(0, letteredCount);
    return this;
  }

  /** Forgets the last text and lets go of buffers it grew (see `KEEP_ENTRIES`). */
  release(): void {
    this.runs = trimmed(this.runs, 1024);
    this.words16 = trimmed(this.words16, 64);
    this.lettered = trimmed(this.lettered, 64);
    this.digitRuns = this.runs.subarray(0, 0);
    this.asciiWords16 = this.words16.subarray(0, 0);
    this.runsAfterTwoLetters = this.lettered.subarray(0, 0);
  }
}

const OTHER = 0;
const DIGIT = 1;
const LETTER = 2;
/** OTHER, DIGIT (ASCII) or LETTER (ASCII) for every UTF-16 code unit. */
const KIND = new Uint8Array(0x10000);
for (let code = 0; code < 128; code++) KIND[code] = isDigit(code) ? DIGIT : isAsciiLetter(code) ? LETTER : OTHER;
