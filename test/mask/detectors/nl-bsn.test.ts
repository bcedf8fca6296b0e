import { describe } from 'node:test';
import { nlBsn } from '../../../src/mask/detectors/nl-bsn.js';
import { checkDetector } from './cases.js';

// 111222333 and 123456782 pass the elfproef.
describe('nl_bsn', () => {
  checkDetector(nlBsn, {
    found: [
      ['BSN: 111222333', '111222333', '111222333'],
      ['burgerservicenummer 123456782.', '123456782', '123456782'],
      ['nummer 1112.22.333', '1112.22.333', '111222333'],
    ],
    kept: ['BSN: 111222334', 'order 111222333', 'BSN 000000000', 'BSN A111222333', 'BSN 1112.22.334'],
    byKey: [['123456782', 'bsn', '123456782']],
  });
});
