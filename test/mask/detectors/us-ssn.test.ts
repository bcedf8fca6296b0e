import { describe } from 'node:test';
import { usSsn } from '../../../src/mask/detectors/us-ssn.js';
import { checkDetector } from './cases.js';

describe('us_ssn', () => {
  checkDetector(usSsn, {
    found: [
      ['SSN 123-45-6789', '123-45-6789', '123456789'],
      ['ssn: 078-05-1120.', '078-05-1120', '078051120'],
      ['social security number 123 45 6789', '123 45 6789', '123456789'],
      ['SSN 123456789', '123456789', '123456789'],
    ],
    kept: ['666-12-3456', '000-12-3456', '912-12-3456', '123-00-4567', '123-45-0000', 'order 123456789', 'ORD-123-45-6789', '123-45-67890'],
    byKey: [['123456789', 'ssn', '123456789']],
  });
});
