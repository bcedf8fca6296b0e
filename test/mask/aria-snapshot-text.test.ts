import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newAriaState, readAriaSnapshot, type AriaState } from '../../src/mask/lib/aria-snapshot-text.js';

const FIELDS = new Map([
  ['full_name', 'full_name'],
  ['first_name', 'first_name'],
  ['date_of_birth', 'date_of_birth'],
]);
const fieldAt = (text: string, start: number, end: number): string | undefined => FIELDS.get(text.slice(start, end).toLowerCase().replace(/[-\s]/g, '_'));

/** What `readAriaSnapshot` reports: values as `field=value`, cells as `column:names[column]=text`. */
function read(text: string, state: AriaState = newAriaState(), from = 0, to = text.length): string[] {
  const seen: string[] = [];
  readAriaSnapshot(
    text,
    from,
    to,
    state,
    fieldAt,
    (start, end, field) => seen.push(`${field}=${text.slice(start, end)}`),
    (start, end, column, names) => seen.push(`${column}:${names[column]}=${text.slice(start, end)}`),
  );
  return seen;
}

const TABLE = [
  '- table [ref=e3]:',
  '  - rowgroup [ref=e4]:',
  '    - row "Name Email" [ref=e5]:',
  '      - columnheader "Name" [ref=e6]',
  '      - columnheader "Email" [ref=e7]',
  '  - rowgroup [ref=e8]:',
  '    - row "Anna Schmidt anna@example.de" [ref=e9]:',
  '      - cell "Anna Schmidt" [ref=e10]',
  '      - cell "anna@example.de" [ref=e11]:',
  '        - link "anna@example.de" [ref=e12]:',
  '          - /url: mailto:anna@example.de',
  '    - row "Jean Dupont" [ref=e13]:',
  '      - cell "Jean Dupont" [ref=e14]',
  '      - cell [ref=e15]',
  '- paragraph [ref=e16]: Anna Schmidt',
  '- cell "Outside" [ref=e17]',
  '',
].join('\n');

describe('readAriaSnapshot', () => {
  it('reads a table\'s cells under its column headers, each also where the row\'s name holds it, until a line no deeper than the table', () => {
    assert.deepEqual(read(TABLE), [
      '0:Name=Anna Schmidt',
      '0:Name=Anna Schmidt',
      '1:Email=anna@example.de',
      '1:Email=anna@example.de',
      '0:Name=Jean Dupont',
      '0:Name=Jean Dupont',
    ]);
    // Offsets, not only texts: the row's name is reported where it is.
    const seen: number[] = [];
    readAriaSnapshot(TABLE, 0, TABLE.length, newAriaState(), fieldAt, () => {}, (start) => seen.push(start));
    assert.deepEqual(seen.slice(0, 2), [TABLE.indexOf('Anna Schmidt" [ref=e10]'), TABLE.indexOf('Anna Schmidt anna@')]);
  });

  it('carries a table from one piece of a text to the next', () => {
    const state = newAriaState();
    const cut = TABLE.indexOf('    - row "Jean');
    assert.deepEqual([...read(TABLE, state, 0, cut), ...read(TABLE, state, cut, TABLE.length)], read(TABLE));
  });

  it('reads no columns from headers that name none, and no table without a table line', () => {
    assert.deepEqual(read('- table [ref=e1]:\n  - row "x" [ref=e2]:\n    - columnheader "A very long heading that is a sentence, not a name" [ref=e3]\n  - row "y" [ref=e4]:\n    - cell "y" [ref=e5]\n'), []);
    assert.deepEqual(read('- row "Name" [ref=e2]:\n  - columnheader "Name" [ref=e3]\n- row "Anna" [ref=e4]:\n  - cell "Anna" [ref=e5]\n'), []);
  });

  it('reads a form field\'s value by its label, and a key line in an element\'s text', () => {
    const text = '- textbox "First name" [ref=e1]: Anna\n- textbox "City" [ref=e2]: Berlin\n- combobox "Date of birth" [ref=e3]: "1980-01-02"\n- text: "Full name: Anna Schmidt"\n- paragraph [ref=e4]: "First name: Jean"\n- heading "Full name: x" [level=2] [ref=e5]\nFull name: not a snapshot line\n';
    assert.deepEqual(read(text), ['first_name=Anna', 'date_of_birth=1980-01-02', 'full_name=Anna Schmidt', 'first_name=Jean']);
  });
});
