import assert from 'node:assert/strict';
import { it } from 'node:test';
import { getHeapSpaceStatistics } from 'node:v8';
import { holdYoungGeneration } from '../../src/proxy/reclaim.js';

function youngGenerationBytes(): number {
  return getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? Number.NaN;
}

it('holds the young generation near its size once held, however many objects survive', () => {
  const before = youngGenerationBytes();
  holdYoungGeneration();
  // Survivors by the megabyte, as when a large result fills the pseudonym caches: left alone, V8 grows 1 -> 32 MB here.
  const kept: Array<{ n: number; text: string }> = [];
  for (let n = 0; n < 300_000; n++) kept.push({ n, text: `value ${n}` });
  assert.equal(kept.length, 300_000);
  assert.ok(youngGenerationBytes() <= 2 * before, `the young generation grew from ${before} to ${youngGenerationBytes()} bytes`);
});
