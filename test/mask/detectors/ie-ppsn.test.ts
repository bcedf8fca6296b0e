import { describe } from 'node:test';
import { iePpsn } from '../../../src/mask/detectors/ie-ppsn.js';
import { checkDetector } from './cases.js';

// python-stdnum's examples: 6433435F, with the second letters W and T (ignored by the check), 6433435OA and
// 6433435IH (the second letter counted: A for people, H for companies).
describe('ie_ppsn', () => {
  checkDetector(iePpsn, {
    found: [
      ['PPS No. 6433435F', '6433435F', '6433435F'],
      ['PPSN: 6433435FW', '6433435FW', '6433435FW'],
      ['pps number 6433435FT,', '6433435FT', '6433435FT'],
      ['PPS number 6433435OA', '6433435OA', '6433435OA'],
      ['Personal Public Service Number 6433435 OA', '6433435 OA', '6433435OA'],
      ['PPS\u00a06433435\u00a0AB', '6433435\u00a0AB', '6433435AB'],
      ['employer PPS 6433435IH.', '6433435IH', '6433435IH'],
      ['PPSN 1234567T', '1234567T', '1234567T'],
    ],
    kept: [
      'PPS 6433435E',
      'PPS 6433435VH',
      // W does not enter the check: O is 6433435's check with A, not alone.
      'PPS 6433435OW',
      'PPS 6433435f',
      '6433435F',
      'SKU 6433435F',
      'apps 6433435F',
      'PPS x6433435F',
      'PPS 6433435FZ',
      'PPS 6433435OAX',
      'PPS 16433435F',
      'PPS 6433435-F',
      'PPS 6433435  F',
      'PPS ORD-6433435F',
    ],
    byKey: [['6433435F', 'ppsn', '6433435F'], ['6433435OA', 'pps_number', '6433435OA']],
  });
});
