import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SpanCache, spanHash } from '../../src/mask/lib/span-cache.js';

/** The code units of `text`, as a scan hands them to the cache. */
function codes(text: string): Uint16Array {
  return Uint16Array.from(text, (char) => char.charCodeAt(0));
}

describe('SpanCache', () => {
  it('finds a span by its characters, under its kind, wherever it is written', () => {
    const cache = new SpanCache<string>(100);
    const text = codes('mail anna@example.de or anna@example.de, ANNA@example.de');
    cache.set(0, text, 5, 20, 'token-a');
    assert.equal(cache.get(0, text, 24, 39), 'token-a', 'the same characters elsewhere');
    assert.equal(cache.get(1, text, 24, 39), undefined, 'another kind');
    assert.equal(cache.get(0, text, 41, 56), undefined, 'other characters');
  });

  it('is cleared, not grown, at its limit', () => {
    const cache = new SpanCache<number>(4);
    const text = codes('a1 a2 a3 a4 a5');
    for (let k = 0; k < 4; k++) cache.set(0, text, 3 * k, 3 * k + 2, k);
    assert.equal(cache.get(0, text, 9, 11), 3);
    cache.set(0, text, 12, 14, 4);
    assert.equal(cache.get(0, text, 12, 14), 4);
    assert.equal(cache.get(0, text, 0, 2), undefined);
  });

  it('caps the probes of keys crafted to collide: the extra keys go uncached instead of slowing every lookup', () => {
    // A cache of 64 keys has fewer than 4096 slots: 40 e-mail-like keys whose hashes agree in their
    // low 12 bits all start probing at one slot.
    const colliding: string[] = [];
    const slotOf = (key: string): number => spanHash(0, codes(key), 0, key.length) & 4095;
    const target = slotOf('seed@example.de');
    for (let n = 0; colliding.length < 40; n++) {
      const key = `u${n}@example.de`;
      if (slotOf(key) === target) colliding.push(key);
    }
    const cache = new SpanCache<number>(64);
    colliding.forEach((key, k) => cache.set(0, codes(key), 0, key.length, k));
    const found = colliding.map((key) => cache.get(0, codes(key), 0, key.length));
    assert.deepEqual(found.slice(0, 32), [...Array(32).keys()], 'the first keys are cached, each with its own value');
    assert.deepEqual(found.slice(32), Array(8).fill(undefined), 'past the probe cap nothing is stored');
  });

  it('keeps every entry findable as its table grows', () => {
    const cache = new SpanCache<number>(10_000);
    const keys = Array.from({ length: 5000 }, (_, n) => codes(`+49 30 ${1_000_000 + n}`));
    keys.forEach((key, n) => cache.set(0, key, 0, key.length, n));
    assert.deepEqual(
      keys.map((key) => cache.get(0, key, 0, key.length)),
      keys.map((_, n) => n),
    );
    assert.equal(cache.get(0, codes('+49 30 0999999'), 0, 14), undefined);
  });
});
