/**
 * No detector may be super-linear on adversarial input: for each kind of
 * adversarial line, masking 4n characters must take well under 16× (the
 * quadratic ratio) the time of n, and 1 MiB must finish within a cap.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { defaultMasking } from '../helpers/default-masking.js';
import { createMasker } from '../../src/mask/masker.js';
import { ADVERSARIAL, best, cpuTime } from '../bench/mask-bench.js';

const masker = createMasker(defaultMasking(), new Uint8Array(32));
const MiB = 1024 * 1024;
/** Generous for a shared 2-core machine; linear code does these in tens of milliseconds. */
const CAP_MS = 2000;

/** CPU milliseconds to mask `text`, best of three (see `cpuTime`). */
function bestOf(text: string): number {
  return best(3, () => masker.maskText(text), cpuTime);
}

for (const [kind, make] of Object.entries(ADVERSARIAL)) {
  it(`linear time on a ${kind} line`, () => {
    const quarter = make(MiB / 4);
    const full = make(MiB);
    masker.maskText(quarter);
    const small = bestOf(quarter);
    const large = bestOf(full);
    assert.ok(large < CAP_MS, `1 MiB of ${kind} took ${large.toFixed(0)} ms`);
    // 4× the input: linear ≈ 4, quadratic ≈ 16. Tiny timings are noise, so a floor applies.
    assert.ok(large < Math.max(small, 5) * 9, `${kind}: ${small.toFixed(1)} ms for 256 KiB, ${large.toFixed(1)} ms for 1 MiB`);
  });
}
