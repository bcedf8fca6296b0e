/**
 * Label context for identifiers that are bare digit runs (a 9-digit SSN or
 * BSN, an 11-digit PESEL or Steuer-ID). Their checksums pass for 2–90 % of
 * random digit strings of the same length, so order ids, epoch seconds and
 * phone numbers would be destroyed if checksum alone decided. They count
 * only with a label before them (`PESEL: 44051401359`) or as the value of a
 * JSON key that names them (`"ssn": "…"`).
 */

/** How far back a label may stand (characters): "Steuerliche Identifikationsnummer: " fits. */
export const LABEL_WINDOW = 48;

/**
 * True when `keywords` matches the JSON key hint or the text just before
 * `start`. `keywords` must be a non-global, case-insensitive regex.
 */
export function hasLabel(text: string, start: number, hint: string | undefined, keywords: RegExp): boolean {
  if (hint !== undefined && keywords.test(hint)) return true;
  return keywords.test(text.slice(Math.max(0, start - LABEL_WINDOW), start));
}
