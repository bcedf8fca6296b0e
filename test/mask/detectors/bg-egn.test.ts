import { describe } from 'node:test';
import { bgEgn } from '../../../src/mask/detectors/bg-egn.js';
import { checkDetector } from './cases.js';

// 7523169263, 8032056031 and 7542011030 are python-stdnum's, 6101047500 is a published example (born 1961-01-04);
// 0042290079 (born 2000-02-29) and 8507300050 (a remainder of 10, written 0) computed.
describe('bg_egn', () => {
  checkDetector(bgEgn, {
    found: [
      ['ЕГН: 7523169263', '7523169263', '7523169263'],
      // The label in any case, Cyrillic or Latin; the month adds 20 for the 1800s and 40 for the 2000s.
      ['егн 8032056031', '8032056031', '8032056031'],
      ['Egn: 7542011030', '7542011030', '7542011030'],
      ['с ЕГН-то 6101047500 на лицето', '6101047500', '6101047500'],
      ['Единен граждански номер 0042290079', '0042290079', '0042290079'],
      ['единния граждански номер: 8507300050.', '8507300050', '8507300050'],
      ['uniform civil number 7523169263', '7523169263', '7523169263'],
    ],
    kept: [
      // A failed check; impossible dates whose check holds: 29 February 1900 (no leap year), months 19 and 60, 31 April.
      'ЕГН 7523169264', 'ЕГН 0002290070', 'ЕГН 8019010001', 'ЕГН 7560010003', 'ЕГН 8504311235',
      // No label; the label inside a word (`избегна`, "to avoid").
      '7523169263', 'избегна 7523169263', 'кегн 7523169263',
      // Glued into words, separators, other lengths.
      'ЕГН x7523169263', 'ЕГН 7523169263x', 'ЕГН 752316 926 3', 'ЕГН 752316-9263', 'ЕГН 75231692631',
    ],
    byKey: [['7523169263', 'egn', '7523169263'], ['7523169263', 'егн', '7523169263']],
  });
});
