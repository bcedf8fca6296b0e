/**
 * The detector seam: one detector per file in `detectors/`, each finding one
 * kind of personal data and validating it beyond a pattern (checksum,
 * numbering plan, registry length). `registry.ts` lists them; `scanner.ts`
 * runs the enabled ones and resolves overlaps.
 *
 * @see ../../../shared/DESIGN.md "Masking"
 */
import { doubled, trimmed } from './lib/grow.js';
import type { NumericWindows } from './lib/numeric-windows.js';
import type { RunsByLength } from './lib/runs-by-length.js';

/** One span of personal data a detector found in a text. */
export interface Detection {
  /** UTF-16 offset of the first character. */
  start: number;
  /** UTF-16 offset after the last character. */
  end: number;
  /**
   * The value in its normal form (IBAN without spaces in upper case, e-mail in
   * lower case, phone in E.164, digits only for numeric ids): the input of
   * pseudonyms and partial masks, so one data subject maps to one token however
   * the value was written.
   */
  value: string;
}

/**
 * The spans one detector found in one text, in parallel typed arrays: dense
 * text has ~22 findings per KiB, and an object and a value string per finding
 * were most of what the garbage collector had to do. Values are built only
 * when a style needs one (see `Detector.normalize`).
 */
export class SpanList {
  length = 0;
  starts: Int32Array = new Int32Array(16);
  ends: Int32Array = new Int32Array(16);
  /** The normal form, where the detector held it as a string anyway (phone: its validation cache). */
  values: (string | undefined)[] = [];

  add(start: number, end: number, value?: string): void {
    if (this.length === this.starts.length) {
      this.starts = doubled(this.starts);
      this.ends = doubled(this.ends);
    }
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    // A sparse store: most detectors never set a value.
    if (value !== undefined) this.values[this.length] = value;
    this.length++;
  }

  clear(): void {
    this.length = 0;
    if (this.values.length > 0) this.values = [];
  }

  /**
   * The entries were found in a part of the text that starts at offset
   * `offset`: moves them to offsets in the whole text, and drops those that
   * do not start in [start, end), the range the part was scanned for.
   */
  rebase(offset: number, start: number, end: number): void {
    const { starts, ends, values } = this;
    let kept = 0;
    for (let k = 0; k < this.length; k++) {
      const at = starts[k]! + offset;
      if (at < start || at >= end) continue;
      starts[kept] = at;
      ends[kept] = ends[k]! + offset;
      if (values[k] !== undefined || values[kept] !== undefined) values[kept] = values[k];
      kept++;
    }
    this.length = kept;
    // Values past the new length belong to dropped entries.
    if (values.length > kept) values.length = kept;
  }

  /** Clears the list and lets go of buffers a large text grew (see `KEEP_ENTRIES`). */
  release(): void {
    this.clear();
    this.starts = trimmed(this.starts);
    this.ends = trimmed(this.ends);
  }
}

/** A text to scan, with what the scanner knows around it. */
export interface ScanInput {
  readonly text: string;
  /**
   * The JSON key the text is the value of, lower-cased (`ssn`, `pesel`), when
   * the text came out of structured data: it is context, like a label in prose.
   */
  readonly hint: string | undefined;
  /**
   * The text is short values joined by VALUE_SEPARATOR, each to be read as
   * if it stood alone (see `lib/context.ts`): no label reaches across one.
   */
  readonly joined: boolean;
  /** Numeric tokens of the text, computed once and shared by the numeric-id detectors. */
  numericWindows(): NumericWindows;
  /**
   * Maximal runs of ASCII digits, [start0, end0, start1, end1, …], computed
   * once and shared: detectors whose matches begin at or just before a digit
   * run try their pattern only there (see `lib/text-index.ts`).
   */
  digitRuns(): Int32Array;
  /** The digit runs listed by length, each list in text order: a detector of runs of one or two lengths visits those only. */
  digitRunsByLength(): RunsByLength;
  /** Starts of the maximal runs of exactly 16 ASCII letters and digits (the codice fiscale's shape). */
  asciiWords16(): Int32Array;
  /** Offsets in `digitRuns()` of the runs right after two ASCII letters that start a word (`DE89`). */
  runsAfterTwoLetters(): Int32Array;
  /** Offsets in `digitRuns()` of the runs after a two-letter ASCII word and one space (`QQ 12`). */
  runsAfterTwoLetterWord(): Int32Array;
  /**
   * The text's UTF-16 code units, then two 0s, as the shared index copied
   * them: detectors that read the text character by character read it
   * here, where a read costs about a third of a `charCodeAt` on a chunk (a
   * slice of the text). A read up to two past the end finds 0, which is no
   * digit, letter, separator or word character.
   */
  codeUnits(): Uint16Array;
}

export interface Detector {
  /** Policy name and finding type (`email`, `de_steuer_id`). */
  readonly name: string;
  /** Upper-case label for the redact style (`EMAIL` → `[EMAIL]`). */
  readonly label: string;
  /** Which detector wins when two findings overlap (higher wins; equal: longer wins). */
  readonly priority: number;
  /** Member of the `eu_national_ids` group (the national identifiers of the EU, the UK, Norway and Switzerland, and `national_id`). */
  readonly nationalId?: boolean;
  /**
   * Adds all spans in `input.text`, validated, to `found`. Must run in time
   * linear in the text length, and never report a span that holds a line
   * break: a long text is scanned a part at a time, cut after line breaks
   * (see `scanner.ts`).
   */
  detect(input: ScanInput, found: SpanList): void;
  /**
   * The normal form (see `Detection.value`) of a span this detector found. It
   * depends on the written span alone, never on the context around it, which
   * is also what lets pseudonyms be cached by the written span. Detectors
   * that give every span its value in `detect` omit it.
   */
  normalize?(text: string, start: number, end: number): string;
  /**
   * The `partial` style: what the standard lets one show of the normal-form
   * value (card: last four digits). Detectors for which nothing may be shown
   * omit it and get the redact label.
   */
  partial?(value: string): string;
}

/** The normal form of span `k` of `found`, which `detector` found in `text`. */
export function valueOf(detector: Detector, found: SpanList, k: number, text: string): string {
  const value = found.values[k] ?? detector.normalize?.(text, found.starts[k]!, found.ends[k]!);
  if (value === undefined) throw new Error(`detector ${detector.name} gave no value and has no normalize()`);
  return value;
}
