/**
 * Reads dates of birth that a label names in running text: `DOB
 * 02/01/1980`, `born 2 January 1980`, `geb. 02.01.1980`, `Date of birth -
 * 1980-01-02`, `data di nascita 02/01/1980`. A date alone is no one's
 * (an order's, a log line's); after such a label it is a person's date of
 * birth, which no detector validates, and the masker masks it as the
 * policy's `date_of_birth` (see `masker.ts`). A label followed by a colon
 * at a line's start is a key line's too (see `key-value-text.ts`); both
 * report the same date.
 *
 * The label is one of LABEL's words (English and the EU's larger
 * languages, any case), then at most MAX_GAP blanks or `:=,.-–(`, then
 * the date: day, month and year in digits (`02.01.1980`, `1/2/80`,
 * `1980-01-02`), or with the month a word (`2 Jan. 1980`, `January 2,
 * 1980`, Spanish's and Portuguese's `5 de junio de 1975`), not followed by
 * a letter or digit (`2024-03-01T10:00Z` is a timestamp). All on one line.
 * Italian and Spanish write the place of birth inside the label (`nata a
 * Roma il`, `nacido en Madrid el`): a place of up to 30 letters is.
 */
/** The labels, as whole words: one search over the text finds them all. */
const LABEL =
  /\b(?:dob|d\.o\.b|date of birth|birth ?date|born(?: on)?|geb|geboren(?: am| op)?|geburtsdatum|naissance|n[ée](?:e|\(e\))? le|nacimiento|nacid[oa](?: en [a-zà-ÿ'’ -]{2,30}?)? el|nascita|nat[oa](?: a [a-zà-ÿ'’ -]{2,30}?)? il|nascimento|nascid[oa](?: em)?|nasceu(?: em)?|geboortedatum|urodzenia|urodzon[ya]|f[öo]dd|f[öo]delsedatum)\b/gi;
/** Characters between a label and its date. */
const GAP = /[\t :=,.\-–(]*/y;
const MAX_GAP = 4;
/** A date, from where the gap after a label ends. */
const DATE =
  /(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}\.? \p{L}{3,10}\.? \d{4}|\d{1,2} de \p{L}{3,10} de \d{4}|\p{L}{3,10}\.? \d{1,2},? \d{4})(?![\p{L}\p{N}])/uy;

/** Reports text[start, end), a date of birth. */
export type BirthDateVisitor = (start: number, end: number) => void;

/** Reports each date of birth a label names in text[from, to) to `date`. Linear: one search for the labels, and a bounded match after each. */
export function readBirthDates(text: string, from: number, to: number, date: BirthDateVisitor): void {
  LABEL.lastIndex = from;
  for (let label = LABEL.exec(text); label !== null && label.index < to; label = LABEL.exec(text)) {
    const end = LABEL.lastIndex;
    GAP.lastIndex = end;
    GAP.test(text);
    if (GAP.lastIndex - end > MAX_GAP) continue;
    DATE.lastIndex = GAP.lastIndex;
    const found = DATE.exec(text);
    if (found !== null && DATE.lastIndex <= to) date(found.index, DATE.lastIndex);
    LABEL.lastIndex = end;
  }
}
