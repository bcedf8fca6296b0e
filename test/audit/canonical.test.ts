import assert from 'node:assert/strict';
import { test } from 'node:test';
import canonicalizeModule from 'canonicalize';
import { canonicalJson } from '../../src/audit/canonical.js';

// The `canonicalize` package, the reference implementation of RFC 8785 for JavaScript: our
// serializer must write the same text for every JSON value. (CommonJS: see canonical.ts before it was ours.)
type Serialize = (input: unknown) => string | undefined;
const loaded = canonicalizeModule as unknown as Serialize | { default: Serialize };
const reference: Serialize = typeof loaded === 'function' ? loaded : loaded.default;

/** A deterministic generator (mulberry32), so a failure reproduces. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Names and strings that sort or escape differently: case, non-ASCII, astral characters and lone
// surrogates, quotes, backslashes, controls, index-like names, `__proto__`.
const WORDS = ['', 'a', 'b', 'B', 'aa', 'a b', 'é', 'z', '😀', '\ud83d', '\ude00x', 'a"b', 'c\\d', '\n', '\u0000', '\u001f', '\u007f', '\u2028', '\uffff', '1', '10', '2', '__proto__', 'toJSON'];
const NUMBERS = [0, -0, 1, -1, 0.1, 3.14, -2.5e-10, 1e21, 1e-7, 2 ** 53, 5e-324, Number.MAX_VALUE, 123456789012345680000];

function generate(next: () => number, depth: number): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  switch (Math.floor(next() * (depth > 3 ? 5 : 8))) {
    case 0:
      return pick(WORDS) + (next() < 0.3 ? pick(WORDS) : '');
    case 1:
      return pick(NUMBERS);
    case 2:
      return next() < 0.5;
    case 3:
      return null;
    case 4:
      return next() < 0.1 ? undefined : pick(WORDS);
    case 5:
    case 6: {
      const object: Record<string, unknown> = {};
      // Sometimes more members than the insertion sort takes.
      const members = Math.floor(next() * (depth > 1 ? 6 : 24));
      for (let i = 0; i < members; i += 1) object[pick(WORDS) + (next() < 0.5 ? pick(WORDS) : '')] = generate(next, depth + 1);
      return object;
    }
    default:
      return Array.from({ length: Math.floor(next() * 5) }, () => generate(next, depth + 1));
  }
}

test('canonical JSON is the text of the reference implementation for any JSON value', () => {
  const next = random(8785);
  for (let i = 0; i < 20_000; i += 1) {
    const value = generate(next, 0);
    if (value === undefined) continue;
    assert.equal(canonicalJson(value), reference(value), JSON.stringify(value));
  }
});

test('canonical JSON uses toJSON, leaves out what JSON leaves out, and refuses what JSON cannot hold', () => {
  const value = { when: new Date(0), gone: undefined, fn: () => 1, list: [undefined, Symbol('s')], nested: { toJSON: () => ({ b: 1, a: 2 }) } };
  assert.equal(canonicalJson(value), '{"list":[null,null],"nested":{"a":2,"b":1},"when":"1970-01-01T00:00:00.000Z"}');
  assert.throws(() => canonicalJson({ a: Number.POSITIVE_INFINITY }), TypeError);
  assert.throws(() => canonicalJson([Number.NaN]), TypeError);
  assert.throws(() => canonicalJson({ a: 1n }), TypeError);
  assert.throws(() => canonicalJson(undefined), TypeError);
});

test('a toJSON that canonicalizes something itself does not disturb the text being written', () => {
  const inner = { toJSON: () => canonicalJson({ y: 2, x: 1 }) };
  assert.equal(canonicalJson({ b: inner, a: [1, 'two'] }), '{"a":[1,"two"],"b":"{\\"x\\":1,\\"y\\":2}"}');
  assert.equal(canonicalJson({ again: true }), '{"again":true}');
});
