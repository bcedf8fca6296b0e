import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { CallBody, EventEnvelope } from '../../src/audit/event.js';
import { readIndex, readSessionEvents, readSessionRecords, sessionFile } from '../../src/audit/spool.js';
import { verifySession } from '../../src/audit/verify.js';
import { collector } from '../helpers/memory.js';
import { fakeClock, keysOf, newSigner, recorderFor, scriptedSession, sessionState, tempHome, toyMask } from './fixtures.js';

test('a session is recorded as chained events: start, calls, denial, notification, bad input, end', async () => {
  const home = tempHome();
  const signer = newSigner();
  const clock = fakeClock();
  const recorder = await recorderFor(home, signer, { mask: toyMask, clock });
  const session = sessionState();
  await scriptedSession(recorder, session, { clock });

  const events = readSessionEvents(home, session.id);
  assert.deepEqual(
    events.map((event) => event.type),
    ['session-start', 'call', 'call', 'call', 'notification', 'bad-input', 'session-end'],
  );
  const [start, init, allowed, denied, cancelled, bad, end] = events;
  assert.ok(start?.type === 'session-start');
  assert.deepEqual(start.identity, { sub: 'alice', email: 'alice@acme.example', groups: ['support'], roles: ['support'], issuer: 'https://id.acme.example', verified: true });
  assert.deepEqual(start.server, ['node', 'crm-server.js', '--readonly']);
  assert.deepEqual(start.policy, { name: 'gdpr-default', hash: 'sha256:abc' });
  assert.equal(start.version, '0.1.0-test');
  assert.ok(init?.type === 'call' && init.protocolVersion === '2025-06-18');

  const call = allowed as EventEnvelope & CallBody;
  assert.equal(call.method, 'tools/call');
  assert.equal(call.tool, 'lookup_customer');
  assert.equal(call.outcome, 'answered');
  assert.deepEqual(call.decision, { action: 'allow', rule: 'tools[3]' });
  assert.deepEqual(call.params, { name: 'lookup_customer', arguments: { email: '[EMAIL]', access_token: '[SECRET]' } });
  assert.deepEqual(call.result, { content: [{ type: 'text', text: 'Bob Builder, [EMAIL]' }] });
  assert.deepEqual(call.findings, { email: 1 });
  assert.deepEqual(call.maskedInTrail, { email: 2 });
  assert.equal(call.durationMs, 12);
  assert.equal(call.user, 'alice');

  const refusal = denied as EventEnvelope & CallBody;
  assert.equal(refusal.outcome, 'denied');
  assert.equal(refusal.tool, 'delete_customer');
  assert.deepEqual(refusal.decision, { action: 'deny', rule: 'tools[0]', reason: 'destructive operations are not allowed from agents' });
  assert.deepEqual(refusal.result, { content: [{ type: 'text', text: 'denied by tools[0]' }], isError: true });

  assert.ok(cancelled?.type === 'notification' && cancelled.method === 'notifications/cancelled' && cancelled.forwarded);
  assert.ok(bad?.type === 'bad-input');
  assert.deepEqual({ problem: bad.problem, bytes: bad.bytes, direction: bad.direction }, { problem: 'not-json', bytes: 42, direction: 'to-server' });
  assert.ok(end?.type === 'session-end');
  assert.equal(end.exitCode, 0);
  assert.equal(end.counts['audit:progress'], 1);
  assert.equal(end.counts.denied, 1);

  const text = readFileSync(sessionFile(home, session.id), 'utf8');
  for (const secret of ['bob@example.com', 'tok-123', 'carol@example.com']) assert.ok(!text.includes(secret), `the spool holds ${secret}`);
  const records = readSessionRecords(home, session.id);
  assert.equal(records[records.length - 1] && 'rec' in records[records.length - 1]! ? (records[records.length - 1] as { rec: string }).rec : '', 'seal');
  assert.deepEqual(
    readIndex(home).map((record) => record.op),
    ['start', 'end'],
  );
  const result = await verifySession(home, session.id, { knownKeys: keysOf(signer) });
  assert.deepEqual({ ok: result.ok, events: result.events, state: result.state }, { ok: true, events: 7, state: 'ended' });
});

test('without a masker payloads are recorded unmasked, but secrets still never are', async () => {
  const home = tempHome();
  const recorder = await recorderFor(home, newSigner());
  const session = sessionState();
  await scriptedSession(recorder, session);
  const text = readFileSync(sessionFile(home, session.id), 'utf8');
  assert.ok(text.includes('bob@example.com'));
  assert.ok(!text.includes('tok-123'));
});

test('a masker still loading: recording waits for it, in order, and nothing is recorded unmasked', async () => {
  for (const durability of ['default', 'strict'] as const) {
    const home = tempHome();
    let loaded = false;
    let finish!: () => void;
    const ready = new Promise<void>((resolve) => (finish = resolve));
    // Nobody else starts the load here: the recorder does at the latest when the session ends.
    const loading = {
      ready,
      start: () =>
        setTimeout(() => {
          loaded = true;
          finish();
        }, 50),
    };
    const mask = (value: unknown): ReturnType<typeof toyMask> => {
      if (!loaded) throw new Error('masking is not loaded');
      return toyMask(value);
    };
    const recorder = await recorderFor(home, newSigner(), { mask, loading, durability });
    const session = sessionState();
    await scriptedSession(recorder, session);
    const text = readFileSync(sessionFile(home, session.id), 'utf8');
    assert.ok(!text.includes('bob@example.com') && !text.includes('UNRECORDED'), durability);
    assert.ok(text.includes('[EMAIL]'), durability);
    assert.equal(readSessionEvents(home, session.id).at(-1)?.type, 'session-end');
  }
});

test('a masker that failed to load: events are still recorded, their payloads never', async () => {
  const home = tempHome();
  const failed = Promise.reject(new Error('no numbering plans'));
  failed.catch(() => undefined);
  const loading = { ready: failed, start: () => undefined };
  const mask = (): never => {
    throw new Error('the masking engine did not load');
  };
  const recorder = await recorderFor(home, newSigner(), { mask, loading });
  const session = sessionState();
  await scriptedSession(recorder, session);
  const text = readFileSync(sessionFile(home, session.id), 'utf8');
  assert.ok(!text.includes('bob@example.com'));
  assert.ok(text.includes('[UNRECORDED: masking failed]'));
  assert.deepEqual(
    readSessionEvents(home, session.id).map((event) => event.type),
    ['session-start', 'call', 'call', 'call', 'notification', 'bad-input', 'session-end'],
  );
});

test('default durability: message() does not wait, and every event is on disk within 250 ms', async () => {
  const home = tempHome();
  const recorder = await recorderFor(home, newSigner());
  const session = sessionState();
  await recorder.sessionStarted?.(session);
  const request = { jsonrpc: '2.0' as const, id: 1, method: 'tools/list' };
  assert.equal(recorder.beforeForward?.(request, {}, session), undefined);
  recorder.message?.({ direction: 'to-server', kind: 'request', original: request, reply: { jsonrpc: '2.0', id: 1, error: { code: -32003, message: 'no' } }, notes: {}, at: Date.now() });
  assert.equal(readSessionEvents(home, session.id).length, 0, 'written synchronously: the data path would wait on disk');
  await new Promise((resolve) => setTimeout(resolve, 250));
  assert.equal(readSessionEvents(home, session.id).length, 2);
  await recorder.sessionEnded?.({ exitCode: 0, counts: {}, at: Date.now() });
});

test('strict durability: beforeForward resolves only once the request event is on disk', async () => {
  const home = tempHome();
  const signer = newSigner();
  const recorder = await recorderFor(home, signer, { durability: 'strict', mask: toyMask });
  const session = sessionState();
  await recorder.sessionStarted?.(session);
  const request = { jsonrpc: '2.0' as const, id: 5, method: 'tools/call', params: { name: 'send', arguments: { to: 'eve@example.com' } } };
  const waiting = recorder.beforeForward?.(request, { tool: 'send' }, session);
  assert.ok(waiting instanceof Promise);
  await waiting;
  const onDisk = readSessionEvents(home, session.id);
  const recorded = onDisk[onDisk.length - 1];
  assert.ok(recorded?.type === 'request');
  assert.deepEqual(recorded.params, { name: 'send', arguments: { to: '[EMAIL]' } });
  // And the batch holding it is signed already.
  assert.equal((await verifySession(home, session.id, { knownKeys: keysOf(signer) })).unsignedEvents, 0);

  recorder.message?.({ direction: 'to-server', kind: 'request', original: request, forwarded: request, notes: { tool: 'send' }, at: Date.now() });
  await recorder.sessionEnded?.({ exitCode: 0, counts: {}, at: Date.now() });
  const events = readSessionEvents(home, session.id);
  const call = events.find((event) => event.type === 'call');
  assert.ok(call?.type === 'call');
  assert.equal(call.outcome, 'unanswered');
  assert.equal(call.requestSeq, recorded.seq);
  assert.equal((await verifySession(home, session.id, { knownKeys: keysOf(signer) })).ok, true);
});

test('a server-initiated request is paired with the client response', async () => {
  const home = tempHome();
  const recorder = await recorderFor(home, newSigner());
  const session = sessionState();
  await recorder.sessionStarted?.(session);
  const sampling = { jsonrpc: '2.0' as const, id: 'srv-1', method: 'sampling/createMessage', params: { messages: [] } };
  recorder.message?.({ direction: 'to-client', kind: 'request', original: sampling, forwarded: sampling, notes: {}, at: 10 });
  const answer = { jsonrpc: '2.0' as const, id: 'srv-1', result: { role: 'assistant', content: { type: 'text', text: 'hi' } } };
  recorder.message?.({ direction: 'to-server', kind: 'response', original: answer, forwarded: answer, notes: {}, at: 30, request: { id: 'srv-1', method: 'sampling/createMessage', params: sampling.params, direction: 'to-client', startedAt: 10, notes: {} } });
  await recorder.sessionEnded?.({ exitCode: 0, counts: {}, at: 40 });
  const call = readSessionEvents(home, session.id).find((event) => event.type === 'call');
  assert.ok(call?.type === 'call');
  assert.deepEqual({ direction: call.direction, method: call.method, outcome: call.outcome, durationMs: call.durationMs }, { direction: 'to-client', method: 'sampling/createMessage', outcome: 'answered', durationMs: 20 });
});

test('a response withheld by policy is recorded as withheld, with the decision on the result', async () => {
  const home = tempHome();
  const recorder = await recorderFor(home, newSigner());
  const session = sessionState();
  await recorder.sessionStarted?.(session);
  const request = { jsonrpc: '2.0' as const, id: 3, method: 'tools/call', params: { name: 'export_all' } };
  const requestNotes = { decision: { action: 'allow' as const, rule: 'tools[2]' }, tool: 'export_all' };
  recorder.message?.({ direction: 'to-server', kind: 'request', original: request, forwarded: request, notes: requestNotes, at: 100 });
  const response = { jsonrpc: '2.0' as const, id: 3, result: { content: [{ type: 'text', text: 'many rows' }] } };
  const reply = { jsonrpc: '2.0' as const, id: 3, result: { content: [{ type: 'text', text: 'withheld: 80 findings' }], isError: true } };
  recorder.message?.({
    direction: 'to-client',
    kind: 'response',
    original: response,
    reply,
    notes: { decision: { action: 'deny', rule: 'bulk', reason: '80 findings' }, findings: { email: 80 } },
    at: 140,
    request: { id: 3, method: 'tools/call', params: request.params, direction: 'to-server', startedAt: 100, notes: requestNotes },
  });
  await recorder.sessionEnded?.({ exitCode: 0, counts: {}, at: 150 });
  const call = readSessionEvents(home, session.id).find((event) => event.type === 'call');
  assert.ok(call?.type === 'call');
  assert.equal(call.outcome, 'withheld');
  assert.deepEqual(call.decision, { action: 'allow', rule: 'tools[2]' });
  assert.deepEqual(call.resultDecision, { action: 'deny', rule: 'bulk', reason: '80 findings' });
  assert.deepEqual(call.result, reply.result, 'records what the client got, not the withheld rows');
  assert.deepEqual(call.findings, { email: 80 });
});

test('a result masked for the trail only is counted by the trail: its findings are what the trail masked in it', async () => {
  const home = tempHome();
  const recorder = await recorderFor(home, newSigner(), { mask: toyMask });
  const session = sessionState();
  await recorder.sessionStarted?.(session);
  const request = { jsonrpc: '2.0' as const, id: 4, method: 'tools/call', params: { name: 'lookup', arguments: { email: 'carol@example.com' } } };
  const tracked = { id: 4, method: 'tools/call', params: request.params, direction: 'to-server' as const, startedAt: 100, notes: { tool: 'lookup' } };
  recorder.message?.({ direction: 'to-server', kind: 'request', original: request, forwarded: request, notes: tracked.notes, at: 100 });
  const response = { jsonrpc: '2.0' as const, id: 4, result: { content: [{ type: 'text', text: 'bob@example.com, dan@example.com' }] } };
  recorder.message?.({ direction: 'to-client', kind: 'response', original: response, forwarded: response, notes: { findingsLeftToTrail: true }, at: 120, request: tracked });
  await recorder.sessionEnded?.({ exitCode: 0, counts: {}, at: 150 });
  const call = readSessionEvents(home, session.id).find((event) => event.type === 'call');
  assert.ok(call?.type === 'call');
  assert.deepEqual(call.result, { content: [{ type: 'text', text: '[EMAIL], [EMAIL]' }] });
  // What reached the agent: the result's two addresses, not the argument's (which the trail masked too).
  assert.deepEqual(call.findings, { email: 2 });
  assert.deepEqual(call.maskedInTrail, { email: 3 });
});

test('a large result masked for the client is digested from its line only when the trail masks nothing more in it', async () => {
  const home = tempHome();
  // As the masker does: the value itself back when nothing was found.
  const mask = (value: unknown): ReturnType<typeof toyMask> => {
    const masked = toyMask(value);
    return Object.keys(masked.findings).length > 0 ? masked : { value, findings: {} };
  };
  const recorder = await recorderFor(home, newSigner(), { mask });
  const session = sessionState();
  await recorder.sessionStarted?.(session);
  const text = 'x'.repeat(300 * 1024);
  // _meta passes to the client as it came, so the trail masks it now: the line as sent then holds what the trail must not.
  for (const [id, meta] of [[5, { owner: 'carol@example.com' }], [6, { page: 1 }]] as const) {
    const request = { jsonrpc: '2.0' as const, id, method: 'tools/call', params: { name: 'export' } };
    const tracked = { id, method: 'tools/call', params: request.params, direction: 'to-server' as const, startedAt: 100, notes: {} };
    recorder.message?.({ direction: 'to-server', kind: 'request', original: request, forwarded: request, notes: {}, at: 100 });
    const response = { jsonrpc: '2.0' as const, id, result: { _meta: meta, content: [{ type: 'text', text }] } };
    const wire = Buffer.from(JSON.stringify(response));
    recorder.message?.({ direction: 'to-client', kind: 'response', original: response, forwarded: response, wire, notes: { resultMasked: true }, at: 120, request: tracked });
  }
  await recorder.sessionEnded?.({ exitCode: 0, counts: {}, at: 150 });
  const calls = readSessionEvents(home, session.id).filter((event) => event.type === 'call') as (EventEnvelope & CallBody)[];
  const [named, clean] = calls.map((call) => call.result as unknown as { truncated: boolean; of?: string; excerpt: string });
  assert.equal(named?.truncated, true);
  assert.equal(named?.of, undefined, 'the digest covers the masked payload, not the line that held the address');
  assert.ok(named?.excerpt.includes('[EMAIL]') && !named.excerpt.includes('carol@'));
  assert.deepEqual(calls[0]?.maskedInTrail, { email: 1 });
  assert.equal(clean?.of, 'message');
  assert.equal(readFileSync(sessionFile(home, session.id), 'utf8').includes('carol@example.com'), false);
});

test('a large message is recorded at once, so the recorder no longer holds it when the wrapper reclaims its memory', async () => {
  const gc = collector();
  assert.ok(gc, 'V8 lets the test collect');
  const recorder = await recorderFor(tempHome(), newSigner());
  const session = sessionState();
  await recorder.sessionStarted?.(session);
  const request = { jsonrpc: '2.0' as const, id: 1, method: 'tools/call', params: { name: 'export' } };
  recorder.message?.({ direction: 'to-server', kind: 'request', original: request, forwarded: request, notes: {}, at: 1 });
  const response = { jsonrpc: '2.0' as const, id: 1, result: { content: [{ type: 'text', text: '(in the wire)' }] } };
  // Built in a function of its own, so that nothing here keeps the wire.
  const sent = ((): WeakRef<Buffer> => {
    const wire = Buffer.alloc(2 * 1024 * 1024, 'x');
    const tracked = { id: 1, method: 'tools/call', params: request.params, direction: 'to-server' as const, startedAt: 1, notes: {} };
    recorder.message?.({ direction: 'to-client', kind: 'response', original: response, forwarded: response, wire, request: tracked, notes: {}, at: 2 });
    return new WeakRef(wire);
  })();
  // A later turn (a WeakRef keeps its target through the current one), well inside the usual 5 ms wait before recording.
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  assert.equal(sent.deref(), undefined, 'the recorder still holds the large message');
  await recorder.sessionEnded?.({ exitCode: 0, counts: {}, at: 3 });
});

test('the server command is recorded without the credentials MCP client configs put on it', async () => {
  const home = tempHome();
  const recorder = await recorderFor(home, newSigner());
  const session = { ...sessionState(), serverCommand: ['npx', '-y', 'server-postgres', 'postgresql://app:pw-4711@db.internal/crm', '--api-key', 'sk-live-9', 'GITHUB_TOKEN=ghp_abc'] };
  await scriptedSession(recorder, session);
  const [start] = readSessionEvents(home, session.id);
  assert.ok(start?.type === 'session-start');
  assert.deepEqual(start.server, ['npx', '-y', 'server-postgres', 'postgresql://app:[SECRET]@db.internal/crm', '--api-key', '[SECRET]', 'GITHUB_TOKEN=[SECRET]']);
  const indexed = readIndex(home).find((entry) => entry.session === session.id && entry.op === 'start');
  assert.ok(indexed?.op === 'start');
  assert.equal(indexed.server, 'npx -y server-postgres postgresql://app:[SECRET]@db.internal/crm --api-key [SECRET] GITHUB_TOKEN=[SECRET]');
  const spool = readFileSync(sessionFile(home, session.id), 'utf8');
  for (const secret of ['pw-4711', 'sk-live-9', 'ghp_abc']) assert.ok(!spool.includes(secret), `the trail holds ${secret}`);
});
