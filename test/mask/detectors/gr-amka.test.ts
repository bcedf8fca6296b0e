import { describe } from 'node:test';
import { grAmka } from '../../../src/mask/detectors/gr-amka.js';
import { checkDetector } from './cases.js';

// 01013099997 is python-stdnum's example; 07079621756 is built to the same rule (a 1996 birth date, Luhn).
describe('gr_amka', () => {
  checkDetector(grAmka, {
    found: [
      ['ΑΜΚΑ: 01013099997', '01013099997', '01013099997'],
      ['αμκα 07079621756', '07079621756', '07079621756'],
      ['AMKA 07079621756,', '07079621756', '07079621756'],
      ['Α.Μ.Κ.Α. 01013099997', '01013099997', '01013099997'],
      ['Αριθμός Μητρώου Κοινωνικής Ασφάλισης 01013099997', '01013099997', '01013099997'],
    ],
    kept: [
      // Unlabelled: a phone number's or an order's shape.
      '01013099997',
      'Παραγγελία 07079621756',
      // Luhn off, no date (month 13), a digit more or fewer, glued to a word, the label inside a word.
      'ΑΜΚΑ: 01013099998',
      'ΑΜΚΑ: 01133099995',
      'ΑΜΚΑ: 010130999970',
      'ΑΜΚΑ: 0101309999',
      'ΑΜΚΑ: X01013099997',
      'Dramka 01013099997',
    ],
    byKey: [['01013099997', 'amka', '01013099997']],
  });
});
