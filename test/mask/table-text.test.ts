import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PersonKeys } from '../../src/mask/lib/lines.js';
import { newTableState, readTables, type TableState } from '../../src/mask/lib/table-text.js';

/** The cells `readTables` reports, as `column name=cell text`, or `column name[row key]=cell text` in a table of keys and values. */
function cells(text: string, state: TableState = newTableState(), from = 0, to = text.length): string[] {
  const seen: string[] = [];
  readTables(text, from, to, state, (start, end, column, names, key) => seen.push(`${names[column]}${key === undefined ? '' : `[${key}]`}=${text.slice(start, end)}`), () => undefined, () => {}, undefined);
  return seen;
}

const PERSONS: PersonKeys = {
  isPerson: () => false,
  memberAt: (text, start, end) => ({ name: 'full_name', address: 'home_address' })[text.slice(start, end).toLowerCase()],
  tells: (text, start, end) => /^(e-?mail|phone)$/i.test(text.slice(start, end)),
  addressee: () => false,
  nameField: 'full_name',
};

/** The person's values `readTables` reports as a keyed table's rows tell them, as `field=value`, and where the reading holds from. */
function persons(text: string, state: TableState = newTableState(), from = 0, to = text.length): { values: string[]; held: number } {
  const values: string[] = [];
  const fieldAt = (key: string, start: number, end: number): string | undefined => (key.slice(start, end) === 'full name' ? 'full_name' : undefined);
  const held = readTables(text, from, to, state, () => {}, fieldAt, (start, end, field) => values.push(`${field}=${text.slice(start, end)}`), PERSONS);
  return { values, held };
}

describe('readTables', () => {
  it('reads CSV rows under their header: quoted cells (with "" and delimiters in them), spaces around cells, CRLF, empty cells not reported', () => {
    const text = 'first_name,email, city \r\nAnna,anna@example.de,Berlin\r\n"Schmidt, Jr.", "b""o@example.de" ,\r\n';
    assert.deepEqual(cells(text), ['first_name=Anna', 'email=anna@example.de', 'city=Berlin', 'first_name=Schmidt, Jr.', 'email=b""o@example.de']);
  });

  it('reads a table aligned with blanks (column -t, kubectl, docker, tabulate\'s plain style, pandas): each cell under its column\'s name, aligned left or right', () => {
    const text = 'ID  FIRST NAME  EMAIL\n1   Anna        anna@example.de\n22  Jean Paul   jean@example.fr\n\nname          city\n------------  ------\nAnna Schmidt  Berlin\n';
    assert.deepEqual(cells(text), ['ID=1', 'FIRST NAME=Anna', 'EMAIL=anna@example.de', 'ID=22', 'FIRST NAME=Jean Paul', 'EMAIL=jean@example.fr', 'name=Anna Schmidt', 'city=Berlin']);
    // pandas aligns values right, under an index without a name.
    assert.deepEqual(cells('           name             email\n0  Anna Schmidt  anna@example.de\n1   Jean Dupont  jean@example.fr\n'), ['name=Anna Schmidt', 'email=anna@example.de', 'name=Jean Dupont', 'email=jean@example.fr']);
    // A value under two names ends the table; so does a tab. Prose with double blanks is no header.
    assert.deepEqual(cells('ID  NAME  CITY\n1   Anna Schmidt Berlin\n2   Jean  Paris\n'), []);
    assert.deepEqual(cells('Hello  world, this is  a test\nof  text with double  spaces.\n'), []);
  });

  it('reads tab- and semicolon-separated values, and takes the delimiter that ends the first name', () => {
    assert.deepEqual(cells('First Name\tNotes (free text)\nAnna\tcall me, later\n'), ['First Name=Anna', 'Notes (free text)=call me, later']);
    assert.deepEqual(cells('name;iban\nAnna;DE89 3704 0044 0532 0130 00\n'), ['name=Anna', 'iban=DE89 3704 0044 0532 0130 00']);
  });

  it('reads a Markdown table after its rule line, with escaped pipes in a cell', () => {
    const text = 'Customers:\n\n| Full Name | Phone |\n|:---|---:|\n| Anna Schmidt | +49 30 12345678 |\n| Bob \\| Lee | |\n\nThat is all.';
    assert.deepEqual(cells(text), ['Full Name=Anna Schmidt', 'Phone=+49 30 12345678', 'Full Name=Bob \\| Lee']);
    // Without the rule line, no table.
    assert.deepEqual(cells('| Full Name | Phone |\n| Anna | 030 1234567 |\n'), []);
  });

  it('reads the boxes a database\'s client prints: MySQL\'s `+----+` and psql\'s `----+----` rule under the header', () => {
    const mysql = '+----+--------------+-----------------+\n| id | name         | email           |\n+----+--------------+-----------------+\n|  1 | Anna Schmidt | anna@example.de |\n+----+--------------+-----------------+\n1 row in set (0.00 sec)\n';
    assert.deepEqual(cells(mysql), ['id=1', 'name=Anna Schmidt', 'email=anna@example.de']);
    const psql = ' id |     name      |      email\n----+---------------+-----------------\n  1 | Anna Schmidt  | anna@example.de\n(1 row)\n';
    assert.deepEqual(cells(psql), ['id=1', 'name=Anna Schmidt', 'email=anna@example.de']);
    // A rule of another number of columns, or none, makes no table.
    assert.deepEqual(cells(' id | name\n----+----+----\n  1 | Anna\n'), []);
    assert.deepEqual(cells('Home | About\nAnna | Schmidt\n'), []);
  });

  it('ends a table at a line with another number of cells or a blank line; what follows may start one', () => {
    const text = 'name,email\nAnna,a@example.de\nBob,b@example.de,extra\nname,city\nCleo,Paris\n\nDan,Rome\nx,y\n';
    // `Dan,Rome` reads as a header: two names, and a row of two cells below.
    assert.deepEqual(cells(text), ['name=Anna', 'email=a@example.de', 'name=Cleo', 'city=Paris', 'Dan=x', 'Rome=y']);
  });

  it('reads a quoted cell over line breaks, a line at a time, and ends the table at a quote that does not close within 32 lines', () => {
    const text = 'first_name,home_address,email\nAnna,"Hauptstr. 1\r\n\n10115 ""Mitte""",anna@example.de\nBob,x,bob@example.org\n';
    assert.deepEqual(cells(text), ['first_name=Anna', 'home_address=Hauptstr. 1', 'home_address=10115 ""Mitte""', 'email=anna@example.de', 'first_name=Bob', 'home_address=x', 'email=bob@example.org']);
    // Over a piece's end too.
    const state = newTableState();
    const cut = text.indexOf('\n10115') + 1;
    assert.deepEqual([...cells(text, state, 0, cut), ...cells(text, state, cut, text.length)], cells(text));
    const unclosed = `a,b\nx,"y\n${'z\n'.repeat(40)}c,d\ne,f\n`;
    assert.deepEqual(cells(unclosed).slice(0, 3), ['a=x', 'b=y', 'b=z']);
    assert.deepEqual(cells(unclosed).slice(-2), ['c=e', 'd=f']);
  });

  it('reads no table in prose, data or code: a header is two or more short names', () => {
    for (const text of [
      'Customer 10000: Anna <anna@example.de>, Tel. 030 1234567\nCustomer 10001: Bob <bob@example.de>, Tel. 030 7654321\n',
      '2024-03-01,10:00,42\n2024-03-02,11:00,43\n',
      'name\nAnna\n',
      'Hello, this sentence is much longer than any column name would be\nAnd so, is this one\n',
      'const a = f(x, y);\nconst b = g(z, w);\n',
      'a@example.de,b@example.de\nc@example.de,d@example.de\n',
    ]) {
      assert.deepEqual(cells(text), [], text);
    }
  });

  it('reads no header that a line feed does not end, and ends a table at a NUL (values masked together are parted by one)', () => {
    assert.deepEqual(cells('name,email'), []);
    assert.deepEqual(cells('name,email\u0000Anna,a@example.de\n'), []);
    assert.deepEqual(cells('name,email\nAnna,a@example.de\u0000Bob,b@example.de\n'), ['name=Anna', 'email=a@example.de']);
  });

  it('reads a table whose second column is headed as values as keys and values: each row\'s first cell is its later cells\' key', () => {
    const text = '| Field | Value |\n|---|---|\n| First name | Anna |\n| SSN | 123456789 |\n| a note, long enough to be no name at all here | x |\n';
    assert.deepEqual(cells(text), ['Field=First name', 'Value[First name]=Anna', 'Field=SSN', 'Value[SSN]=123456789', 'Field=a note, long enough to be no name at all here', 'Value=x']);
    // In CSV, over a quoted cell's lines, and in another language; a table headed otherwise has no keys.
    assert.deepEqual(cells('Feld;Wert;Quelle\nhome_address;"Hauptstr. 1\n10115 Berlin";CRM\n'), ['Feld=home_address', 'Wert[home_address]=Hauptstr. 1', 'Wert[home_address]=10115 Berlin', 'Quelle[home_address]=CRM']);
    assert.deepEqual(cells('column,type\nfirst_name,text\n'), ['column=first_name', 'type=text']);
    // A key is no longer any row's once its table ended.
    assert.deepEqual(cells('key,value\ndob,x\n\nname,phone\nAnna,030 1234567\n'), ['key=dob', 'value[dob]=x', 'name=Anna', 'phone=030 1234567']);
  });

  it('reads a record of psql\'s expanded display (`\\x`) as a keyed table, a record per `-[ RECORD n ]` line', () => {
    const text = '-[ RECORD 1 ]----------------\nid    | 1\nname  | Anna Schmidt\n-[ RECORD 2 ]-+--------------\nemail | jean@example.fr\n\n-[ RECORD 3 ] x\nname | y\n';
    assert.deepEqual(cells(text), ['column=id', 'value[id]=1', 'column=name', 'value[name]=Anna Schmidt', 'column=email', 'value[email]=jean@example.fr']);
  });

  it('reads a record of MySQL\'s vertical display (`\\G`) as a keyed table: each row\'s key up to its first colon, aligned or not', () => {
    const text = '*************************** 1. row ***************************\n        id: 1\n      name: Anna Schmidt\ncreated_at: 2024-01-01 12:30:00\n*************************** 2. row ***************************\nname: Jean Dupont\n2 rows in set (0.00 sec)\n';
    assert.deepEqual(cells(text), ['column=id', 'value[id]=1', 'column=name', 'value[name]=Anna Schmidt', 'column=created_at', 'value[created_at]=2024-01-01 12:30:00', 'column=name', 'value[name]=Jean Dupont']);
  });

  it('reads a keyed table\'s rows as a person\'s record: a `name` is held until a contact\'s key tells it, and what follows is the person\'s', () => {
    const text = '| Field | Value |\n|---|---|\n| Name | Anna Schmidt |\n| Email | a@example.de |\n| Address | Hauptstr. 1 |\n\n-[ RECORD 1 ]---\nname  | Jean Dupont\nphone | x\n-[ RECORD 2 ]---\nname  | Report\nsize  | 3\n';
    assert.deepEqual(persons(text), { values: ['full_name=Anna Schmidt', 'home_address=Hauptstr. 1', 'full_name=Jean Dupont'], held: text.indexOf('name  | Report') });
    // Markdown's keyed table without a header (`| | |`) is one too; a row of empty cells without its rule starts none.
    const unnamed = '| | |\n|---|---|\n| **Name** | Anna Schmidt |\n| **Email** | a@example.de |\n';
    assert.deepEqual(persons(unnamed).values, ['full_name=Anna Schmidt']);
    assert.deepEqual(cells(unnamed), ['=**Name**', '[Name]=Anna Schmidt', '=**Email**', '[Email]=a@example.de']);
    assert.deepEqual(cells('| | |\n| Name | Anna Schmidt |\n'), []);
    // A key the policy names is its cell's to report; a record that ends, or that a table's end ends, tells nothing.
    assert.deepEqual(persons('key,value\nfull name,Anna\nemail,a@example.de\n\nkey,value\nname,Bob\n\nemail,b@example.de\n').values, []);
    // From one piece to the next: the reading holds from the record's first row while it holds a name, and carries that the record told.
    const cut = text.indexOf('| Email');
    const state = newTableState();
    assert.deepEqual(persons(text, state, 0, cut), { values: [], held: text.indexOf('| Name') });
    const told = newTableState();
    persons(text, told, 0, text.indexOf('| Address'));
    assert.deepEqual(persons(text, told, text.indexOf('| Address'), text.indexOf('\n\n')).values, ['home_address=Hauptstr. 1']);
  });

  it('reads the rows of a database dump: SQL\'s INSERT with its column names, and pg_dump\'s COPY', () => {
    const insert = "INSERT INTO `customers` (`id`, \"name\", [email]) VALUES (1,'Anna O''Brien','a@example.de'),(2, 'Jean \\'JD\\' Dupont' , NULL), (3, 'x');\n(4, 'after', 'the end')";
    assert.deepEqual(cells(insert), ['id=1', "name=Anna O''Brien", 'email=a@example.de', 'id=2', "name=Jean \\'JD\\' Dupont"]);
    // Its tuples on the lines after it, up to its `;`; a call's arguments are its value's.
    const lines = "  insert into public.users (name, created)\nvalues\n  ('Anna Schmidt', now()),\n  ('Jean Dupont', to_date('02,01', 'DD,MM'));\n('Maria Rossi', 'x')\n";
    assert.deepEqual(cells(lines), ['name=Anna Schmidt', 'created=now()', 'name=Jean Dupont', "created=to_date('02,01', 'DD,MM')"]);
    // A statement on the line that ends the tuples before it starts its own.
    assert.deepEqual(cells("insert into a (x, y)\nvalues\nINSERT INTO b (first_name, z) VALUES ('Anna', 1);\n"), ['first_name=Anna', 'z=1']);
    const copy = 'COPY public.users (id, first_name, email) FROM stdin;\n1\tAnna\t\\N\n\\.\n2\tBob\tx\n';
    assert.deepEqual(cells(copy), ['id=1', 'first_name=Anna']);
    // No statement without column names, or whose rows are no tuples.
    assert.deepEqual(cells("INSERT INTO users VALUES (1, 'Anna');\nINSERT INTO users (id, name)\nSELECT id, name FROM staff;\n(1, 'Anna')\nI think (a, b) values are fine\n"), []);
  });

  it('reads a name in Markdown\'s bold or code marks without them, in a header and as a key', () => {
    const text = '| **Full Name** | __Phone__ |\n|---|---|\n| Anna | 030 1234567 |\n\n| Field | `Value` |\n|---|---|\n| **First name** | Anna |\n| `dob` | 1980 |\n| ** | x |\n';
    assert.deepEqual(cells(text), ['Full Name=Anna', 'Phone=030 1234567', 'Field=**First name**', 'Value[First name]=Anna', 'Field=`dob`', 'Value[dob]=1980', 'Field=**', 'Value=x']);
  });

  it('carries a table from one piece of a text to the next, each piece starting a line', () => {
    const text = 'name,email\nAnna,a@example.de\nBob,b@example.de\n';
    const state = newTableState();
    const first = cells(text, state, 0, 11);
    assert.deepEqual([first, state.columns?.names], [[], ['name', 'email']]);
    assert.deepEqual(cells(text, state, 11, 29), ['name=Anna', 'email=a@example.de']);
    assert.deepEqual(cells(text, state, 29, text.length), ['name=Bob', 'email=b@example.de']);
  });
});
