import { describe } from 'node:test';
import { fiHetu } from '../../../src/mask/detectors/fi-hetu.js';
import { checkDetector } from './cases.js';

describe('fi_hetu', () => {
  checkDetector(fiHetu, {
    found: [
      ['henkilötunnus 131052-308T', '131052-308T', '131052-308T'],
      // Born in 2000 or later (`A`), a check that is a digit.
      ['HETU: 010203A0023', '010203A0023', '010203A0023'],
      ['(131052-308T)', '131052-308T', '131052-308T'],
      // A check that is a digit, unlabelled or after the Finnish label; a letter after a Swedish one.
      ['071027-9506', '071027-9506', '071027-9506'],
      ['HETU 071027-9506', '071027-9506', '071027-9506'],
      ['personnummer 131052-308T', '131052-308T', '131052-308T'],
    ],
    // The check character is upper case as issued.
    kept: [
      '131052-308t', '131052-308U', '311352-308T', 'x131052-308T', '131052-308TX', '131052-3080 1', '131052/308T', '131052-001T',
      // A Swedish personnummer's or a Danish CPR number's shape right after their label: theirs, not a Finnish code.
      'personnummer 071027-9506', 'Personnr: 071027-9506', 'CPR-nr. 071027-9506',
    ],
  });
});
