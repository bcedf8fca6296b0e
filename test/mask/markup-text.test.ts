import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newMarkupState, readElements, type MarkupState } from '../../src/mask/lib/markup-text.js';

const FIELDS = new Set(['first_name', 'full_name', 'home_address']);
const fieldAt = (text: string, start: number, end: number): string | undefined => (FIELDS.has(text.slice(start, end)) ? text.slice(start, end) : undefined);

/** The pieces of text `readElements` reports, as `field=text`. */
function texts(text: string, state: MarkupState = newMarkupState(), from = 0, to = text.length): string[] {
  const seen: string[] = [];
  readElements(text, from, to, state, fieldAt, (start, end, field) => seen.push(`${field}=${text.slice(start, end)}`));
  return seen;
}

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
});
