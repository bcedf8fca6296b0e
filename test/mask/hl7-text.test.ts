import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HL7_ADDRESS, HL7_BIRTH_DATE, HL7_NAME, readHl7Segments } from '../../src/mask/lib/hl7-text.js';

const KINDS = { [HL7_NAME]: 'name', [HL7_BIRTH_DATE]: 'birth date', [HL7_ADDRESS]: 'address' } as const;

/** The fields `readHl7Segments` reports in text[from, to), as `kind: value`. */
function fields(text: string, from = 0, to = text.length): string[] {
  const seen: string[] = [];
  readHl7Segments(text, from, to, (start, end, kind) => seen.push(`${KINDS[kind]}: ${text.slice(start, end)}`));
  return seen;
}

/** An admission (ADT^A01) as a hospital system sends it: segments ended by carriage returns. */
const ADMISSION = [
  'MSH|^~\\&|HIS|CLINIC|LAB|CLINIC|20240102103000||ADT^A01|MSG00001|P|2.5',
  'EVN|A01|20240102103000',
  'PID|1||12345^^^MRN^MR||Schmidt^Anna^Maria||19800102|F|Schmidt^Anni||Hauptstr. 5^^Berlin^^10115^DE||(030)1234567||||||123-45-6789',
  'NK1|1|Schmidt^Jan|SPO^Spouse|Hauptstr. 5^^Berlin^^10115^DE|(030)1234568',
  'PV1|1|I|W1^101^1|||||1234^Dupont^Jean^^^Dr|||MED',
  'GT1|1||Schmidt^Jan||Hauptstr. 5^^Berlin^^10115^DE|||19790315',
  'IN1|1|AOK^Gold|7|AOK Nordost||||||||||||Schmidt^Anna|SEL|19800102|Hauptstr. 5^^Berlin^^10115^DE',
].join('\r');

describe('readHl7Segments', () => {
  it('reads the names, dates of birth and addresses of the patient, next of kin, doctors, guarantor and insured, whole', () => {
    assert.deepEqual(fields(ADMISSION), [
      'name: Schmidt^Anna^Maria',
      'birth date: 19800102',
      'name: Schmidt^Anni',
      'address: Hauptstr. 5^^Berlin^^10115^DE',
      'name: Schmidt^Jan',
      'address: Hauptstr. 5^^Berlin^^10115^DE',
      'name: 1234^Dupont^Jean^^^Dr',
      'name: Schmidt^Jan',
      'address: Hauptstr. 5^^Berlin^^10115^DE',
      'birth date: 19790315',
      'name: Schmidt^Anna',
      'birth date: 19800102',
      'address: Hauptstr. 5^^Berlin^^10115^DE',
    ]);
  });

  it('reads segments ended by a line feed, a carriage return and line feed, or the text, and repetitions as one field', () => {
    const patient = 'PID|1||7||Schmidt^Anna~Schmidt^Anni||19800102';
    for (const end of ['\n', '\r\n', '\r']) {
      assert.deepEqual(fields(`MSH|^~\\&|HIS${end}${patient}${end}PV1|1|I`), ['name: Schmidt^Anna~Schmidt^Anni', 'birth date: 19800102'], JSON.stringify(end));
    }
  });

  it('reads no empty field, no HL7 null (`""`), no segment that does not start a line or has no set id first, and nothing outside [from, to)', () => {
    assert.deepEqual(fields('PID|1||7||""||'), []);
    for (const text of ['x PID|1||7||Schmidt^Anna', 'PID|USER|TIME|CMD|x|Schmidt^Anna', 'PIDS|1||7||Schmidt^Anna', 'pid|1||7||Schmidt^Anna', 'ZPI|1||7||Schmidt^Anna']) {
      assert.deepEqual(fields(text), [], text);
    }
    const two = 'PID|1||7||Schmidt^Anna\rPID|2||8||Dupont^Jean';
    assert.deepEqual(fields(two, 0, 10), []);
    assert.deepEqual(fields(two, 23), ['name: Dupont^Jean']);
    assert.deepEqual(fields(two, 0, 23), ['name: Schmidt^Anna']);
  });
});
