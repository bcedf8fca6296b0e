import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { canonicalHash, canonicalJson } from '../../src/audit/canonical.js';
import { chainEvent, computeEventHash, EMPTY_CHAIN } from '../../src/audit/chain.js';
import { GENESIS, type AuditEvent } from '../../src/audit/event.js';

test('canonical JSON follows RFC 8785: sorted keys, no whitespace, ES number forms', () => {
  assert.equal(canonicalJson({ b: [1, { z: true, a: null }], a: 'x', c: 1e21, d: 0.000001, e: -0 }), '{"a":"x","b":[1,{"a":null,"z":true}],"c":1e+21,"d":0.000001,"e":0}');
  // RFC 8785 sorts by UTF-16 code units.
  assert.equal(canonicalJson({ '\u00e9': 1, z: 2, '\ud83d\ude00': 3 }), '{"z":2,"é":1,"😀":3}');
  assert.throws(() => canonicalJson(Number.NaN));
});

test('the hash is independent of key order and covers everything but the hash', () => {
  assert.equal(canonicalHash({ a: 1, b: 2 }), canonicalHash({ b: 2, a: 1 }));
  const { event } = chainEvent(EMPTY_CHAIN, 's1', 1000, { type: 'bad-input', direction: 'to-server', problem: 'not-json', bytes: 3 });
  const { hash, ...rest } = event;
  assert.equal(hash, createHash('sha256').update(canonicalJson(rest)).digest('hex'));
  assert.equal(computeEventHash(event), hash);
  const changed = { ...event, bytes: 4 } as AuditEvent;
  assert.notEqual(computeEventHash(changed), hash);
});

test('events chain: seq counts from 1, prev links to the previous hash, the first links to GENESIS', () => {
  const first = chainEvent(EMPTY_CHAIN, 's1', 1000, { type: 'bad-input', direction: 'to-server', problem: 'not-json', bytes: 3 });
  const second = chainEvent(first.head, 's1', 1001, { type: 'bad-input', direction: 'to-client', problem: 'batch', bytes: 9 });
  assert.equal(first.event.seq, 1);
  assert.equal(first.event.prev, GENESIS);
  assert.equal(first.event.v, 1);
  assert.equal(second.event.seq, 2);
  assert.equal(second.event.prev, first.event.hash);
  assert.deepEqual(second.head, { seq: 2, hash: second.event.hash });
});
