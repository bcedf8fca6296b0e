import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { email } from '../../../src/mask/detectors/email.js';
import { checkDetector, scan } from './cases.js';

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
      // Written to keep it from harvesters, as web pages' contacts and an Impressum do: the same address.
      ['Kontakt: info(at)example.de.', 'info(at)example.de', 'info@example.de'],
      ['write to anna [at] example [dot] com', 'anna [at] example [dot] com', 'anna@example.com'],
      ['Anna.Schmidt{AT}Mail(DOT)Example.de', 'Anna.Schmidt{AT}Mail(DOT)Example.de', 'anna.schmidt@mail.example.de'],
    ],
    kept: ['look (at) this', 'meet me (at) home', 'x(at)y', 'a [at] b [dot] c', 'see [at] example [dot] 42', '(at)example.com', '@@@@@@', 'user@localhost', 'a@1.2.3.4', 'email me @ home', 'x@.com', '.@example.com', 'a..b@example.com', 'npm i @scope/pkg@1.2.3', 'git@github', 'name@example.c'],
  });
});

describe('email under its key', () => {
  it("finds a mailbox and a domain around an `@` under an address's key, well formed or not; other keys and shapes keep theirs", () => {
    for (const [value, key, written] of [
      ['anna@localhost', 'email', 'anna@localhost'],
      [' anna @ example.de ', 'contactemail', 'anna @ example.de'],
      ['root@intranet', 'work_email_address', 'root@intranet'],
    ]) {
      assert.deepEqual(scan(email, value!, key).map((found) => found.written), [written], `${key}: ${value}`);
    }
    // The blanks beside its `@` are none of the address: the same address, the same normal form.
    assert.deepEqual(scan(email, 'anna @ Example.de', 'email'), [{ written: 'anna @ Example.de', value: 'anna@example.de' }]);
    for (const [value, key] of [['anna@localhost', 'note'], ['none', 'email'], ['a@b@c', 'email'], ['see anna@localhost', 'email'], ['anna@localhost', 'gmail_label']]) {
      assert.deepEqual(scan(email, value!, key), [], `${key}: ${value}`);
    }
  });
});
