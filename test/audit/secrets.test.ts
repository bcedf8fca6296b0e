import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHash } from 'node:crypto';
import { boundedJson, digestBinary, jsonBytesLeft, maskMembers, preparePayload } from '../../src/audit/payload.js';
import { scrubCommand, scrubSecrets } from '../../src/audit/secrets.js';
import { WireDigest } from '../../src/proxy/wire-digest.js';
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

test('an Authorization header written out in a text is replaced whatever the case of its name and scheme', () => {
  assert.deepEqual(scrubSecrets({ command: 'curl -H "authorization: bearer sk-live-1" -H \'Proxy-Authorization: Basic dXNlcjpwdw==\' https://api.example.com' }), {
    command: 'curl -H "authorization: bearer [SECRET]" -H \'Proxy-Authorization: Basic [SECRET]\' https://api.example.com',
  });
  assert.deepEqual(scrubSecrets(['AUTHORIZATION: token ghp_abc123\nAccept: */*', 'Authorization: sk-live-2 trailing', 'the authorization step comes first']), ['AUTHORIZATION: token [SECRET]\nAccept: */*', 'Authorization: [SECRET]', 'the authorization step comes first']);
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

test('a large payload that masking leaves as it is is digested from the forwarded line, its excerpt scrubbed', () => {
  const result = { access_token: 'at-secret', content: [{ type: 'text', text: 'y'.repeat(5000) }] };
  const wire = Buffer.from(JSON.stringify({ jsonrpc: '2.0', id: 3, result }));
  const digest = preparePayload(result, undefined, 1000, wire).value as { truncated: boolean; bytes: number; sha256: string; excerpt: string; of?: string };
  assert.equal(digest.of, 'message');
  assert.equal(digest.bytes, wire.length);
  assert.equal(digest.sha256, createHash('sha256').update(wire).digest('hex'));
  assert.ok(!digest.excerpt.includes('at-secret'), 'the excerpt never holds a secret');
  assert.ok(digest.excerpt.startsWith('{"access_token":"[SECRET]","content":[{"type":"text","text":"yyy'));
  assert.ok(digest.excerpt.length <= 2000);
  // A trail that masks, where masking finds nothing (and so gives the payload back): the line as sent, likewise,
  // unless a secret was scrubbed out of it.
  const findsNothing = (value: unknown): { value: unknown; findings: Record<string, number> } => ({ value, findings: {} });
  const plain = { content: [{ type: 'text', text: 'y'.repeat(5000) }] };
  const plainWire = Buffer.from(JSON.stringify({ jsonrpc: '2.0', id: 3, result: plain }));
  assert.equal((preparePayload(plain, findsNothing, 1000, plainWire).value as { sha256: string }).sha256, createHash('sha256').update(plainWire).digest('hex'));
  assert.equal((preparePayload(result, findsNothing, 1000, wire).value as { of?: string }).of, undefined);
  // Where masking changes the payload, the wire is not used: the masked payload is digested.
  const personal = { content: [{ type: 'text', text: `bob@example.com ${'y'.repeat(5000)}` }] };
  const personalWire = Buffer.from(JSON.stringify({ jsonrpc: '2.0', id: 3, result: personal }));
  const masked = preparePayload(personal, toyMask, 1000, personalWire).value as { of?: string; excerpt: string };
  assert.equal(masked.of, undefined);
  assert.ok(masked.excerpt.includes('[EMAIL]') && !masked.excerpt.includes('bob@'));
});

test('a message whose long strings stayed bytes is digested from its wire in parts, whatever its size', () => {
  // Its parsed value holds placeholders (proxy/long-strings.ts): only the wire has the text.
  const result = { content: [{ type: 'text', text: '\u0000mcp-guard long string 0123 #0' }] };
  const wire = [Buffer.from('{"result":{"content":[{"type":"text","text":'), Buffer.from('"masked"'), Buffer.from('}]},"jsonrpc":"2.0","id":3}')];
  const digest = preparePayload(result, undefined, 1000, wire).value as { truncated: boolean; bytes: number; sha256: string; of?: string };
  assert.equal(digest.truncated, true);
  assert.equal(digest.of, 'message');
  assert.equal(digest.bytes, Buffer.concat(wire).length);
  assert.equal(digest.sha256, createHash('sha256').update(Buffer.concat(wire)).digest('hex'));
  // Streamed, the wire is kept as its digest alone, which is recorded the same.
  const streamed = new WireDigest();
  for (const part of wire) streamed.add(part);
  assert.deepEqual(preparePayload(result, undefined, 1000, streamed).value, digest);
  assert.throws(() => streamed.add(Buffer.from('more')), /already digested/);
});

test('boundedJson stops at the limit without serialising the rest', () => {
  assert.equal(boundedJson({ a: [1, 'two', null, { b: true }] }, 100), JSON.stringify({ a: [1, 'two', null, { b: true }] }));
  assert.equal(boundedJson({ text: 'z'.repeat(10_000_000) }, 50).length, 50);
});

test('scrubbing copies only what holds a secret and never changes the payload it was given', () => {
  const clean = { content: [{ type: 'text', text: 'hello' }], meta: { page: 1 } };
  assert.equal(scrubSecrets(clean), clean);
  const payload = { a: { token: 't', keep: [1, { x: 'y' }] }, b: { untouched: true }, list: ['Bearer abc', 'fine'] };
  const before = JSON.stringify(payload);
  const scrubbed = scrubSecrets(payload) as typeof payload;
  assert.equal(JSON.stringify(payload), before);
  assert.deepEqual(scrubbed, { a: { token: '[SECRET]', keep: [1, { x: 'y' }] }, b: { untouched: true }, list: ['Bearer [SECRET]', 'fine'] });
  assert.equal(scrubbed.b, payload.b);
  assert.equal(scrubbed.a.keep, payload.a.keep);
  // A member named __proto__ is data like any other, in a copy too.
  const hostile = JSON.parse('{"__proto__":{"x":1},"password":"p"}') as object;
  assert.equal(JSON.stringify(scrubSecrets(hostile)), '{"__proto__":{"x":1},"password":"[SECRET]"}');
});

test('the size bound that spares serializing small payloads never undercounts', () => {
  const values: unknown[] = [
    'plain',
    'é😀"\\\n\u0000\u001f',
    -1.7976931348623157e308,
    5e-324,
    [true, null, false, [], {}],
    { a: [1, { 'ké"y': 'v\t' }], b: undefined, c: () => 1 },
    JSON.parse('{"__proto__":{"x":[1,2,3]},"content":[{"type":"text","text":"call 1"}]}'),
  ];
  for (const value of values) {
    const bytes = Buffer.byteLength(JSON.stringify(value) ?? 'null', 'utf8');
    for (const budget of [0, bytes - 1, bytes, bytes * 6 + 50]) {
      if (jsonBytesLeft(value, budget) >= 0) assert.ok(bytes <= budget, `${JSON.stringify(value)} within ${budget}`);
    }
    assert.ok(jsonBytesLeft(value, bytes * 6 + 50) >= 0, `${JSON.stringify(value)} is proved small with room to spare`);
  }
  assert.ok(jsonBytesLeft({ when: new Date(0) }, 1000) < 0, 'toJSON: measured, not bounded');
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  assert.ok(jsonBytesLeft(cyclic, 1000) < 0, 'a cycle ends the walk');
});

test('maskMembers masks the members under the given keys wherever they stand, copies only what changed, and masks too-deep values whole', () => {
  const result = { content: [{ type: 'resource_link', uri: 'file:///bob@example.com.txt', name: '<email:1f2e3d4c>' }, { type: 'text', text: 'clean' }], _meta: { owner: 'bob@example.com' } };
  const masked = maskMembers(result, new Set(['uri', '_meta']), toyMask);
  assert.deepEqual(masked.value, { content: [{ type: 'resource_link', uri: 'file:///[EMAIL]', name: '<email:1f2e3d4c>' }, { type: 'text', text: 'clean' }], _meta: { owner: '[EMAIL]' } });
  assert.deepEqual(masked.findings, { email: 2 });
  const value = masked.value as typeof result;
  assert.equal(value.content[1], result.content[1], 'an unchanged part is not copied');
  assert.equal(result.content[0]!.uri, 'file:///bob@example.com.txt', 'the input is not mutated');
  const clean = { content: [{ type: 'text', text: 'bob@example.com' }] };
  assert.equal(maskMembers(clean, new Set(['uri']), toyMask).value, clean, 'nothing under the keys: the value itself');
  let deep: unknown = { uri: 'bob@example.com' };
  for (let level = 0; level < 200; level++) deep = [deep];
  assert.ok(!JSON.stringify(maskMembers(deep, new Set(['uri']), toyMask).value).includes('bob@example.com'), 'a value nested too deep is masked whole');
});

test('digestBinary replaces an image\'s or audio\'s data and a blob by their digest, and nothing else', () => {
  const digest = (base64: string): unknown => ({ omitted: 'binary', base64Chars: base64.length, sha256: createHash('sha256').update(base64).digest('hex') });
  const result = {
    content: [
      { type: 'image', mimeType: 'image/png', data: 'aGk=' },
      { type: 'resource', resource: { uri: 'x://1', mimeType: 'application/pdf', blob: 'AAAA' } },
      { type: 'text', text: 'data' },
    ],
    structuredContent: { data: 'bob@example.com', blob: 'QUJD' },
  };
  assert.deepEqual(digestBinary(result), {
    content: [
      { type: 'image', mimeType: 'image/png', data: digest('aGk=') },
      { type: 'resource', resource: { uri: 'x://1', mimeType: 'application/pdf', blob: digest('AAAA') } },
      { type: 'text', text: 'data' },
    ],
    // A `data` without a MIME type beside it is data, masked as such; a `blob` is binary wherever it stands.
    structuredContent: { data: 'bob@example.com', blob: digest('QUJD') },
  });
  const text = { content: [{ type: 'text', text: 'x' }] };
  assert.equal(digestBinary(text), text, 'nothing binary: the value itself');
});

test('scrubCommand removes the credentials a server command carries, and only those', () => {
  assert.deepEqual(
    scrubCommand([
      'npx', '-y', '@modelcontextprotocol/server-postgres', 'postgresql://app:s3cr%40t@db:5432/crm',
      '--api-key', 'sk-1', '--client-secret=cs-2', 'PGPASSWORD=pw', '--header', 'Authorization: Bearer abc.def',
      'https://user@host/x', 'http://host:8080/path', '--port', '8080', '--readonly', '/home/anna/data',
    ]),
    [
      'npx', '-y', '@modelcontextprotocol/server-postgres', 'postgresql://app:[SECRET]@db:5432/crm',
      '--api-key', '[SECRET]', '--client-secret=[SECRET]', 'PGPASSWORD=[SECRET]', '--header', 'Authorization: Bearer [SECRET]',
      'https://user@host/x', 'http://host:8080/path', '--port', '8080', '--readonly', '/home/anna/data',
    ],
  );
  assert.deepEqual(scrubCommand(['--token']), ['--token'], 'a credential flag with no value leaves nothing to remove');
});
