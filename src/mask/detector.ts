/**
 * The detector seam: one detector per file in `detectors/`, each finding one
 * kind of personal data and validating it beyond a pattern (checksum,
 * numbering plan, registry length). `registry.ts` lists them; `scanner.ts`
 * runs the enabled ones and resolves overlaps.
 *
 * @see ../../../shared/DESIGN.md "Masking"
 */
import type { NumericWindows } from './lib/numeric-windows.js';

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

/** A text to scan, with what the scanner knows around it. */
export interface ScanInput {
  readonly text: string;
  /**
   * The JSON key the text is the value of, lower-cased (`ssn`, `pesel`), when
   * the text came out of structured data: it is context, like a label in prose.
   */
  readonly hint: string | undefined;
  /** Numeric tokens of the text, computed once and shared by the numeric-id detectors. */
  numericWindows(): NumericWindows;
  /**
   * Maximal runs of ASCII digits, [start0, end0, start1, end1, …], computed
   * once and shared: detectors whose matches begin at or just before a digit
   * run try their pattern only there (see `lib/digit-runs.ts`).
   */
  digitRuns(): Int32Array;
}

export interface Detector {
  /** Policy name and finding type (`email`, `de_steuer_id`). */
  readonly name: string;
  /** Upper-case label for the redact style (`EMAIL` → `[EMAIL]`). */
  readonly label: string;
  /** Which detector wins when two findings overlap (higher wins; equal: longer wins). */
  readonly priority: number;
  /** Member of the `eu_national_ids` group (EU and UK national identifiers). */
  readonly nationalId?: boolean;
  /** All spans in `input.text`, validated. Must run in time linear in the text length. */
  detect(input: ScanInput): Detection[];
  /**
   * The `partial` style: what the standard lets one show of the normal-form
   * value (card: last four digits). Detectors for which nothing may be shown
   * omit it and get the redact label.
   */
  partial?(value: string): string;
}
