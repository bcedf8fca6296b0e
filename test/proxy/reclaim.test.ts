import assert from 'node:assert/strict';
import { it } from 'node:test';
import { getHeapSpaceStatistics } from 'node:v8';
import { holdYoungGeneration, holdYoungGenerationAt } from '../../src/proxy/reclaim.js';

function youngGenerationBytes(): number {
  return getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? Number.NaN;
}

it('holds the young generation once it has grown to a size, as survivors come between turns of the event loop', async () => {
  const size = youngGenerationBytes();
  holdYoungGenerationAt(size);
  const kept: Array<{ n: number; text: string }> = [];
  for (let round = 0; round < 200; round++) {
    for (let n = 0; n < 3_000; n++) kept.push({ n, text: `value ${n}` });
    await new Promise(setImmediate);
  }
  assert.equal(kept.length, 600_000);
  // Told after each collection: one doubling may come before the first is told.
  assert.ok(youngGenerationBytes() <= 2 * size, `the young generation grew from ${size} to ${youngGenerationBytes()} bytes`);
});

it('holds the young generation near its size once held, however many objects survive', () => {
  const before = youngGenerationBytes();
  holdYoungGeneration();
  // Survivors by the megabyte, as when a large result fills the pseudonym caches: left alone, V8 grows 1 -> 32 MB here.
  const kept: Array<{ n: number; text: string }> = [];
  for (let n = 0; n < 300_000; n++) kept.push({ n, text: `value ${n}` });
  assert.equal(kept.length, 300_000);
  assert.ok(youngGenerationBytes() <= 2 * before, `the young generation grew from ${before} to ${youngGenerationBytes()} bytes`);
});
