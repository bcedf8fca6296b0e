import { describe } from 'node:test';
import { czSkBirthNumber } from '../../../src/mask/detectors/cz-sk-birth-number.js';
import { checkDetector } from './cases.js';

describe('cz_sk_birth_number', () => {
  checkDetector(czSkBirthNumber, {
    found: [
      // With its slash, anywhere; a woman's month adds 50.
      ['rodné číslo: 736028/5163', '736028/5163', '7360285163'],
      ['Pacient 850730/1231 přijat', '850730/1231', '8507301231'],
      // Bare, after a label.
      ['RČ 7360285163', '7360285163', '7360285163'],
    ],
    kept: ['736028/5164', '7360285163', '731328/5163 x', 'build 736028-5163', 'ref 736028/51634'],
    byKey: [['7360285163', 'rodne_cislo', '7360285163']],
  });
});
