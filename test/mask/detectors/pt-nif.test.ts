import { describe } from 'node:test';
import { ptNif } from '../../../src/mask/detectors/pt-nif.js';
import { checkDetector } from './cases.js';

// 123456789 is valid (weights 9…2 sum to 156, 11 − 156 mod 11 = 9); 287654320 has a remainder of 1 and 135792460 of 0,
// both written 0; 459876546 is a non-resident's. 501964843 (python-stdnum's example) is a company's.
describe('pt_nif', () => {
  checkDetector(ptNif, {
    found: [
      ['NIF: 123456789', '123456789', '123456789'],
      ['Número de contribuinte 287 654 320.', '287 654 320', '287654320'],
      ['número de identificação fiscal: 135792460', '135792460', '135792460'],
      ['contribuinte n.º 459 876 546', '459 876 546', '459876546'],
      ['Portuguese taxpayer number 312345674', '312345674', '312345674'],
    ],
    kept: [
      // A failed check; a company's and a public body's number, valid.
      'NIF 123456788', 'NIF 501964843', 'NIF 600000010',
      // No label: bare, grouped, and a label that is part of another word.
      '123456789', '123 456 789', 'manifest 123456789',
      // Glued into words, other separators, other lengths.
      'NIF x123456789', 'NIF 123456789x', 'NIF 123-456-789', 'NIF 123.456.789', 'NIF 12 345 6789', 'NIF 1234567890',
    ],
    byKey: [['123456789', 'nif', '123456789'], ['287 654 320', 'numero_contribuinte', '287 654 320']],
  });
});
