import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasValidSignature, signRecord, type BatchRecord } from '../../src/audit/batch.js';
import { keyIdOf, verifySignature } from '../../src/audit/signer.js';
import { newSigner } from './fixtures.js';

test('a signed batch verifies, names its key, and fails when any field changes', () => {
  const signer = newSigner();
  assert.equal(signer.keyId, keyIdOf(signer.publicKey));
  assert.equal(Buffer.from(signer.publicKey, 'base64url').length, 32);
  const batch = signRecord<BatchRecord>({ rec: 'batch', v: 1, session: 's', batch: 1, firstSeq: 1, lastSeq: 2, hashes: ['a'.repeat(64), 'b'.repeat(64)], at: 5 }, signer);
  assert.equal(batch.keyId, signer.keyId);
  assert.equal(hasValidSignature(batch), true);
  assert.equal(hasValidSignature({ ...batch, lastSeq: 3 }), false);
  assert.equal(hasValidSignature({ ...batch, hashes: ['c'.repeat(64), 'b'.repeat(64)] }), false);
  // Another key's signature over the same content does not pass as this one's.
  const other = newSigner();
  assert.equal(hasValidSignature({ ...batch, publicKey: other.publicKey }), false);
});

test('verifySignature treats malformed keys and signatures as invalid, never throws', () => {
  assert.equal(verifySignature('not a key', 'data', 'sig'), false);
  const signer = newSigner();
  assert.equal(verifySignature(signer.publicKey, 'data', '!!'), false);
  assert.equal(verifySignature(signer.publicKey, 'data', signer.sign('data')), true);
});
