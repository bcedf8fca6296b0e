import { describe } from 'node:test';
import { chAhv } from '../../../src/mask/detectors/ch-ahv.js';
import { checkDetector } from './cases.js';

// 756.1234.5678.97 is the sample number forms and guides print, 756.9217.0769.85 python-stdnum's example; 756.5709.5669.65 is built to the same rule.
describe('ch_ahv', () => {
  checkDetector(chAhv, {
    found: [
      ['756.9217.0769.85', '756.9217.0769.85', '7569217076985'],
      ['AHV-Nummer 756.1234.5678.97', '756.1234.5678.97', '7561234567897'],
      ['AHV-Nr.: 756.5709.5669.65', '756.5709.5669.65', '7565709566965'],
      ['AHV-Nr. 7569217076985', '7569217076985', '7569217076985'],
      ['numéro AVS 7565709566965', '7565709566965', '7565709566965'],
      ['Sozialversicherungsnummer: 7569217076985', '7569217076985', '7569217076985'],
      ['AHVN13: 756.9217.0769.85', '756.9217.0769.85', '7569217076985'],
    ],
    kept: [
      // Thirteen bare digits from 756, unlabelled: an EAN-13 barcode's shape; after a word that starts as a label (Swedish `Avsändare`).
      '7569217076985',
      'Avsändare 7569217076985',
      // The check off, another country's code, other groups or separators, part of a longer dotted number.
      '756.9217.0769.84',
      '757.9217.0769.81',
      '7569.2170.7698.5',
      '756-9217-0769-85',
      '756.9217.0769.85.1',
      'oid 1.756.9217.0769.85',
      'AHV: X7569217076985',
    ],
    byKey: [['7569217076985', 'ahv', '7569217076985']],
  });
});
