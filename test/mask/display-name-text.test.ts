import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readDisplayNames, readsAsName, readsAsNames } from '../../src/mask/lib/display-name-text.js';

/** The display names `readDisplayNames` reports in text[from, to). */
function names(text: string, from = 0, to = text.length): string[] {
  const seen: string[] = [];
  readDisplayNames(text, from, to, (start, end) => seen.push(text.slice(start, end)));
  return seen;
}

describe('readDisplayNames', () => {
  it('reads the name before an address in angle brackets: quoted, or the words that read as a name', () => {
    assert.deepEqual(names('From: Anna Schmidt <anna@example.de>\nTo: "Schmidt, Anna" <a@example.de>, Jean-Luc O\'Neil <jl@example.ie>'), ['Anna Schmidt', 'Schmidt, Anna', "Jean-Luc O'Neil"]);
    assert.deepEqual(names('Author: Daan de Vries <daan@example.nl> and Ludwig van Beethoven <lvb@example.at>'), ['Daan de Vries', 'Ludwig van Beethoven']);
    // Single quotes, as Python prints a string; an apostrophe that ends a word is the word's.
    assert.deepEqual(names("'Anna Schmidt' <anna@example.de>, 'Schmidt, Anna'<a@example.de>, Anna Schmidt's <x@example.de>, 'x' <y@example.de>"), ['Anna Schmidt', 'Schmidt, Anna', "Anna Schmidt's"]);
    assert.deepEqual(names('María García <m@example.es>; 山田太郎 <t@example.jp>'), ['María García', '山田太郎']);
  });

  it('stops at a word that reads as no name, and takes at most five words', () => {
    assert.deepEqual(names('please write to Anna <anna@example.de> today'), ['Anna']);
    assert.deepEqual(names('see de Vries <v@example.nl>'), ['Vries']);
    assert.deepEqual(names('One Two Three Four Five Six <x@example.org>'), ['Two Three Four Five Six']);
  });

  it('leaves out a first word that says who the person is, when two words or more follow it', () => {
    assert.deepEqual(names('Customer Maria Rossi (maria@example.it) asked; Kunde Hans Müller <hans@example.de>; Patient Daan de Vries <d@example.nl>'), [
      'Maria Rossi',
      'Hans Müller',
      'Daan de Vries',
    ]);
    // One word after it is the name's own (`Customer` may be a surname), as is a first word that says nothing of the person.
    assert.deepEqual(names('Customer Rossi <r@example.it>, Anna Maria Schmidt <a@example.de>'), ['Customer Rossi', 'Anna Maria Schmidt']);
    // So are titles, one after another: the name's token is the one it gets without them.
    assert.deepEqual(names('Dr. Andreas Keller <ak@example.de>, Prof. Dr. Hans Weber (hw@example.de), Kunde Dr. Anna Schmidt <a@example.de>, Dr. Weber <w@example.de>'), [
      'Andreas Keller',
      'Hans Weber',
      'Anna Schmidt',
      'Dr. Weber',
    ]);
  });

  it('reads no name where no address follows, or none stands before it', () => {
    for (const text of ['List<String> x; Map<K, V> y', 'Anna <anna@example>', 'Anna <anna@@example.de>', 'Anna <an na@example.de>', 'Anna <anna@example.de', 'Anna<anna@example.de>', '<anna@example.de>', 'mail: <anna@example.de>', 'x "unclosed <a@example.de>']) {
      assert.deepEqual(names(text), [], text);
    }
  });

  it('reads an unquoted `Surname, Given` before the address whole, as mail clients print it', () => {
    assert.deepEqual(names('From: Schmidt, Anna <anna@example.de>'), ['Schmidt, Anna']);
    assert.deepEqual(names('To: Bob Jones <bob@example.org>, Dupont, Jean Luc <jl@example.fr>'), ['Bob Jones', 'Dupont, Jean Luc']);
    // A comma after anything that reads as no name is a list's; one before a title and a name, a sentence's.
    assert.deepEqual(names('a@example.org, Anna <anna@example.de>'), ['Anna']);
    assert.deepEqual(names('Also, Dr. Andreas Keller (ak@example.de) will send it; Hello, Anna Maria Schmidt <a@example.de>'), ['Andreas Keller', 'Anna Maria Schmidt']);
    assert.deepEqual(names('x=1, Anna <anna@example.de>'), ['Anna']);
  });

  it('reads the name beside an address in parentheses: `Anna Schmidt (anna@…)` and `anna@… (Anna Schmidt)`', () => {
    assert.deepEqual(names('Assigned to Anna Schmidt (anna@example.de) today'), ['Anna Schmidt']);
    // More of the person's contact details after the address, before the parentheses close.
    assert.deepEqual(names('Ticket opened by Lukas Hofer (lukas.hofer@example.at, +43 664 1234567); Anna Schmidt (anna@example.de; Tel. 030 1234567) called'), ['Lukas Hofer', 'Anna Schmidt']);
    assert.deepEqual(names('See Docs Team (help@example.com, or the FAQ (below))\nAnna Schmidt (anna@example.de, and\nmore)'), []);
    assert.deepEqual(names('From: anna@example.de (Anna Schmidt)\nCc: <jean@example.fr> (Jean Dupont), x@example.org (see above)'), ['Anna Schmidt', 'Jean Dupont']);
    for (const text of ['call (anna@example.de)', 'Anna (anna@example.de', 'Anna (an na@example.de)', 'anna@example.de (Anna', 'anna@example.de (ok)', 'f(x) (Anna Schmidt)', 'anna@example.de(Anna Schmidt)']) {
      assert.deepEqual(names(text), [], text);
    }
  });

  it('reads a name in Markdown\'s emphasis before an address, and the text of a link to an address in Markdown or HTML', () => {
    assert.deepEqual(names('- **Anna Schmidt** (anna@example.de)\n- _Jean Dupont_ <jean@example.fr>'), ['Anna Schmidt', 'Jean Dupont']);
    assert.deepEqual(names('Ask [Anna Schmidt](mailto:anna@example.de) or <a href="mailto:jean@example.fr">Jean Dupont</a>.'), ['Anna Schmidt', 'Jean Dupont']);
    for (const text of ['see [the docs](mailto:help@example.org)', '<a href="mailto:help@example.org">write to us</a>', '<a href="https://x.org/?u=a@example.org">Anna Schmidt</a>', '[Anna Schmidt] (a@example.de)']) {
      assert.deepEqual(names(text), [], text);
    }
  });

  it("reads the cell before an address's in a row without a header: CSV, TSV, an SQL tuple; quoted or not", () => {
    const rows = 'Anna Schmidt,anna@example.de,+49 30 1234567\n"Dupont, Jean";"jean@example.fr"\nMaria Rossi\tmaria@example.it\n';
    assert.deepEqual(names(rows), ['Anna Schmidt', 'Dupont, Jean', 'Maria Rossi']);
    assert.deepEqual(names("INSERT INTO customers VALUES (1, 'Anna Schmidt', 'anna@example.de'), (2,Jean Dupont, jean@example.fr);"), ['Anna Schmidt', 'Jean Dupont']);
    // After a label: `Kontakt: Anna Schmidt, anna@…`; an address the text's end ends (a JSON value) is one.
    assert.deepEqual(names('Kontakt: Anna Schmidt, anna@example.de'), ['Anna Schmidt']);
    assert.deepEqual(names('Jean Dupont (jean@example.fr'), []);
    // No delimiter, a cell that reads as no name, one longer than a name.
    assert.deepEqual(names(`write to anna@example.de\nsee the docs, help@example.org\n${'A'.repeat(90)} B,x@example.org\n7,b@example.org`), []);
  });

  it("reads a list item's first segment before its address, parted by dashes, and a name before a role in parentheses and an address", () => {
    assert.deepEqual(names('- Anna Schmidt – Product Owner – anna@example.de\n- **Maria Rossi** - maria@example.it\n• Erik Larsson — erik@example.se\n  * Jean Dupont - jean@example.fr'), ['Anna Schmidt', 'Maria Rossi', 'Erik Larsson', 'Jean Dupont']);
    assert.deepEqual(names('* Jean Dupont (Maintainer) <jean@example.fr>'), ['Jean Dupont']);
    // No list item, no name first, no dash before the address, unbalanced emphasis, a table's row.
    for (const text of ['Support Team - support@example.com', '- see the docs - a@example.de', '- Anna Schmidt: a@example.de', '- **Anna Schmidt* - a@example.de', '| Erik Larsson | erik@example.se |', 'x (Anna) <a@example.de>']) {
      assert.deepEqual(names(text), [], text);
    }
  });

  it('reads a mention by name: `@` and two or three capitalised words, as chats and Notion write one', () => {
    assert.deepEqual(names('Thanks @Anna Schmidt for the review, cc @Daan de Vries.'), ['Anna Schmidt', 'Daan de Vries']);
    assert.deepEqual(names('@Jean Dupont\n(@María García) "@Anna Schmidt" **@Jean Luc Picard**'), ['Jean Dupont', 'María García', 'Anna Schmidt', 'Jean Luc Picard']);
    // Handles and code: one word, lower case, glued to a word or a dot, a package's scope, a company's legal form.
    for (const text of ['@anna please look', '@Override public void run()', '@Component({ selector })', 'x@Anna Schmidt', 'a.@Anna Schmidt', 'npm i @modelcontextprotocol/sdk', 'ask @Example GmbH', '@Anna Schmidt2', '@ Anna Schmidt']) {
      assert.deepEqual(names(text), [], text);
    }
    // The start of a value read with others (a document's text nodes, Atlassian's mention node's `text`).
    assert.deepEqual(names('Hi \u0000@Anna Schmidt\u0000, please call'), ['Anna Schmidt']);
  });

  it('reads only text[from, to): a name that starts before `from` is read from `from`', () => {
    const text = 'x\nAnna Schmidt <anna@example.de>\nJean <j@example.fr>';
    assert.deepEqual(names(text, 2, 33), ['Anna Schmidt']);
    assert.deepEqual(names(text, 7, 33), ['Schmidt']);
  });

  it('readsAsName: two to five capitalised words with particles between them, or one word of a script without case; the surname may come first, before `, `; no legal form last', () => {
    for (const name of ['Anna Schmidt', 'Daan de Vries', "Jean-Luc O'Neil", 'María José García López', 'Dr. Anna Schmidt', '山田太郎', 'Schmidt, Anna', 'Müller, Hans Peter']) assert.ok(readsAsName(name), name);
    for (const value of ['Anna', 'anna schmidt', 'see Anna', 'Anna de', 'de Vries', 'Anna  Schmidt', 'Anna Schmidt ', 'cus_NffrFeUfNV2Hib', 'A B C D E F', 'Anna 2', '']) assert.ok(!readsAsName(value), value);
    for (const value of ['Schmidt,', 'Schmidt, anna', 'Schmidt,Anna', 'Schmidt ,Anna', 'Schmidt,, Anna', 'Schmidt, Anna, Berlin', 'Schmidt, Anna Maria Berlin Mitte Nord']) assert.ok(!readsAsName(value), value);
    // A company's name with its legal form is a legal person's.
    for (const value of ['Example GmbH', 'Acme Inc.', 'Exemple SARL', 'Amazon EU S.a.r.L.', 'Exemple S.à r.l.', 'Voorbeeld B.V.', 'Esempio S.p.A.', 'Anna Schmidt GmbH', 'Widgets Ltd']) assert.ok(!readsAsName(value), value);
    // A passenger as airlines write one; no other name has a slash.
    for (const name of ['SCHMIDT/ANNA MRS', 'DUPONT/JEAN PIERRE MR', "O'NEIL/SEAN"]) assert.ok(readsAsName(name), name);
    for (const value of ['N/A', 'Anna/Schmidt', 'Input/Output', 'SCHMIDT/anna', 'SCHMIDT/ANNA/MRS']) assert.ok(!readsAsName(value), value);
  });

  it('readsAsNames: a name, or a list of two or more parted by `, `, `; `, ` and ` or ` & `', () => {
    for (const value of ['Anna Schmidt', 'Schmidt, Anna', 'Anna Schmidt, Jean Dupont, Maria Rossi', 'Anna Schmidt and Jean Dupont', 'Anna Schmidt; Daan de Vries & 山田太郎']) assert.ok(readsAsNames(value), value);
    for (const value of ['Anna Schmidt, Berlin office', 'Anna Schmidt and others', 'anna, Jean Dupont', 'Anna Schmidt,Jean Dupont', 'Anna Schmidt, ', `${'Anna Schmidt, '.repeat(60)}Jean Dupont`]) assert.ok(!readsAsNames(value), value);
  });
});
