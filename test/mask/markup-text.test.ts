import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PersonKeys } from '../../src/mask/lib/lines.js';
import { newMarkupState, readElements, type MarkupState } from '../../src/mask/lib/markup-text.js';

const FIELDS = new Set(['first_name', 'full_name', 'home_address']);
const fieldAt = (text: string, start: number, end: number): string | undefined => (FIELDS.has(text.slice(start, end)) ? text.slice(start, end) : undefined);

/** The pieces of text `readElements` reports, as `field=text`, and those of HTML table cells as `column name: text` (`column name[row key]: text` in a row of a key and values). */
function texts(text: string, state: MarkupState = newMarkupState(), from = 0, to = text.length, persons?: PersonKeys): string[] {
  const seen: string[] = [];
  readElements(
    text,
    from,
    to,
    state,
    fieldAt,
    (start, end, field) => seen.push(`${field}=${text.slice(start, end)}`),
    (start, end, column, names, key) => seen.push(`${names[column] ?? ''}${key === undefined ? '' : `[${key}]`}: ${text.slice(start, end)}`),
    persons,
  );
  return seen;
}

const PERSONS: PersonKeys = {
  isPerson: (text, start, end) => ['customer', 'assignee', 'author'].includes(text.slice(start, end).toLowerCase()),
  memberAt: (text, start, end) => ({ name: 'full_name', address: 'home_address' })[text.slice(start, end).toLowerCase()],
  tells: (text, start, end) => /^(e-?mail|phone)$/i.test(text.slice(start, end)),
  addressee: () => false,
  nameField: 'full_name',
};

describe('readElements', () => {
  it('reads the text of an element a field names, with a namespace prefix, in CDATA, the names of elements inside kept', () => {
    const xml = '<customer id="7"><first_name>Anna</first_name><ns:full_name><![CDATA[Anna <Schmidt>]]></ns:full_name><home_address><street> Hauptstr. 1 </street><city>Berlin</city></home_address><note>ok</note><first_name/></customer>';
    assert.deepEqual(texts(xml), ['first_name=Anna', 'full_name=Anna <Schmidt>', 'home_address=Hauptstr. 1', 'home_address=Berlin']);
  });

  it('reads an element over lines, and carries it from one piece of a text to the next', () => {
    const xml = '<home_address>\n  <street>Hauptstr. 1</street>\n  10115 Berlin\n</home_address>\n<city>Paris</city>\n';
    assert.deepEqual(texts(xml), ['home_address=Hauptstr. 1', 'home_address=10115 Berlin']);
    const state = newMarkupState();
    assert.deepEqual(texts(xml, state, 0, 15), []);
    assert.equal(state.named, 'home_address');
    assert.deepEqual(texts(xml, state, 15, xml.length), ['home_address=Hauptstr. 1', 'home_address=10115 Berlin']);
    assert.equal(state.named, undefined);
  });

  it('reads no element where a `<` starts no tag, and reads what follows', () => {
    assert.deepEqual(texts('a<b and <first_name >x<y</first_name > then <p>Anna</p> 3 < 4 <first_name'), ['first_name=x<y']);
    assert.deepEqual(texts('<!-- <first_name>x</first_name> is read --> <first_name_x>y</first_name_x> <full_name foo="1">Bob</full_name>'), ['first_name=x', 'full_name=Bob']);
  });

  it('closes an element at a NUL (values masked together are parted by one)', () => {
    assert.deepEqual(texts('<full_name>Anna\u0000Bob</full_name>\u0000<first_name>Cleo</first_name>'), ['full_name=Anna', 'first_name=Cleo']);
  });

  it('reads an HTML table\'s cells under the headings of its first row: nested tags, colspan, omitted end tags, upper case', () => {
    const html = '<table class="x"><thead><tr><th>Full name</th><th colspan="2"><b>E-mail</b> address</th><TH>Notes</TH></tr></thead>\n<tbody><tr><td>Anna <b>Schmidt</b></td><td>a@example.de</td><td>b@example.de<td>VIP</td></tr>\n<tr><th>Jean</th><td></td></tbody></table><p>Paul</p><td>x</td>';
    assert.deepEqual(texts(html), ['Full name: Anna', 'Full name: Schmidt', 'E-mail address: a@example.de', 'E-mail address: b@example.de', 'Notes: VIP', 'Full name: Jean']);
  });

  it('reads no columns from a row that holds data, one heading, or headings that are no column names', () => {
    for (const html of ['<table><tr><th>first_name</th></tr><tr><td>Anna</td></tr></table>', '<table><tr><th>a@b</th><th>c</th></tr><tr><td>Anna</td><td>x</td></tr></table>', '<tr><th>first_name</th><th>c</th></tr><tr><td>Anna</td><td>x</td></tr>']) {
      assert.deepEqual(texts(html), [], html);
    }
  });

  it('reads a row where no row named the columns, or a row under columns headed `Field`, `Value`, as a key (a heading or a label, its colon dropped) and its values', () => {
    const detail = '<table><tr><th>First name</th><td>Anna <b>M.</b></td></tr>\n<tr><th scope="row">SSN</th><td>123456789</td><td>x</td></tr><tr><td>Jean</td><td>y</td></tr><tr><th>a@b</th><td>z</td></tr></table>';
    assert.deepEqual(texts(detail), ['[First name]: Anna', '[First name]: M.', '[SSN]: 123456789', '[SSN]: x', '[Jean]: y']);
    // HTML mail labels its values with a data cell as often as with a heading.
    assert.deepEqual(texts('<table><tr><td>first_name</td><td>Anna</td></tr><tr><td>Date of birth:</td><td>1980-01-02</td></tr></table>'), ['[first_name]: Anna', '[Date of birth]: 1980-01-02']);
    const keyed = '<table><tr><th>Field</th><th>Value</th></tr><tr><td>Date of birth</td><td>1980-01-02</td></tr><tr><th>Phone</th><td>030 1234567</td></tr></table>';
    assert.deepEqual(texts(keyed), ['Value[Date of birth]: 1980-01-02', 'Value[Phone]: 030 1234567']);
    // Under columns headed otherwise, a row's heading is a cell of its column, as before.
    assert.deepEqual(texts('<table><tr><th>Name</th><th>Phone</th></tr><tr><th>Anna</th><td>030 1234567</td></tr></table>'), ['Name: Anna', 'Phone: 030 1234567']);
  });

  it('reads an element that stands for a person: its `name` and `address` inside it, and its own text if it reads as a name', () => {
    const xml = '<customer id="7"><name>Anna Schmidt</name><address><city>Berlin</city></address><plan>Gold</plan></customer><name>Widget</name>\n<ns:Assignee> Jean Dupont </ns:Assignee><assignee>jean</assignee><author>\n  <Name>Bob Lee</Name>\n</author>';
    const read = ['full_name=Anna Schmidt', 'home_address=Berlin', 'full_name=Jean Dupont', 'full_name=Bob Lee'];
    assert.deepEqual(texts(xml, newMarkupState(), 0, xml.length, PERSONS), read);
    assert.deepEqual(texts(xml), []);
    // From one piece of the text to the next; a NUL ends the person's element.
    const state = newMarkupState();
    const cut = xml.indexOf('  <Name>');
    assert.deepEqual([...texts(xml, state, 0, cut, PERSONS), ...texts(xml, state, cut, xml.length, PERSONS)], read);
    const parted = '<author>\n\u0000<name>Bob Lee</name>';
    assert.deepEqual(texts(parted, newMarkupState(), 0, parted.length, PERSONS), []);
  });

  it("reads a Teams mention's text (`<at id=\"0\">Anna Schmidt</at>`) as a person's name, if it reads as one", () => {
    const html = '<p><at id="0">Anna Schmidt</at>, <AT>Jean Dupont</AT> and <at id="2">General</at>: <attr>Maria Rossi</attr> <a>Bob Lee</a></p>';
    assert.deepEqual(texts(html, newMarkupState(), 0, html.length, PERSONS), ['full_name=Anna Schmidt', 'full_name=Jean Dupont']);
  });

  it('reads elements side by side as a record: a `<Name>` beside an `<Email>` or a `<Phone>` is a person\'s, until what holds them closes', () => {
    const xml = '<record><Name>Maria Rossi</Name><Phone>+39 06 1234 5678</Phone><Address>Via Roma 1</Address></record>\n<item><Name>Widget</Name></item><item><size>1</size><Email>x@example.de</Email></item>\n<r><Name>A</Name><Name>B</Name><Email>b@example.de</Email></r>\n';
    assert.deepEqual(texts(xml, newMarkupState(), 0, xml.length, PERSONS), ['full_name=Maria Rossi', 'home_address=Via Roma 1', 'full_name=B']);
    assert.deepEqual(texts(xml), []);
    // Elements opened and closed inside the record are its members, as a JSON object's are; one left open (`<br>`) is closed with what holds it.
    const members = '<customer_list>\n<record>\n  <Name>Jean Dupont</Name>\n  <Plan><b>Gold</b></Plan><br>\n  <Phone>+33 1 23 45 67 89</Phone>\n</record>\n<record><Name>Widget</Name><br></record>\n<record><Phone>+33 1 23 45 67 89</Phone></record>\n</customer_list>\n';
    assert.deepEqual(texts(members, newMarkupState(), 0, members.length, PERSONS), ['full_name=Jean Dupont']);
  });

  it('reads an HTML definition list: each term the key of the description after it, a record as elements are, a person\'s term as a person\'s key', () => {
    const html = '<dl><dt>full_name</dt><dd> Anna Schmidt </dd><dt>Name</dt><dd>Jean Dupont</dd><dt>E-mail</dt><dd>jean@example.fr</dd></dl>\n<dl><dt>Name</dt><dd>Widget</dd></dl><dd>orphan</dd>\n<dl>\n  <dt>first_name</dt>\n  <dd>Anna</dd>\n</dl>\n<dl><dt>Assignee</dt><dd>Maria Rossi</dd><dt>Customer</dt><dd>cus_123</dd></dl>\n';
    assert.deepEqual(texts(html, newMarkupState(), 0, html.length, PERSONS), ['full_name=Anna Schmidt', 'full_name=Jean Dupont', 'first_name=Anna', 'full_name=Maria Rossi']);
    assert.deepEqual(texts(html), ['full_name=Anna Schmidt', 'first_name=Anna']);
  });

  it('reads a label in bold or a label element as the key of the text after it, up to the next tag: a field, a person, a record as elements are', () => {
    const html =
      '<p><b>full_name:</b> Anna Schmidt<br><strong>Customer</strong>: Jean Dupont</p>\n<p><b>Name:</b> Maria Rossi<br><b>Email:</b> maria@example.it<br><b>Name:</b> Bob Lee</p>\n' +
      '<p><b>Name:</b> Widget<br><b>Price:</b> 9.99</p>\n<p><b>Customer</b> Anna Schmidt <label>first_name:</label><input value="Anna"></p>\n';
    assert.deepEqual(texts(html, newMarkupState(), 0, html.length, PERSONS), ['full_name=Anna Schmidt', 'full_name=Jean Dupont', 'full_name=Maria Rossi', 'full_name=Bob Lee']);
    assert.deepEqual(texts(html), ['full_name=Anna Schmidt']);
  });

  it('reads a cell over lines and from one piece of a text to the next; a NUL ends the table', () => {
    const html = '<table>\n<tr>\n  <th>first_name</th>\n  <th></th>\n  <th>city</th>\n</tr>\n<tr>\n  <td>\n    Anna\n  </td><td>1</td>\n  <td>Berlin</td>\n</tr>\n</table>\n';
    assert.deepEqual(texts(html), ['first_name: Anna', 'city: Berlin']);
    const state = newMarkupState();
    const cut = html.indexOf('Anna') - 2;
    assert.deepEqual([...texts(html, state, 0, cut), ...texts(html, state, cut, html.length)], ['first_name: Anna', 'city: Berlin']);
    assert.equal(state.table, false);
    assert.deepEqual(texts('<table><tr><th>first_name</th><th>city</th></tr>\u0000<tr><td>Anna</td><td>x</td></tr></table>'), []);
  });
});
