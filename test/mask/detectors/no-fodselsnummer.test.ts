import { describe } from 'node:test';
import { noFodselsnummer } from '../../../src/mask/detectors/no-fodselsnummer.js';
import { checkDetector } from './cases.js';

// 15108695088 and 26111593816 are python-stdnum's examples (born 1986 and, individual number 938, 2015);
// 31129956715 fnrinfo.no's (individual number 567 with year 99: born 1899).
describe('no_fodselsnummer', () => {
  checkDetector(noFodselsnummer, {
    found: [
      // Spaced as it is formatted, anywhere.
      ['Pasient 151086 95088 innlagt', '151086 95088', '15108695088'],
      ['(261115 93816)', '261115 93816', '26111593816'],
      // Bare, after a label.
      ['fødselsnummer: 31129956715', '31129956715', '31129956715'],
      ['Fødselsnr. 15108695088', '15108695088', '15108695088'],
      ['F.nr. 26111593816', '26111593816', '26111593816'],
      ['national identity number 15108695088', '15108695088', '15108695088'],
      // A D-number adds 40 to the day (1 January 1990), an H-number 40 to the month (1 November 1990); 29 February 2000.
      ['D-nummer 41019012393', '41019012393', '41019012393'],
      ['fnr 01519012320', '01519012320', '01519012320'],
      ['290200 50088', '290200 50088', '29020050088'],
    ],
    kept: [
      // A check digit changed: the second, the first (python-stdnum's examples).
      '151086 95077', 'fødselsnummer 26111593817', 'fødselsnummer 26111593826',
      // Both checks hold, the date does not: 29 February 1900 (individual number 123), and individual number 801 with year 50 (never issued).
      '290200 12380', 'fnr 29020012380', '150150 80180',
      // Bare runs without a label; glued into words; other separators and groups.
      '15108695088', 'order 26111593816', 'x151086 95088', '151086 95088x', '151086/95088', '1510 8695088', '15 10 86 950 88', '151086 950881',
    ],
    byKey: [
      ['15108695088', 'fodselsnummer', '15108695088'],
      ['41019012393', 'fnr', '41019012393'],
    ],
  });
});
