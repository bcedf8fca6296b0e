import { describe } from 'node:test';
import { hrOib } from '../../../src/mask/detectors/hr-oib.js';
import { checkDetector } from './cases.js';

// 33392005961 is python-stdnum's example; 69218375942 and 09876543211 computed with ISO 7064 MOD 11,10.
describe('hr_oib', () => {
  checkDetector(hrOib, {
    found: [
      ['OIB: 33392005961', '33392005961', '33392005961'],
      ['osobni identifikacijski broj 69218375942', '69218375942', '69218375942'],
      ['Upišite OIB-a (09876543211) ovdje.', '09876543211', '09876543211'],
      ['prema osobnom identifikacijskom broju 33392005961', '33392005961', '33392005961'],
    ],
    kept: [
      // A failed check; no label; a label inside another word.
      'OIB 33392005962', '33392005961', 'broj 33392005961', 'Koib 33392005961',
      // Glued into words, the HR prefix glued on, separators, other lengths.
      'OIB x33392005961', 'OIB 33392005961x', 'OIB HR33392005961', 'OIB 333 920 059 61', 'OIB 333-9200-5961', 'OIB 333920059612',
    ],
    byKey: [['33392005961', 'oib', '33392005961']],
  });
});
