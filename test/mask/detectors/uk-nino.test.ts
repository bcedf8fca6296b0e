import { describe } from 'node:test';
import { ukNino } from '../../../src/mask/detectors/uk-nino.js';
import { checkDetector } from './cases.js';

describe('uk_nino', () => {
  checkDetector(ukNino, {
    found: [
      ['NINO AB 12 34 56 C', 'AB 12 34 56 C', 'AB123456C'],
      ['NI number: JG103759A.', 'JG103759A', 'JG103759A'],
    ],
    kept: ['QQ123456C', 'GB123456A', 'DA123456A', 'AO123456A', 'AB123456E', 'AB123456', 'XAB123456C', 'ab123456c'],
  });
});
