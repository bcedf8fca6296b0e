import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newKeyValueState, readKeyValues, type KeyValueState } from '../../src/mask/lib/key-value-text.js';
import type { PersonKeys } from '../../src/mask/lib/lines.js';

const FIELDS = new Map([
  ['full_name', 'full_name'],
  ['date_of_birth', 'date_of_birth'],
  ['first_name', 'first_name'],
  ['home_address', 'home_address'],
]);
const fieldAt = (text: string, start: number, end: number): string | undefined => FIELDS.get(text.slice(start, end).toLowerCase().replace(/[-\s]/g, '_'));

const PERSONS: PersonKeys = {
  isPerson: (text, start, end) => ['customer', 'assignee', 'attendees', 'recipient'].includes(text.slice(start, end).toLowerCase()),
  addressee: (text, start, end) => text.slice(start, end).toLowerCase() === 'recipient',
  memberAt: (text, start, end) => ({ name: 'full_name', address: 'home_address' })[text.slice(start, end).toLowerCase()],
  tells: (text, start, end) => /^(e-?mail|phone)$/i.test(text.slice(start, end)),
  nameField: 'full_name',
};

/** The values `readKeyValues` reports, as `field=value`. */
function values(text: string, state: KeyValueState = newKeyValueState(), from = 0, to = text.length, persons?: PersonKeys): string[] {
  const seen: string[] = [];
  readKeyValues(text, from, to, state, fieldAt, (start, end, field) => seen.push(`${field}=${text.slice(start, end)}`), persons);
  return seen;
}

describe('readKeyValues', () => {
  it('reads the value after a key that names a field: `Key: value`, `key = value`, quoted, CRLF; other keys are not reported', () => {
    const text = 'Customer record\r\nFull name: Anna Schmidt \r\nDate of birth:02.01.1980\nFIRST_NAME="Anna"\nCity: Berlin\n  full-name : \'Bob Lee\'\n';
    assert.deepEqual(values(text), ['full_name=Anna Schmidt', 'first_name=Anna', 'full_name=Bob Lee']);
  });

  it('reads Markdown list items with the key in bold or italics, the colon inside or outside, numbered or not', () => {
    assert.deepEqual(values('- **Full name:** Anna Schmidt\n* __First Name__: Anna\n- **City**: Berlin\n*Full name:* Jean Dupont\n- *First name*: Jean\n'), ['full_name=Anna Schmidt', 'first_name=Anna', 'full_name=Jean Dupont', 'first_name=Jean']);
    assert.deepEqual(values('1. Full name: Anna Schmidt\n12) **First name:** Anna\n2024. Full name: x\n1.Full name: y\n'), ['full_name=Anna Schmidt', 'first_name=Anna']);
    const numbered = 'attendees:\n  1. Jean Dupont\n  2) Anna Schmidt\n';
    assert.deepEqual(values(numbered, newKeyValueState(), 0, numbered.length, PERSONS), ['full_name=Jean Dupont', 'full_name=Anna Schmidt']);
  });

  it('reads the block below a key without a value: each line indented deeper, a nested key keeping its name, until a line that is not', () => {
    const text = 'customer:\n  full_name: Anna\n  home_address:\n    street: Hauptstr. 1\n\n    - 10115 Berlin\n  note: kept\nhome_address: |\n  Hauptstr. 1\nnext: x\n';
    assert.deepEqual(values(text), ['full_name=Anna', 'home_address=Hauptstr. 1', 'home_address=10115 Berlin', 'home_address=Hauptstr. 1']);
  });

  it('reads no key where a colon that no space follows separates a scheme or a time, or the key is no name', () => {
    assert.deepEqual(values('full_name:12:30\nhttp://full_name:x@host\n12 full_name: x\nfull_name\u00b7x: y\n'), []);
  });

  it('reads keys inside a line: JSON or an object written in a text or a log line, a URL\'s query, logfmt', () => {
    assert.deepEqual(values('Result: {"first_name":"Anna","id": 7, "full_name": "Anna \\"A\\" Schmidt", "home_address": {"city": "Berlin"}}'), [
      'first_name=Anna',
      'full_name=Anna \\"A\\" Schmidt',
      'home_address="city": "Berlin"',
    ]);
    assert.deepEqual(values("INFO created {'first_name': 'Anna'} Customer(id=7, full_name='Bob', date_of_birth=date(1980, 1, 2))"), ['first_name=Anna', 'full_name=Bob', 'date_of_birth=date(1980, 1, 2)']);
    assert.deepEqual(values('see https://crm.example.com/c?first_name=Anna&city=Berlin#top, level=info full_name=Bob order=7'), ['first_name=Anna', 'full_name=Bob']);
    assert.deepEqual(values("SELECT * FROM customers WHERE first_name = 'Anna' AND full_name != \"Bob\" OR x.full_name=='Cleo'"), ['first_name=Anna', 'full_name=Bob', 'full_name=Cleo']);
    // A member of an object written in the line (YAML's flow style) runs to its comma or brace, blanks and all; a logfmt value to a blank.
    assert.deepEqual(values('- {full_name: Anna Schmidt, city: Berlin}\nx: 1, full_name: Jean Dupont | level=info full_name=Bob Lee\n'), ['full_name=Anna Schmidt', 'full_name=Jean Dupont', 'full_name=Bob']);
    // So does a member of a call or a map as Kotlin, Java and Swift print them, up to its closing bracket.
    assert.deepEqual(values("User(id=1, full_name=Liam O'Brien, x=2) {full_name=Anna Schmidt} Person(full_name: Jean Dupont)\n"), ["full_name=Liam O'Brien", 'full_name=Anna Schmidt', 'full_name=Jean Dupont']);
    // Another key's value may hold keys of its own, in brackets or quotes; a field's value is not read again.
    assert.deepEqual(values('customer: {"first_name": "Anna"}\nnote: "a, first_name=Bob"\nfull_name: "x, first_name=Cleo"\n'), ['first_name=Anna', 'first_name=Bob', 'full_name=x, first_name=Cleo']);
  });

  it('reads a value that does not close on its line to the line\'s end, and no key inside a word or after a colon that a value does not follow', () => {
    assert.deepEqual(values('{"first_name": "Anna\nSchmidt", "x": 1}\n{"full_name": ["Anna", \n'), ['first_name=Anna', 'full_name="Anna", ']);
    assert.deepEqual(values('time first_name:12:30, myfirst_name=x, {first_name:12}, a first_name: b\n'), []);
  });

  it('ends a line and closes a block at a NUL (values masked together are parted by one)', () => {
    assert.deepEqual(values('home_address:\u0000  Hauptstr. 1\u0000full_name: Anna\u0000x'), ['full_name=Anna']);
  });

  it('reads a person\'s key: its value as the name if it reads as one, else the block below it, where `name` and `address` are the person\'s', () => {
    const text = 'Customer: Anna Schmidt\nassignee: cus_123\n- **Assignee:** Jean Dupont\ncustomer:\n  name: Anna Schmidt\n  dob: x\n  full_name: Anna S.\n  address:\n    city: Berlin\n  plan: Gold\nname: Project X\nattendees:\n  - Jean Dupont\n  - jean\n';
    assert.deepEqual(values(text, newKeyValueState(), 0, text.length, PERSONS), ['full_name=Anna Schmidt', 'full_name=Jean Dupont', 'full_name=Anna Schmidt', 'full_name=Anna S.', 'home_address=Berlin', 'full_name=Jean Dupont']);
    // Without `persons`, or from one piece to the next, the block still ends where its indentation does.
    assert.deepEqual(values(text), ['full_name=Anna S.']);
    const state = newKeyValueState();
    const cut = text.indexOf('  name:');
    assert.deepEqual([...values(text, state, 0, cut, PERSONS), ...values(text, state, cut, text.length, PERSONS)], values(text, newKeyValueState(), 0, text.length, PERSONS));
    // A NUL closes the person's block.
    assert.deepEqual(values('customer:\n\u0000  name: Anna Schmidt\n', newKeyValueState(), 0, 33, PERSONS), []);
  });

  it('reads the name that starts a person\'s value followed by more: `Anna Schmidt (Sales)`, `…, Berlin office`, `… - VIP`', () => {
    const text = 'Assignee: Anna Schmidt (5b10ac8d82e0)\nAssignee: Schmidt, Anna, Berlin office\ncustomer: Jean Dupont - VIP\nassignee: cus_123 (x)\nCustomer: see Anna Schmidt (x)\nlog customer="Maria Rossi [VIP]" ok\n';
    assert.deepEqual(values(text, newKeyValueState(), 0, text.length, PERSONS), ['full_name=Anna Schmidt', 'full_name=Schmidt, Anna', 'full_name=Jean Dupont', 'full_name=Maria Rossi']);
    // In brackets, the name runs to the bracket; a record's `name` in a call, to its comma.
    const calls = 'Order 7 (Customer: Anna Schmidt) shipped, (customer=Jean Dupont)\nUser(id=1, name=Maria Rossi, email=x)\n';
    assert.deepEqual(values(calls, newKeyValueState(), 0, calls.length, PERSONS), ['full_name=Anna Schmidt', 'full_name=Jean Dupont', 'full_name=Maria Rossi']);
  });

  it('reads a record of key lines with an e-mail address as a person\'s: its `name` and `address` before and after the address', () => {
    const text = 'Name: Anna Schmidt\naddress: Hauptstr. 1\nEmail: anna@example.de\nname: Anna S.\nPlan: Gold\n\nname: Report\nSize: 12\n\nname: A\nx\nEmail: b@example.de\n  name: C\nname: D\nname: E\nEmail: e@example.de\n';
    assert.deepEqual(values(text, newKeyValueState(), 0, text.length, PERSONS), ['full_name=Anna Schmidt', 'home_address=Hauptstr. 1', 'full_name=Anna S.', 'full_name=E']);
    // A NUL ends the record.
    const parted = 'name: Anna\n\u0000Email: a@example.de\n';
    assert.deepEqual(values(parted, newKeyValueState(), 0, parted.length, PERSONS), []);
  });

  it("reads a record of key lines with an addressee's name (a recipient's, RIPE's `person:`) as that person's; another person's key tells nothing", () => {
    const text = 'address: Hauptstr. 1\nRecipient: Anna Schmidt\naddress: 10115 Berlin\nPlan: Gold\n\nAssignee: Jean Dupont\naddress: build-01\n\nRecipient: Example GmbH\naddress: Industriestr. 1\n\n- {recipient: Maria Rossi, address: Via Roma 1}\n';
    assert.deepEqual(values(text, newKeyValueState(), 0, text.length, PERSONS), [
      'full_name=Anna Schmidt',
      'home_address=Hauptstr. 1',
      'home_address=10115 Berlin',
      'full_name=Jean Dupont',
      'full_name=Maria Rossi',
      'home_address=Via Roma 1',
    ]);
  });

  it('reads each record of a line that holds several: a list of objects as Python or YAML print it on one line', () => {
    const text = "[{'name': 'Anna Schmidt', 'email': 'a@example.de'}, {'name': 'Jean Dupont', 'phone': 'x'}]\n- {name: Maria Rossi, email: m@example.it}\n";
    assert.deepEqual(values(text, newKeyValueState(), 0, text.length, PERSONS), ['full_name=Anna Schmidt', 'full_name=Jean Dupont', 'full_name=Maria Rossi']);
  });

  it('reads the members of an object or a list under a person\'s key in a line as the person\'s: JSON in a text, a key line\'s value', () => {
    const text = 'Found: [{"customer":{"name":"Anna Schmidt","plan":"Gold","address":"Hauptstr. 1"},"name":"Order 1"}]\ncustomer: {"name": "Jean Dupont"}, name: Report\n{"attendees": [{"name": "Maria Rossi"}, {"name": "Erik Larsson"}], "project": {"name": "Apollo"}}\n';
    assert.deepEqual(values(text, newKeyValueState(), 0, text.length, PERSONS), [
      'full_name=Anna Schmidt',
      'home_address=Hauptstr. 1',
      'full_name=Jean Dupont',
      'full_name=Maria Rossi',
      'full_name=Erik Larsson',
    ]);
  });

  it('reads `=>` as Ruby, Perl and PHP print a hash: `{:name=>"…"}`, `\'name\' => \'…\'`, print_r\'s `[name] => …`', () => {
    const text = [
      '{:name=>"Anna Schmidt", :email=>"a@example.de"} {"full_name"=>"Jean Dupont"}',
      "$VAR1 = {\n          'name' => 'Maria Rossi',\n          'email' => 'm@example.it'\n        };",
      'Array\n(\n    [0] => Array\n        (\n            [name] => Luca Bianchi\n            [email] => l@example.it\n            [first_name] => Luca\n        )\n)',
      'items.map(name => name.first_name)',
    ].join('\n');
    assert.deepEqual(values(text, newKeyValueState(), 0, text.length, PERSONS), ['full_name=Anna Schmidt', 'full_name=Jean Dupont', 'full_name=Maria Rossi', 'full_name=Luca Bianchi', 'first_name=Luca']);
  });

  it('reads the keys inside a key line after its value: a quoted one, or one that a key inside the line ends', () => {
    assert.deepEqual(values('first_name: "Anna", full_name: "Anna Schmidt"\nFull name: Anna Schmidt, date_of_birth: 1980-01-02 | first_name: Anna\nHome address: Hauptstr. 1, 10115 Berlin\n'), [
      'first_name=Anna',
      'full_name=Anna Schmidt',
      'full_name=Anna Schmidt',
      'date_of_birth=1980-01-02',
      'first_name=Anna',
      'home_address=Hauptstr. 1, 10115 Berlin',
    ]);
  });

  it('reads a line of keys as a record: a person\'s key inside it, and its name beside an e-mail address or a phone number', () => {
    const text = 'ts=1 customer="Anna Schmidt" ip=10.0.0.1\nlevel=info name="Anna Schmidt" email=anna@example.de\n\nName: Jean Dupont, Email: jean@example.fr\n\nName: Jean Dupont | Phone: +33 6 12 34 56 78\n\nName: Widget, Size: 12\nlog {"assignee": "Jean Dupont", "customer": "cus_123"}\n- {name: Maria Rossi, email: maria@example.it}\n';
    assert.deepEqual(values(text, newKeyValueState(), 0, text.length, PERSONS), ['full_name=Anna Schmidt', 'full_name=Anna Schmidt', 'full_name=Jean Dupont', 'full_name=Jean Dupont', 'full_name=Jean Dupont', 'full_name=Maria Rossi']);
    assert.deepEqual(values(text), []);
  });

  it('reads the fields of a form or a report side by side, a gap of two blanks or a tab between: each value ends where the next key starts', () => {
    const text = 'Customer: Anna Schmidt   Order: ORD-1   Date of birth: 02.01.1980\nName: Jean Dupont\tEmail: jean@example.fr\nAssignee: Jean Dupont  Status: open  Customer: Maria Rossi\nFull name: Anna Schmidt   Home address: Hauptstr. 1, Berlin\n';
    assert.deepEqual(values(text, newKeyValueState(), 0, text.length, PERSONS), [
      'full_name=Anna Schmidt',
      'date_of_birth=02.01.1980',
      'full_name=Jean Dupont',
      'full_name=Jean Dupont',
      'full_name=Maria Rossi',
      'full_name=Anna Schmidt',
      'home_address=Hauptstr. 1, Berlin',
    ]);
    // One blank is no gap, and a time's colon no key's.
    assert.deepEqual(values('Full name: Anna Schmidt Status: open\nFull name: Anna Schmidt   at 12:30:00\n'), ['full_name=Anna Schmidt Status: open', 'full_name=Anna Schmidt   at 12:30:00']);
  });

  it('reads a list of names under a person\'s key, each part between `and` or `;` a name: BibTeX\'s authors in braces, a list in a line', () => {
    const text = '@article{key,\n  assignee = {Schmidt, Anna and Dupont, Jean},\n  title = {A study},\n}\nassignee: Rossi, Maria; Larsson, Erik\ncustomer = {Anna Schmidt}\ncustomer = {Schmidt, Anna and the ACME team}\n';
    assert.deepEqual(values(text, newKeyValueState(), 0, text.length, PERSONS), ['full_name=Schmidt, Anna', 'full_name=Dupont, Jean', 'full_name=Rossi, Maria', 'full_name=Larsson, Erik', 'full_name=Anna Schmidt']);
  });

  it('reads a Go struct as `%+v` prints it: each field\'s value to the next field or the struct\'s end, a person\'s struct inside one too', () => {
    const text = 'created user: &{ID:7 Full_name:Anna Schmidt Plan:Gold}\n{ID:1 Name:Jean Dupont Email:jean@example.fr}\norder: {ID:9 Customer:{Name:Maria Rossi Address:Via Roma 1} Total:9.99}\n{ID:2 Name:Widget Price:9.99}\n';
    assert.deepEqual(values(text, newKeyValueState(), 0, text.length, PERSONS), ['full_name=Anna Schmidt', 'full_name=Jean Dupont', 'full_name=Maria Rossi', 'home_address=Via Roma 1']);
    // A name that is no exported field\'s, a field after a blank outside a struct, a drive\'s letter and a scheme are none.
    assert.deepEqual(values('{full_name:Anna Schmidt}\nx Full_name:Anna\n{C:\\Users\\anna} {http://x}\n'), []);
  });

  it('reads YAML\'s lists of records: a person\'s list at its key\'s indentation, and an item\'s keys as one record', () => {
    const text = 'customer:\n- name: Anna Schmidt\n  plan: Gold\n- name: Jean Dupont\nitems:\n- name: Widget\n  size: 12\n- name: Maria Rossi\n  phone: +39 06 1234 5678\nassignee:\n  name: Jean Dupont\n\n- name: Report\n';
    assert.deepEqual(values(text, newKeyValueState(), 0, text.length, PERSONS), ['full_name=Anna Schmidt', 'full_name=Jean Dupont', 'full_name=Maria Rossi', 'full_name=Jean Dupont']);
    // Across pieces too.
    const state = newKeyValueState();
    const cut = text.indexOf('- name: Jean');
    assert.deepEqual([...values(text, state, 0, cut, PERSONS), ...values(text, state, cut, text.length, PERSONS)], values(text, newKeyValueState(), 0, text.length, PERSONS));
  });

  it('reads a Markdown heading that reads as a name as the name of the record of key lines after it, if that record tells a person', () => {
    const text = '### Anna Schmidt\n\n- **Email:** anna@example.de\n\n## Customer Support ##\n- Phone: +49 30 1234567\n\n## Orders\n- Email: orders@example.de\n\n## Jean Dupont\nSome text\n- Email: j@example.fr\n\n# Maria Rossi\n- Plan: Gold\n#Hashtag Name\n- Email: x@example.de\n';
    assert.deepEqual(values(text, newKeyValueState(), 0, text.length, PERSONS), ['full_name=Anna Schmidt', 'full_name=Customer Support']);
    assert.deepEqual(values(text), []);
    // Inside a field's block, a line that starts with `#` is the field's.
    const block = 'home_address:\n  # Hauptstr. 1\n  Berlin\n';
    assert.deepEqual(values(block, newKeyValueState(), 0, block.length, PERSONS), ['home_address=# Hauptstr. 1', 'home_address=Berlin']);
  });

  it('carries a block from one piece of a text to the next, each piece starting a line', () => {
    const text = 'home_address:\n  Hauptstr. 1\n  10115 Berlin\nnote: x\n';
    const state = newKeyValueState();
    assert.deepEqual(values(text, state, 0, 14), []);
    assert.equal(state.named, 'home_address');
    assert.deepEqual(values(text, state, 14, 28), ['home_address=Hauptstr. 1']);
    assert.deepEqual(values(text, state, 28, text.length), ['home_address=10115 Berlin']);
    assert.equal(state.named, undefined);
  });
});
