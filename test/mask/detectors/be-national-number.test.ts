import { describe } from 'node:test';
import { beNationalNumber } from '../../../src/mask/detectors/be-national-number.js';
import { checkDetector } from './cases.js';

describe('be_national_number', () => {
  checkDetector(beNationalNumber, {
    found: [
      // As the eID prints it, anywhere; born in 2000 or later: the check counts a 2 before the digits.
      ['Rijksregisternr. 85.07.30-033.28', '85.07.30-033.28', '85073003328'],
      ['NN 05.01.12-345.18', '05.01.12-345.18', '05011234518'],
      // Bare or in 6-3-2 groups, after a label.
      ['numéro de registre national : 85073003328', '85073003328', '85073003328'],
      ['INSZ 850730-033-28', '850730-033-28', '85073003328'],
    ],
    kept: ['85.07.30-033.27', '85073003328', 'order 850730-033-28', '85.13.30-033.28 x', 'NN 85073003327'],
    byKey: [['85073003328', 'rijksregisternummer', '85073003328']],
  });
});
