import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Chalk } from 'chalk';
import { readSessionEvents } from '../../src/audit/spool.js';
import { closestIds, editDistance, resolveSessionId } from '../../src/replay/closest.js';
import { formatOffset, renderTimeline } from '../../src/replay/timeline.js';
import { fakeClock, newSigner, recorderFor, scriptedSession, sessionState, tempHome, toyMask } from '../audit/fixtures.js';

async function events() {
  const home = tempHome();
  const clock = fakeClock();
  const session = sessionState();
  await scriptedSession(await recorderFor(home, newSigner(), { mask: toyMask, clock }), session, { clock });
  return readSessionEvents(home, session.id);
}

test('the timeline shows who, offsets, direction, method and tool, decisions with rules, masked excerpts and findings', async () => {
  const { header, entries } = renderTimeline(await events(), { full: false, style: new Chalk({ level: 0 }) });
  const text = [...header, ...entries.flatMap((entry) => entry.lines)].join('\n');
  assert.match(header.join('\n'), /user: +alice <alice@acme\.example> \(verified by https:\/\/id\.acme\.example\)/);
  assert.match(text, /policy: +gdpr-default/);
  assert.match(text, /\+0\.034s +✔ client→server {2}tools\/call lookup_customer \[alice\]/);
  assert.match(text, /ALLOW tools\[3\]/);
  assert.match(text, /✖ client→server {2}tools\/call delete_customer/);
  assert.match(text, /DENY tools\[0\]: destructive operations are not allowed from agents · denied/);
  assert.match(text, /params: \{"name":"lookup_customer","arguments":\{"email":"\[EMAIL\]","access_token":"\[SECRET\]"\}\}/);
  assert.match(text, /findings: email×1/);
  assert.match(text, /notifications\/cancelled/);
  assert.match(text, /bad input: not-json \(42 bytes\)/);
  assert.match(text, /session end: exit 0, protocol 2025-06-18/);
  assert.ok(!text.includes('bob@example.com'));
  assert.ok(!text.includes('\u001b['), 'plain text has no colour codes');
  assert.deepEqual(entries.map((entry) => entry.offsetMs).slice(0, 3), [0, 17, 34]);
});

test('colour on request, whole payloads with --full', async () => {
  const list = await events();
  const coloured = renderTimeline(list, { full: false, style: new Chalk({ level: 1 }) });
  assert.ok(coloured.entries.flatMap((entry) => entry.lines).join('\n').includes('\u001b['));
  const full = renderTimeline(list, { full: true, style: new Chalk({ level: 0 }) });
  assert.ok(full.entries.flatMap((entry) => entry.lines).some((line) => line.trim() === '"text": "Bob Builder, [EMAIL]"'));
});

test('what a server wrote is shown, never run: control characters in methods, messages and payloads', async () => {
  // A server picks its notifications' methods, its error messages and its protocol version; escape sequences
  // among them (ESC ] 0 ; retitles the window, ESC [ 2 J clears it, C1 CSI likewise) must not reach the terminal.
  const hostile = '\u001b]0;pwned\u0007\u001b[2J\u009b31m\u007f';
  const list = (await events()).map((event) => {
    if (event.type === 'notification') return { ...event, method: `notifications/${hostile}` };
    if (event.type === 'call') return { ...event, error: { code: -32000, message: `failed ${hostile}` }, result: { content: [{ type: 'text', text: hostile }] } };
    if (event.type === 'session-end') return { ...event, protocolVersion: hostile, counts: { [hostile]: 1 } };
    return event;
  });
  for (const full of [false, true]) {
    const { header, entries } = renderTimeline(list, { full, style: new Chalk({ level: 0 }) });
    const text = [...header, ...entries.flatMap((entry) => entry.lines)].join('\n');
    assert.doesNotMatch(text.replaceAll('\n', ''), /[\u0000-\u001f\u007f-\u009f]/);
    assert.match(text, /notifications\/\?\]0;pwned\?\?\[2J\?31m\?/);
    assert.match(text, /error -32000: failed \?\]0;pwned/);
    // A payload is JSON: its control characters are escapes, C1 ones included.
    assert.ok(text.includes('\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\u007f'), 'payload escapes');
  }
});

test('offsets read as seconds, then minutes', () => {
  assert.equal(formatOffset(1234).trim(), '+1.234s');
  assert.equal(formatOffset(184_120).trim(), '+3m04.120s');
});

test('closest ids: prefixes first, then edit distance; unique prefixes resolve', () => {
  const ids = ['3f9a1c2e-aaaa', '3f9b0000-bbbb', 'c0ffee00-cccc'];
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.deepEqual(closestIds('3f9b', ids).slice(0, 1), ['3f9b0000-bbbb']);
  assert.deepEqual(closestIds('c0ffef', ids)[0], 'c0ffee00-cccc');
  assert.equal(resolveSessionId('3f9a', ids), '3f9a1c2e-aaaa');
  assert.equal(resolveSessionId('3f9', ids), null);
  assert.equal(resolveSessionId('zzzz', ids), null);
});
