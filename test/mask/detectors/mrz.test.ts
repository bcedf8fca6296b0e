import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mrz } from '../../../src/mask/detectors/mrz.js';
import { checkDetector, scan } from './cases.js';

// ICAO 9303's specimens (parts 4, 5 and 6), and a German passport's and a French one's zones built to the same rules.
const PASSPORT = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const IDENTITY_CARD = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
const TD2 = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'];
const GERMAN = 'C01X00T478D<<8005171F3108310<<<<<<<<<<<<<<<8';
const FRENCH = 'XN12345678FRA0512310M3001019<<<<<<<<<<<<<<<8';

const lines = (zone: readonly string[]): { written: string; value: string }[] => zone.map((line) => ({ written: line, value: line }));

describe('mrz', () => {
  checkDetector(mrz, {
    // A passport's or a TD2 document's line of data holds all its checks: found alone.
    found: [
      [`MRZ: ${PASSPORT[1]} (scanned)`, PASSPORT[1]!, PASSPORT[1]!],
      [GERMAN, GERMAN, GERMAN],
      [`Zone lisible : ${FRENCH}`, FRENCH, FRENCH],
      [TD2[1]!, TD2[1]!, TD2[1]!],
    ],
    kept: [
      // A check digit off: the document number's, the birth date's, the expiry's, the composite's.
      'L898902C37UTO7408122F1204159ZE184226B<<<<<10',
      'L898902C36UTO7408123F1204159ZE184226B<<<<<10',
      'L898902C36UTO7408122F1204158ZE184226B<<<<<10',
      'L898902C36UTO7408122F1204159ZE184226B<<<<<11',
      // No real birth date, a sex that is none, one character more or glued to a word.
      'L898902C36UTO7413122F1204159ZE184226B<<<<<10',
      'xL898902C36UTO7408122F1204159ZE184226B<<<<<10',
      'L898902C36UTO7408122F1204159ZE184226B<<<<<10<',
      // An identity card's second line without its first, a name line alone, code and merge markers.
      IDENTITY_CARD[1]!,
      PASSPORT[0]!,
      'cout << x << std::endl; <<<<<<< HEAD',
    ],
  });

  it('finds the name line beside the line of data: above a passport\'s and a TD2 document\'s, and an identity card\'s three lines', () => {
    assert.deepEqual(scan(mrz, PASSPORT.join('\n')), lines(PASSPORT));
    assert.deepEqual(scan(mrz, `Scan:\r\n${PASSPORT.join('\r\n')}\r\nEnd`), lines(PASSPORT));
    assert.deepEqual(scan(mrz, TD2.join('\n')), lines(TD2));
    assert.deepEqual(scan(mrz, IDENTITY_CARD.join('\n')), lines(IDENTITY_CARD));
    // A line above that is no name line of the document's type stays.
    assert.deepEqual(scan(mrz, `X<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n${PASSPORT[1]}`), lines([PASSPORT[1]!]));
    assert.deepEqual(scan(mrz, `Remarks: none\n${PASSPORT[1]}`), lines([PASSPORT[1]!]));
  });
});
