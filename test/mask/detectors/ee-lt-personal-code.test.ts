import { describe } from 'node:test';
import { eeLtPersonalCode } from '../../../src/mask/detectors/ee-lt-personal-code.js';
import { checkDetector } from './cases.js';

// 37605030299 is the example of Estonia's standard (a man born 1976-05-03), 36805280109 python-stdnum's,
// 33309240064 Lithuanian Wikipedia's (a man born 1933-09-24).
describe('ee_lt_personal_code', () => {
  checkDetector(eeLtPersonalCode, {
    found: [
      ['isikukood 37605030299', '37605030299', '37605030299'],
      ['Isikukoodi: 36805280109.', '36805280109', '36805280109'],
      ['asmens kodas 33309240064', '33309240064', '33309240064'],
      // The second weights (remainder 10 with the first), and 10 again: check 0.
      ['Jonas Jonaitis, a. k. 38507300007', '38507300007', '38507300007'],
      ['personal identification code 38507301640', '38507301640', '38507301640'],
      // Born on 29 February 2004; a Lithuanian number given by exception (9), with no date.
      ['ID code: 60402290015', '60402290015', '60402290015'],
      ['asmens kodo 91206310050', '91206310050', '91206310050'],
    ],
    kept: [
      'isikukood 37605030298',
      // Month 13, a first digit of 7 (the 2100s): each with a passing check.
      'isikukood 37613030293',
      'isikukood 70505300294',
      // A 9 without a Lithuanian label: no date to check.
      'personal code 91206310050',
      '37605030299',
      'order 37605030299',
      'a.k.a. 37605030299',
      'isikukood x37605030299',
      'isikukood 37605030299x',
      'isikukood 376050-30299',
      'isikukood 3760 5030 299',
    ],
    byKey: [['37605030299', 'isikukood', '37605030299'], ['33309240064', 'asmens_kodas', '33309240064']],
  });
});
