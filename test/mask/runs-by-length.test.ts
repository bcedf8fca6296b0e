import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextIndex } from '../../src/mask/lib/text-index.js';

/** The runs of `length` digits that `index` lists, as the texts they are. */
function listed(text: string, index: TextIndex, length: number): string[] {
  const { runsByLength, digitRuns } = index;
  const out: string[] = [];
  for (let k = runsByLength.start(length), after = runsByLength.start(length + 1); k < after; k++) {
    const r = runsByLength.at(k);
    out.push(text.slice(digitRuns[r], digitRuns[r + 1]));
  }
  return out;
}

describe('digit runs by length', () => {
  const text = 'a 123456 b 12 c 1234567 d 654321-308T 7654321 e 12345678 f 98 g 87654321 h DE89';
  const index = new TextIndex().index(text);

  it('lists the runs of each length in text order', () => {
    assert.deepEqual(listed(text, index, 6), ['123456', '654321']);
    assert.deepEqual(listed(text, index, 7), ['1234567', '7654321']);
    assert.deepEqual(listed(text, index, 2), ['12', '98', '89']);
    assert.deepEqual(listed(text, index, 3), ['308']);
    assert.deepEqual(listed(text, index, 5), []);
  });

  it('merges two lengths in text order', () => {
    const { runsByLength, digitRuns } = index;
    const count = runsByLength.ofLengths(7, 8);
    const merged = Array.from(runsByLength.merged.subarray(0, count), (r) => text.slice(digitRuns[r], digitRuns[r + 1]));
    assert.deepEqual(merged, ['1234567', '7654321', '12345678', '87654321']);
  });

  it('lists a new text anew, and runs longer than it lists by length together', () => {
    const long = `${'1'.repeat(30)} ${'2'.repeat(40)} 333333`;
    index.index(long);
    assert.deepEqual(listed(long, index, 6), ['333333']);
    assert.deepEqual(listed(long, index, 25).map((run) => run.length), [30, 40]);
    index.index('no digits');
    assert.deepEqual(listed('no digits', index, 6), []);
  });
});
