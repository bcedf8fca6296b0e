import { describe } from 'node:test';
import { deKvnr } from '../../../src/mask/detectors/de-kvnr.js';
import { checkDetector } from './cases.js';

// A123456780 is the example of the gematik's specifications and the FHIR profiles of HL7 Deutschland; Z987654321 is built to the same rule.
describe('de_kvnr', () => {
  checkDetector(deKvnr, {
    found: [
      ['Versichertennummer: A123456780', 'A123456780', 'A123456780'],
      ['Versicherten-Nr. A123456780,', 'A123456780', 'A123456780'],
      ['Krankenversichertennummer Z987654321', 'Z987654321', 'Z987654321'],
      ['KVNR: Z987654321', 'Z987654321', 'Z987654321'],
      ['eGK (A123456780)', 'A123456780', 'A123456780'],
      ['health insurance number A123456780', 'A123456780', 'A123456780'],
    ],
    kept: [
      // Unlabelled, or after the pension insurance's label: an order's, a part's or a Taiwanese id's shape.
      'A123456780',
      'Bestellung A123456780',
      'Versicherungsnummer A123456780',
      // The check off, the letter in lower case, a digit more or fewer, glued to a word or a compound token.
      'Versichertennummer: A123456781',
      'Versichertennummer: a123456780',
      'Versichertennummer: A1234567801',
      'Versichertennummer: A12345678',
      'Versichertennummer: XA123456780',
      'Versichertennummer: ORD-A123456780',
    ],
    byKey: [['A123456780', 'kvnr', 'A123456780'], ['Z987654321', 'versichertennummer', 'Z987654321']],
  });
});
