import { describe } from 'node:test';
import { plPesel } from '../../../src/mask/detectors/pl-pesel.js';
import { checkDetector } from './cases.js';

// 44051401359 (born 1944-05-14) and 02070803628 (born 1902-07-08) are valid.
describe('pl_pesel', () => {
  checkDetector(plPesel, {
    found: [
      ['PESEL: 44051401359', '44051401359', '44051401359'],
      ['nr PESEL 02070803628.', '02070803628', '02070803628'],
    ],
    kept: ['PESEL: 44051401358', 'PESEL: 44135401359', 'order 44051401359', 'PESEL 4405140135', 'PESEL 44051401359X'],
    byKey: [['44051401359', 'pesel', '44051401359']],
  });
});
