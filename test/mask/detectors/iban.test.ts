import { describe } from 'node:test';
import { iban } from '../../../src/mask/detectors/iban.js';
import { checkDetector } from './cases.js';

describe('iban', () => {
  checkDetector(iban, {
    found: [
      ['IBAN DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX', 'DE89 3704 0044 0532 0130 00', 'DE89370400440532013000'],
      ['IBAN: DE89370400440532013000.', 'DE89370400440532013000', 'DE89370400440532013000'],
      ['FR14 2004 1010 0505 0001 3M02 606', 'FR14 2004 1010 0505 0001 3M02 606', 'FR1420041010050500013M02606'],
      ['gb29nwbk60161331926819', 'gb29nwbk60161331926819', 'GB29NWBK60161331926819'],
      ['NL91ABNA0417164300 (NL)', 'NL91ABNA0417164300', 'NL91ABNA0417164300'],
    ],
    kept: [
      'DE89 3704 0044 0532 0130 01',
      'DE89370400440532013000123',
      'XDE89370400440532013000',
      'ZZ89370400440532013000',
      'DE89 3704 0044',
      'CH12 version 3',
    ],
  });
});
