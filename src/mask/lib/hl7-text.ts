/**
 * Reads the personal fields of HL7 version 2 messages, the pipe-delimited
 * form in which hospital systems exchange admissions, orders and results,
 * and which a clinical tool returns as it got it:
 * `PID|1||12345^^^MRN||Schmidt^Anna||19800102|F|||Hauptstr. 5^^Berlin^^10115^DE`.
 * A segment is a line (HL7 ends each with a carriage return, text tools
 * often with a line feed) that starts with its three-character id and the
 * field separator `|`. Its fields are numbered from 1 after the id, and the
 * standard (v2.3 to v2.8 alike) fixes what each holds: `SEGMENTS` names
 * the ones that hold a person's name (the patient's, a relative's, a
 * guarantor's, the insured's, a doctor's), date of birth or address.
 *
 * No detector finds these: a name is split into components (`^`), a date
 * is written `19800102`. Each such field is reported whole, components and
 * repetitions (`~`) included, so the masked message is still HL7 (a token
 * holds no separator). Phone numbers and social security numbers in other
 * fields are left to the detectors.
 *
 * The segments here all open with a set id, so a segment is read only when
 * its first field is digits or empty: a table's header `PID|USER|TIME` is
 * none.
 */

import { isAsciiUpper, isDigit } from './chars.js';

/** What a field holds: a person's name, date of birth or address. */
export const HL7_NAME = 0;
export const HL7_BIRTH_DATE = 1;
export const HL7_ADDRESS = 2;
export type Hl7Value = typeof HL7_NAME | typeof HL7_BIRTH_DATE | typeof HL7_ADDRESS;

/** Reports text[start, end), a field of kind `kind`. */
export type Hl7Visitor = (start: number, end: number, kind: Hl7Value) => void;

/** The fields that hold personal data, by segment id and field number. */
const SEGMENTS: ReadonlyMap<string, ReadonlyMap<number, Hl7Value>> = new Map<string, ReadonlyMap<number, Hl7Value>>([
  // Patient identification: name, mother's maiden name, date of birth, alias, address.
  ['PID', new Map([[5, HL7_NAME], [6, HL7_NAME], [7, HL7_BIRTH_DATE], [9, HL7_NAME], [11, HL7_ADDRESS]])],
  // Next of kin: name, address, date of birth, contact person's name and address.
  ['NK1', new Map([[2, HL7_NAME], [4, HL7_ADDRESS], [16, HL7_BIRTH_DATE], [30, HL7_NAME], [32, HL7_ADDRESS]])],
  // Guarantor: name, spouse's name, address, date of birth.
  ['GT1', new Map([[3, HL7_NAME], [4, HL7_NAME], [5, HL7_ADDRESS], [8, HL7_BIRTH_DATE]])],
  // Insurance: the insured's name, date of birth and address.
  ['IN1', new Map([[16, HL7_NAME], [18, HL7_BIRTH_DATE], [19, HL7_ADDRESS]])],
  // Patient visit: attending, referring, consulting and admitting doctor.
  ['PV1', new Map([[7, HL7_NAME], [8, HL7_NAME], [9, HL7_NAME], [17, HL7_NAME]])],
]);

const PIPE = 0x7c;
const CARRIAGE_RETURN = 0x0d;
const LINE_FEED = 0x0a;
const NUL = 0x00;
const QUOTE = 0x22;

function endsSegment(code: number): boolean {
  return code === CARRIAGE_RETURN || code === LINE_FEED || code === NUL;
}

function isUpperOrDigit(code: number): boolean {
  return isAsciiUpper(code) || isDigit(code);
}

/**
 * Reports each personal field of the HL7 segments that start in
 * text[from, to) to `field`. Linear: one search for the field separator,
 * and each segment read once, up to where it ends.
 */
export function readHl7Segments(text: string, from: number, to: number, field: Hl7Visitor): void {
  for (let pipe = text.indexOf('|', from + 3); pipe !== -1 && pipe < to; pipe = text.indexOf('|', pipe + 1)) {
    const start = pipe - 3;
    if (start > 0 && !endsSegment(text.charCodeAt(start - 1))) continue;
    if (!isUpperOrDigit(text.charCodeAt(start)) || !isUpperOrDigit(text.charCodeAt(start + 1)) || !isUpperOrDigit(text.charCodeAt(start + 2))) continue;
    const fields = SEGMENTS.get(text.slice(start, pipe));
    if (fields === undefined) continue;
    pipe = readSegment(text, pipe, to, fields, field);
  }
}

/** Reads the fields of the segment whose first separator is at `pipe`; returns where the segment ends. */
function readSegment(text: string, pipe: number, to: number, fields: ReadonlyMap<number, Hl7Value>, field: Hl7Visitor): number {
  let end = pipe + 1;
  // The set id: digits or nothing.
  while (end < to && isDigit(text.charCodeAt(end))) end++;
  if (end < to && text.charCodeAt(end) !== PIPE && !endsSegment(text.charCodeAt(end))) return end;
  // Field 2 on, each after its separator.
  for (let number = 2; end < to && text.charCodeAt(end) === PIPE; number++) {
    const start = end + 1;
    end = start;
    while (end < to) {
      const code = text.charCodeAt(end);
      if (code === PIPE || endsSegment(code)) break;
      end++;
    }
    const kind = fields.get(number);
    // `""` is HL7's null: the field is cleared, and holds nothing.
    if (kind !== undefined && end > start && !(end - start === 2 && text.charCodeAt(start) === QUOTE)) field(start, end, kind);
  }
  return end;
}
