import { describe } from 'node:test';
import { deSteuerId } from '../../../src/mask/detectors/de-steuer-id.js';
import { checkDetector } from './cases.js';

// 86095742719 and 47036892816 are valid (structure rule and ISO 7064 check digit).
describe('de_steuer_id', () => {
  checkDetector(deSteuerId, {
    found: [
      ['Steuer-ID: 86095742719', '86095742719', '86095742719'],
      ['IdNr 47036892816.', '47036892816', '47036892816'],
      ['Ihre Identifikationsnummer 86 095 742 719', '86 095 742 719', '86095742719'],
    ],
    kept: [
      'Steuer-ID: 86095742718',
      'Steuer-ID: 06095742719',
      'Steuer-ID: 11111111116',
      'Bestellung 86095742719',
      'Steuer-ID X86095742719',
      'Steuer-ID 86095742719-2',
    ],
    byKey: [['86095742719', 'steuer_id', '86095742719']],
  });
});
