import { describe } from 'node:test';
import { atSvnr } from '../../../src/mask/detectors/at-svnr.js';
import { checkDetector } from './cases.js';

describe('at_svnr', () => {
  checkDetector(atSvnr, {
    found: [
      // As the e-card prints it, anywhere (python-stdnum's example).
      ['e-card 1237 010180', '1237 010180', '1237010180'],
      ['(1009 311299)', '1009 311299', '1009311299'],
      // Bare after a label; born on 29 February 2000.
      ['Versicherungsnummer: 4329150395', '4329150395', '4329150395'],
      ['SV-Nr. 7817290200', '7817290200', '7817290200'],
      ['VSNR 5554010203, Kasse ÖGK', '5554010203', '5554010203'],
      ['social security number 9998241270', '9998241270', '9998241270'],
    ],
    kept: [
      // Failed checks: python-stdnum's, and a check one off.
      '2237 010180', '1238 010180', 'SVNR 1238010180',
      // Check right, no such date (29 February 2001, day 32, the substitute month 13).
      '1234 290201', '1238 320180', 'SVNR 1248011365',
      // A serial starting with 0.
      '0138 010180',
      // Bare without a label, glued into words, other separators.
      '1237010180', 'order 1237010180', 'x1237 010180', '1237 010180x', 'SVNR x1237010180', '1237-010180', '1237/010180', '1237.010180',
      // The printed shape inside a longer number: a phone number's tail.
      '+43 1237 010180', 'Tel. 1237 010180 12',
    ],
    byKey: [
      ['1237010180', 'svnr', '1237010180'],
      ['4329150395', 'sozialversicherungsnummer', '4329150395'],
    ],
  });
});
