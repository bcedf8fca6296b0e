import { describe } from 'node:test';
import { creditCard } from '../../../src/mask/detectors/credit-card.js';
import { checkDetector } from './cases.js';

describe('credit_card', () => {
  checkDetector(creditCard, {
    found: [
      ['card 4111 1111 1111 1111 exp 12/27', '4111 1111 1111 1111', '4111111111111111'],
      ['Karte 5555-5555-5555-4444', '5555-5555-5555-4444', '5555555555554444'],
      ['amex 3782 822463 10005', '3782 822463 10005', '378282246310005'],
      ['4012888888881881', '4012888888881881', '4012888888881881'],
      ['card 4111 1111 1111 1111 12/27', '4111 1111 1111 1111', '4111111111111111'],
      // Right after an IBAN, with only a space between them.
      ['IBAN DE89 3704 0044 0532 0130 00 4111 1111 1111 1111', '4111 1111 1111 1111', '4111111111111111'],
    ],
    kept: [
      '4111 1111 1111 1112',
      '1234567812345670',
      '4111-1111 1111-1111',
      'tx 41111111111111119999',
      'ORD-4111111111111111',
      'id4111111111111111',
      '4111111111111111abc',
      '41 111 111 1111 1111',
      // The IBAN's own groups are no card, nor is a card number glued to a word.
      'IBAN DE89 3704 0044 0532 0130 00',
      'ref X4111 1111 1111 1111',
      // A phone number in its international form, whose digits pass as a 13-digit Visa.
      'WhatsApp +4915112345678',
      // 13 digits: a German barcode and a Romanian CNP that pass Luhn, and the old 13-digit Visa test number.
      'EAN 4000000000006',
      'CNP 5060325062791',
      '4222222222222',
    ],
  });
});
