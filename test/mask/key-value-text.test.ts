import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newKeyValueState, readKeyValues, type KeyValueState } from '../../src/mask/lib/key-value-text.js';

const FIELDS = new Map([
  ['full_name', 'full_name'],
  ['date_of_birth', 'date_of_birth'],
  ['first_name', 'first_name'],
  ['home_address', 'home_address'],
]);
const nameOf = (key: string): string | undefined => FIELDS.get(key.toLowerCase().replace(/[-\s]/g, '_'));

/** The values `readKeyValues` reports, as `field=value`. */
function values(text: string, state: KeyValueState = newKeyValueState(), from = 0, to = text.length): string[] {
  const seen: string[] = [];
  readKeyValues(text, from, to, state, nameOf, (start, end, field) => seen.push(`${field}=${text.slice(start, end)}`));
  return seen;
}

describe('readKeyValues', () => {
  it('reads the value after a key that names a field: `Key: value`, `key = value`, quoted, CRLF; other keys are not reported', () => {
    const text = 'Customer record\r\nFull name: Anna Schmidt \r\nDate of birth:02.01.1980\nFIRST_NAME="Anna"\nCity: Berlin\n  full-name : \'Bob Lee\'\n';
    assert.deepEqual(values(text), ['full_name=Anna Schmidt', 'first_name=Anna', 'full_name=Bob Lee']);
  });

  it('reads Markdown list items with the key in bold, the colon inside or outside', () => {
    assert.deepEqual(values('- **Full name:** Anna Schmidt\n* __First Name__: Anna\n- **City**: Berlin\n'), ['full_name=Anna Schmidt', 'first_name=Anna']);
  });

  it('reads the block below a key without a value: each line indented deeper, a nested key keeping its name, until a line that is not', () => {
    const text = 'customer:\n  full_name: Anna\n  home_address:\n    street: Hauptstr. 1\n\n    - 10115 Berlin\n  note: kept\nhome_address: |\n  Hauptstr. 1\nnext: x\n';
    assert.deepEqual(values(text), ['full_name=Anna', 'home_address=Hauptstr. 1', 'home_address=10115 Berlin', 'home_address=Hauptstr. 1']);
  });

  it('reads no key where a colon that no space follows separates a scheme or a time, or the key is no name', () => {
    assert.deepEqual(values('full_name:12:30\nhttp://full_name:x@host\n12 full_name: x\nfull_name\u00b7x: y\n'), []);
  });

  it('ends a line and closes a block at a NUL (values masked together are parted by one)', () => {
    assert.deepEqual(values('home_address:\u0000  Hauptstr. 1\u0000full_name: Anna\u0000x'), ['full_name=Anna']);
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
