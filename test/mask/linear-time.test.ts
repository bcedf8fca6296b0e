/**
 * No detector may be super-linear on adversarial input: for each kind of
 * adversarial line, masking 4n characters must take well under 16× (the
 * quadratic ratio) the time of n, and 1 MiB must finish within a cap.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { defaultMasking } from '../../src/mask/default-masking.js';
import { createMasker } from '../../src/mask/masker.js';
import { ADVERSARIAL } from '../bench/mask-bench.js';

const masker = createMasker(defaultMasking(), new Uint8Array(32));
const MiB = 1024 * 1024;
/** Generous for a shared 2-core machine; linear code does these in tens of milliseconds. */
const CAP_MS = 2000;

/**
 * Milliseconds of CPU time (user + system), best of `rounds`: CPU time does
 * not count the time other processes hold the core, which on a shared
 * machine swings wall-clock ratios far more than any detector could.
 */
function bestOf(rounds: number, text: string): number {
  let best = Infinity;
  for (let k = 0; k < rounds; k++) {
    const start = process.cpuUsage();
    masker.maskText(text);
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

for (const [kind, make] of Object.entries(ADVERSARIAL)) {
  it(`linear time on a ${kind} line`, () => {
    const quarter = make(MiB / 4);
    const full = make(MiB);
    masker.maskText(quarter);
    const small = bestOf(3, quarter);
    const large = bestOf(3, full);
    assert.ok(large < CAP_MS, `1 MiB of ${kind} took ${large.toFixed(0)} ms`);
    // 4× the input: linear ≈ 4, quadratic ≈ 16. Tiny timings are noise, so a floor applies.
    assert.ok(large < Math.max(small, 5) * 9, `${kind}: ${small.toFixed(1)} ms for 256 KiB, ${large.toFixed(1)} ms for 1 MiB`);
  });
}
