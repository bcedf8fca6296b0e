import assert from 'node:assert/strict';
import { test } from 'node:test';
import { preparePayload } from '../../src/audit/payload.js';
import { scrubSecrets } from '../../src/audit/secrets.js';
import { toyMask } from './fixtures.js';

test('secrets under credential keys, bearer values and JWTs are replaced; look-alikes are kept', () => {
  const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl';
  const scrubbed = scrubSecrets({
    access_token: 'at-1',
    refresh_token: 'rt-1',
    Authorization: 'Bearer abc.def',
    headers: { 'x-api-key': 'k', cookie: 'sid=1' },
    nested: [{ password: 'hunter2', client_secret: 's', device_code: 'dc' }],
    note: `token was ${jwt} and Bearer xyz123`,
    max_tokens: 500,
    _meta: { progressToken: 7 },
    name: 'keep me',
  });
  assert.deepEqual(scrubbed, {
    access_token: '[SECRET]',
    refresh_token: '[SECRET]',
    Authorization: '[SECRET]',
    headers: { 'x-api-key': '[SECRET]', cookie: '[SECRET]' },
    nested: [{ password: '[SECRET]', client_secret: '[SECRET]', device_code: '[SECRET]' }],
    note: 'token was [SECRET] and Bearer [SECRET]',
    max_tokens: 500,
    _meta: { progressToken: 7 },
    name: 'keep me',
  });
});

test('payloads are scrubbed, then masked, then cut to a digest when too large', () => {
  const small = preparePayload({ email: 'bob@example.com', token: 't' }, toyMask);
  assert.deepEqual(small, { value: { email: '[EMAIL]', token: '[SECRET]' }, findings: { email: 1 } });
  assert.deepEqual(preparePayload({ email: 'bob@example.com' }, undefined).value, { email: 'bob@example.com' });
  const big = preparePayload({ text: 'x'.repeat(5000), who: 'bob@example.com' }, toyMask, 1000);
  const digest = big.value as { truncated: boolean; bytes: number; sha256: string; excerpt: string };
  assert.equal(digest.truncated, true);
  assert.ok(digest.bytes > 5000);
  assert.match(digest.sha256, /^[0-9a-f]{64}$/);
  assert.ok(!digest.excerpt.includes('bob@'));
  assert.deepEqual(big.findings, { email: 1 });
});
