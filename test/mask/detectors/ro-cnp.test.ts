import { describe } from 'node:test';
import { roCnp } from '../../../src/mask/detectors/ro-cnp.js';
import { checkDetector } from './cases.js';

// 1630615123457 is python-stdnum's example (a man born 1963-06-15 in Cluj, 12); 6010720709549 has the
// county 70 of numbers the civil-status system generates (alceanicu/cnp issue 2).
describe('ro_cnp', () => {
  checkDetector(roCnp, {
    found: [
      ['CNP: 1630615123457', '1630615123457', '1630615123457'],
      ['cod numeric personal 6010720709549, emis 2020', '6010720709549', '6010720709549'],
      // A weighted sum of remainder 10 has the check 1; born at a mission abroad (83).
      ['Titular: Ana Pop, CNP-ul 2850730400091.', '2850730400091', '2850730400091'],
      ['Personal numeric code 1850730830012', '1850730830012', '1850730830012'],
      // A foreign resident (7): the century is not in the number.
      ['CNP (rezident) 7850730410010', '7850730410010', '7850730410010'],
    ],
    kept: [
      'CNP 1630615123458',
      // Month 22, 29 February 2005, county 49, a first digit of 0: each with a passing check.
      'CNP 1632215123454',
      'CNP 5050229410017',
      'CNP 1630615491239',
      'CNP 0630615123455',
      '1630615123457',
      'order 1630615123457',
      'CNPJ 1630615123457',
      'CNP x1630615123457',
      'CNP 1630615123457x',
      'CNP 163-0615-123457',
      'CNP 1 630615 123457',
    ],
    byKey: [['1630615123457', 'cnp', '1630615123457'], ['6010720709549', 'client_cnp', '6010720709549']],
  });
});
