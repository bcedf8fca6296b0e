import { describe } from 'node:test';
import { deSvnr } from '../../../src/mask/detectors/de-svnr.js';
import { checkDetector } from './cases.js';

describe('de_svnr', () => {
  checkDetector(deSvnr, {
    found: [
      // Spaced as the card prints it, and compact (Wikipedia's examples), anywhere.
      ['Versicherungsnummer 65 170839 J 003', '65 170839 J 003', '65170839J003'],
      ['15070649C103', '15070649C103', '15070649C103'],
      ['RVNR: 10010490A443.', '10010490A443', '10010490A443'],
      // Serial and check apart.
      ['(12 150455 M 00 8)', '12 150455 M 00 8', '12150455M008'],
      // A day raised by 32 (serials ran out), an unknown month, an unknown day, 29 February 2000.
      ['24 330780 K 121', '24 330780 K 121', '24330780K121'],
      ['39170088B503', '39170088B503', '39170088B503'],
      ['13001286S770', '13001286S770', '13001286S770'],
      ['02 290200 L 125', '02 290200 L 125', '02290200L125'],
    ],
    kept: [
      // Failed checks.
      '65 170839 J 004', '15070649C102',
      // Check right, no such date: 31 April, month 13, 29 February 2001.
      '65310439J000', '15071349C107', '02290201L126',
      // Check right, no such area.
      '01070649C107', '95070649C100', '30070649C102',
      // The letter is upper case as issued.
      '65 170839 j 003', '15070649c103',
      // Glued into words or longer numbers.
      'x65170839J003', '65170839J003x', 'A15070649C103', '15070649C1030', '115070649C103', 'ART-65170839J003', '65170839J003-b',
      // Other separators, or spaced and compact mixed.
      '65-170839-J-003', '65/170839/J/003', '65 170839J003', '65170839 J 003', '65 170839 J003', '65 170839 J 0 03',
    ],
  });
});
