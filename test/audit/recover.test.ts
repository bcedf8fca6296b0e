import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { chainEvent } from '../../src/audit/chain.js';
import { recoverCrashedSessions } from '../../src/audit/recover.js';
import { indexFile, readIndex, readSessionEvents, sessionFile } from '../../src/audit/spool.js';
import { verifySession } from '../../src/audit/verify.js';
import { keysOf, newSigner, recorderFor, scriptedSession, sessionState, tempHome } from './fixtures.js';

/** A session whose wrapper "died": flushed events, one complete event without its batch, and a torn half line. */
async function crashed() {
  const home = tempHome();
  const signer = newSigner();
  const recorder = await recorderFor(home, signer);
  const session = sessionState();
  await scriptedSession(recorder, session, { end: false });
  await recorder.flush();
  const events = readSessionEvents(home, session.id);
  const last = events[events.length - 1];
  assert.ok(last);
  const { event } = chainEvent({ seq: last.seq, hash: last.hash }, session.id, last.ts + 1, { type: 'bad-input', direction: 'to-client', problem: 'batch', bytes: 10 });
  const torn = '{"v":1,"seq":99,"ts":17000000';
  appendFileSync(sessionFile(home, session.id), `${JSON.stringify(event)}\n${torn}`);
  // The session belonged to a process that has exited since (our own pid is never taken for dead).
  const deadPid = spawnSync(process.execPath, ['-e', '']).pid as number;
  writeFileSync(indexFile(home), readFileSync(indexFile(home), 'utf8').replace(`"pid":${process.pid}`, `"pid":${deadPid}`));
  return { home, signer, session, flushed: events.length, torn };
}

test('a crashed session does not verify until repaired, and says why', async () => {
  const { home, signer, session } = await crashed();
  const result = await verifySession(home, session.id, { knownKeys: keysOf(signer), isAlive: () => false });
  assert.equal(result.ok, false);
  assert.equal(result.state, 'unsealed');
  assert.equal(result.firstBad?.problem, 'truncated');
});

test('recovery cuts the torn tail, signs complete events, seals, and everything before verifies', async () => {
  const { home, signer, session, flushed, torn } = await crashed();
  const reports = recoverCrashedSessions(home, signer, { isAlive: () => false });
  assert.deepEqual(reports, [{ session: session.id, tornBytes: Buffer.byteLength(torn), signedEvents: 1, events: flushed + 1 }]);
  const text = readFileSync(sessionFile(home, session.id), 'utf8');
  assert.ok(text.endsWith('\n'));
  assert.ok(!text.includes(torn));
  const seal = JSON.parse(text.trimEnd().split('\n').pop() as string) as { rec: string; reason: string; tornBytes: number; tornSha256: string };
  assert.deepEqual([seal.rec, seal.reason, seal.tornBytes], ['seal', 'recovered', Buffer.byteLength(torn)]);
  assert.match(seal.tornSha256, /^[0-9a-f]{64}$/);
  assert.deepEqual(readIndex(home).map((record) => record.op), ['start', 'recovered']);

  const result = await verifySession(home, session.id, { knownKeys: keysOf(signer), isAlive: () => false });
  assert.deepEqual({ ok: result.ok, state: result.state, events: result.events, tornBytes: result.tornBytes }, { ok: true, state: 'recovered', events: flushed + 1, tornBytes: Buffer.byteLength(torn) });
  // Idempotent: a second start finds nothing to repair.
  assert.deepEqual(recoverCrashedSessions(home, signer, { isAlive: () => false }), []);
});

test('the next recorder started under the home repairs sessions whose process is gone', async () => {
  const { home, signer, session } = await crashed();
  await recorderFor(home, signer);
  const result = await verifySession(home, session.id, { knownKeys: keysOf(signer) });
  assert.equal(result.ok, true);
  assert.equal(result.state, 'recovered');
});

test('a session whose process still runs is left alone and verifies as running', async () => {
  const home = tempHome();
  const signer = newSigner();
  const recorder = await recorderFor(home, signer);
  const session = sessionState();
  await scriptedSession(recorder, session, { end: false });
  await recorder.flush();
  assert.deepEqual(recoverCrashedSessions(home, signer, { isAlive: () => true }), []);
  const result = await verifySession(home, session.id, { knownKeys: keysOf(signer), isAlive: () => true });
  assert.deepEqual({ ok: result.ok, state: result.state }, { ok: true, state: 'running' });
});

test('two sessions recorded at once under one home produce two intact chains and a clean index', async () => {
  const home = tempHome();
  const signer = newSigner();
  const [a, b] = [sessionState(), sessionState()];
  const [ra, rb] = await Promise.all([recorderFor(home, signer), recorderFor(home, signer)]);
  await Promise.all([scriptedSession(ra, a, { calls: 40 }), scriptedSession(rb, b, { calls: 40 })]);
  for (const session of [a, b]) {
    const result = await verifySession(home, session.id, { knownKeys: keysOf(signer) });
    assert.deepEqual({ ok: result.ok, events: result.events }, { ok: true, events: 46 });
  }
  assert.equal(readIndex(home).length, 4);
});
