/**
 * No detector may be super-linear on adversarial input: for each kind of
 * adversarial line, masking 4n characters must take well under 16× (the
 * quadratic ratio) the time of n, and 1 MiB must finish within a cap.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { defaultMasking } from '../helpers/default-masking.js';
import { createMasker } from '../../src/mask/masker.js';
import { ADVERSARIAL, cpuTime } from '../bench/mask-bench.js';

const masker = createMasker(defaultMasking(), new Uint8Array(32));
const MiB = 1024 * 1024;
/** Generous for a shared 2-core machine; linear code does these in tens of milliseconds. */
const CAP_MS = 2000;

/**
 * Tool results that read as JSON or Python's literal (see `json-text.ts`)
 * up to a point, masked as a value: read as JSON, as Python, then scanned.
 */
const LITERALS: Record<string, (chars: number) => string> = {
  jsonRowsUnclosed: (n) => '[' + '{"name": "Anna Schmidt", "email": "a@x.de"}, '.repeat(n / 46),
  pythonRowsUnclosed: (n) => '[' + "{'name': 'Anna Schmidt', 'email': 'a@x.de'}, ".repeat(n / 46),
  pythonEscapes: (n) => "['" + '\\x41\\u0042'.repeat(n / 10) + "']",
  pythonTuples: (n) => '[' + '(1, '.repeat(n / 4),
  // Values read together under keys whose values are read whole (a phone's, an e-mail address's, a national id's), found or not.
  keyedValues: (n) => '[' + '{"phone": "+49 30 12345678", "email": "a@localhost", "ssn": "123-45-678"}, '.repeat(n / 70),
};

/** CPU milliseconds to mask `text` (as text, or `asValue` as a tool's text result), once (see `cpuTime`). */
function timeOf(text: string, asValue: boolean): number {
  return cpuTime(() => (asValue ? masker.maskValue(text) : masker.maskText(text)));
}

for (const [kind, make] of [...Object.entries(ADVERSARIAL), ...Object.entries(LITERALS)]) {
  const asValue = kind in LITERALS;
  it(`linear time on a ${kind} line`, () => {
    const quarter = make(MiB / 4);
    const full = make(MiB);
    masker.maskText(quarter);
    // The best of rounds that take the two sizes in turn, so that a busy minute on the shared machine slows both; a ratio
    // over the bound is measured again, up to 9 rounds, before it fails (a quadratic line stays near 16 however long).
    let small = Infinity;
    let large = Infinity;
    for (let round = 0; round < 9 && (round < 3 || large >= Math.max(small, 5) * 9); round++) {
      small = Math.min(small, timeOf(quarter, asValue));
      large = Math.min(large, timeOf(full, asValue));
    }
    assert.ok(large < CAP_MS, `1 MiB of ${kind} took ${large.toFixed(0)} ms`);
    // 4× the input: linear ≈ 4, quadratic ≈ 16. Tiny timings are noise, so a floor applies.
    assert.ok(large < Math.max(small, 5) * 9, `${kind}: ${small.toFixed(1)} ms for 256 KiB, ${large.toFixed(1)} ms for 1 MiB`);
  });
}
