import assert from 'node:assert/strict';
import { test } from 'node:test';
import { filterSessions, listSessions, parseSince } from '../../src/audit/list-sessions.js';
import { listUnshippedBatches, markShipped } from '../../src/audit/shipped.js';
import { newSigner, recorderFor, scriptedSession, sessionState, tempHome } from './fixtures.js';

test('sessions are listed oldest first with id, times, user, server and event count; filters apply', async () => {
  const home = tempHome();
  const signer = newSigner();
  const first = { ...sessionState(), startedAt: Date.parse('2026-11-20T10:00:00Z') };
  const second = { ...sessionState(), startedAt: Date.parse('2026-11-25T10:00:00Z'), serverCommand: ['npx', 'files-server'], identity: null };
  for (const session of [second, first]) await scriptedSession(await recorderFor(home, signer), session);
  const sessions = listSessions(home);
  assert.deepEqual(
    sessions.map((session) => [session.id, session.startedAt, session.user, session.server, session.events, session.state]),
    [
      [first.id, '2026-11-20T10:00:00.000Z', 'alice', 'node crm-server.js --readonly', 7, 'ended'],
      [second.id, '2026-11-25T10:00:00.000Z', null, 'npx files-server', 7, 'ended'],
    ],
  );
  assert.ok(sessions.every((session) => typeof session.endedAt === 'string'));
  assert.deepEqual(filterSessions(sessions, { user: 'alice' }).map((session) => session.id), [first.id]);
  assert.deepEqual(filterSessions(sessions, { server: 'files' }).map((session) => session.id), [second.id]);
  assert.deepEqual(filterSessions(sessions, { since: Date.parse('2026-11-24') }).map((session) => session.id), [second.id]);
});

test('--since takes durations and dates', () => {
  const now = Date.parse('2026-11-25T12:00:00Z');
  assert.equal(parseSince('2h', now), now - 7_200_000);
  assert.equal(parseSince('7d', now), now - 7 * 86_400_000);
  assert.equal(parseSince('2026-11-20', now), Date.parse('2026-11-20'));
  assert.equal(parseSince('yesterday-ish', now), null);
});

test('unshipped batches are listed with their events until marked shipped', async () => {
  const home = tempHome();
  const session = sessionState();
  await scriptedSession(await recorderFor(home, newSigner()), session);
  const batches = listUnshippedBatches(home);
  assert.ok(batches.length >= 1);
  const events = batches.flatMap((batch) => batch.events);
  assert.deepEqual(events.map((event) => event.seq), [1, 2, 3, 4, 5, 6, 7]);
  for (const batch of batches) assert.deepEqual(batch.events.map((event) => event.hash), batch.batch.hashes);
  const first = batches[0];
  assert.ok(first);
  markShipped(home, first.sessionId, first.batchSeq);
  assert.deepEqual(listUnshippedBatches(home).map((batch) => batch.batchSeq), batches.slice(1).map((batch) => batch.batchSeq));
});
