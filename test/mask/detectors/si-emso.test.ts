import { describe } from 'node:test';
import { siEmso } from '../../../src/mask/detectors/si-emso.js';
import { checkDetector } from './cases.js';

// 0101006500006 is python-stdnum's example (born 1 January 2006); 0605956505290 is built to the same rule (born 1956).
describe('si_emso', () => {
  checkDetector(siEmso, {
    found: [
      ['EMŠO: 0101006500006', '0101006500006', '0101006500006'],
      ['emšo 0605956505290', '0605956505290', '0605956505290'],
      ['EMSO 0605956505290.', '0605956505290', '0605956505290'],
      ['JMBG: 0101006500006', '0101006500006', '0101006500006'],
      ['ЈМБГ 0101006500006', '0101006500006', '0101006500006'],
      ['Enotna matična številka občana 0605956505290', '0605956505290', '0605956505290'],
    ],
    kept: [
      // Unlabelled: an EAN-13 barcode's shape.
      '0101006500006',
      'EAN 0605956505290',
      // The check off, no date (day 32), a check of 10 written 0, a digit more or fewer, glued to a word, the label inside a word.
      'EMŠO: 0101006500007',
      'EMŠO: 3201006500008',
      'EMŠO: 0101006500090',
      'EMŠO: 01010065000060',
      'EMŠO: 010100650000',
      'EMŠO: A0101006500006',
      'Remsol 0101006500006',
    ],
    byKey: [['0605956505290', 'emso', '0605956505290'], ['0101006500006', 'jmbg', '0101006500006']],
  });
});
