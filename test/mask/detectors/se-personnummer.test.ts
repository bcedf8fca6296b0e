import { describe } from 'node:test';
import { sePersonnummer } from '../../../src/mask/detectors/se-personnummer.js';
import { checkDetector } from './cases.js';

// 811218-9876 is Skatteverket's example; 701063-2391 a coordination number (day + 60).
describe('se_personnummer', () => {
  checkDetector(sePersonnummer, {
    found: [
      ['personnummer 811218-9876', '811218-9876', '8112189876'],
      ['född 19811218-9876.', '19811218-9876', '198112189876'],
      ['over 100: 121212+1212', '121212+1212', '1212121212'],
      ['samordningsnummer 701063-2391', '701063-2391', '7010632391'],
    ],
    kept: ['811218-9875', '811318-9876', '8112189876', '1700000000', 'x811218-9876', '811218-98761'],
    byKey: [['8112189876', 'personnummer', '8112189876']],
  });
});
