import { describe } from 'node:test';
import { frNir } from '../../../src/mask/detectors/fr-nir.js';
import { checkDetector } from './cases.js';

// Keys computed as 97 − (first 13 digits mod 97); Corsica 2A counts as 19.
describe('fr_nir', () => {
  checkDetector(frNir, {
    found: [
      ['NIR 1 84 12 76 451 089 46', '1 84 12 76 451 089 46', '184127645108946'],
      ['n° 184127645108946.', '184127645108946', '184127645108946'],
      ['Corse 2 55 08 2A 004 012 83', '2 55 08 2A 004 012 83', '255082A00401283'],
    ],
    kept: ['1 84 12 76 451 089 47', '384127645108946', '184137645108946', 'x184127645108946', '1841276451089461'],
  });
});
