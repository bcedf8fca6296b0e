import { describe } from 'node:test';
import { itCodiceFiscale } from '../../../src/mask/detectors/it-codice-fiscale.js';
import { checkDetector } from './cases.js';

describe('it_codice_fiscale', () => {
  checkDetector(itCodiceFiscale, {
    found: [
      ['CF RSSMRA85T10A562S', 'RSSMRA85T10A562S', 'RSSMRA85T10A562S'],
      ['codice fiscale: rssmra85t10a562s.', 'rssmra85t10a562s', 'RSSMRA85T10A562S'],
      ['omocodia RSSMRA85T10A56NH', 'RSSMRA85T10A56NH', 'RSSMRA85T10A56NH'],
    ],
    kept: ['RSSMRA85T10A562T', 'RSSMRA85T99A562S', 'XRSSMRA85T10A562S', 'RSSMRA85T10A562SX', 'ABCDEFGHIJKLMNOP'],
  });
});
