import { describe } from 'node:test';
import { email } from '../../../src/mask/detectors/email.js';
import { checkDetector } from './cases.js';

describe('email', () => {
  checkDetector(email, {
    found: [
      ['Write to Anna.Schmidt@Example.DE today.', 'Anna.Schmidt@Example.DE', 'anna.schmidt@example.de'],
      ['mailto:jean+news@mail.example.fr', 'jean+news@mail.example.fr', 'jean+news@mail.example.fr'],
      ['<o\'brien@example.co.uk>', 'o\'brien@example.co.uk', 'o\'brien@example.co.uk'],
      ['Kontakt: jürgen.müller@bücher.de.', 'jürgen.müller@bücher.de', 'jürgen.müller@bücher.de'],
      ['(maria_garcia-2@correo.es)', 'maria_garcia-2@correo.es', 'maria_garcia-2@correo.es'],
      // Single quotes around an address are not its own, as SQL, Python's repr and shells write them.
      ["WHERE email = 'anna@example.de'", 'anna@example.de', 'anna@example.de'],
      ["{'email': '.o'brien@example.ie'}", "o'brien@example.ie", "o'brien@example.ie"],
    ],
    kept: ['@@@@@@', 'user@localhost', 'a@1.2.3.4', 'email me @ home', 'x@.com', '.@example.com', 'a..b@example.com', 'npm i @scope/pkg@1.2.3', 'git@github', 'name@example.c'],
  });
});
