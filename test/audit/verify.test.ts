import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { signRecord, type BatchRecord } from '../../src/audit/batch.js';
import { canonicalJson } from '../../src/audit/canonical.js';
import { sessionFile } from '../../src/audit/spool.js';
import { verifySession } from '../../src/audit/verify.js';
import { int, pick, seeded } from '../mask/corpus/random.js';
import { keysOf, newSigner, recorderFor, scriptedSession, sessionState, tempHome } from './fixtures.js';

/** A finished session of 3 calls plus the usual extras, and a way to rewrite its lines. */
async function recorded() {
  const home = tempHome();
  const signer = newSigner();
  const recorder = await recorderFor(home, signer);
  const session = sessionState();
  await scriptedSession(recorder, session, { calls: 3 });
  const path = sessionFile(home, session.id);
  const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
  const write = (next: string[]): void => writeFileSync(path, `${next.join('\n')}\n`);
  const verify = () => verifySession(home, session.id, { knownKeys: keysOf(signer) });
  const eventLine = (seq: number): number => lines.findIndex((line) => !line.includes('"rec"') && (JSON.parse(line) as { seq: number }).seq === seq);
  return { home, signer, session, path, lines, write, verify, eventLine };
}

test('an untouched session verifies', async () => {
  const { verify } = await recorded();
  const result = await verify();
  assert.equal(result.ok, true);
  assert.equal(result.events, 9);
  assert.equal(result.state, 'ended');
  assert.equal(result.firstBad, undefined);
});

test('one byte changed in an event is named: modified', async () => {
  const { lines, write, verify, eventLine } = await recorded();
  const index = eventLine(3);
  lines[index] = (lines[index] as string).replace('lookup_customer', 'lookup_customes');
  write(lines);
  const result = await verify();
  assert.equal(result.ok, false);
  assert.deepEqual({ seq: result.firstBad?.seq, problem: result.firstBad?.problem }, { seq: 3, problem: 'modified' });
});

test('a byte changed so that the line no longer parses is named: modified', async () => {
  const { lines, write, verify, eventLine } = await recorded();
  const index = eventLine(4);
  lines[index] = (lines[index] as string).replace('{', '[');
  write(lines);
  assert.deepEqual((await verify()).firstBad?.problem, 'modified');
});

test('an event deleted is named: missing', async () => {
  const { lines, write, verify, eventLine } = await recorded();
  lines.splice(eventLine(4), 1);
  write(lines);
  const result = await verify();
  assert.deepEqual({ seq: result.firstBad?.seq, problem: result.firstBad?.problem }, { seq: 4, problem: 'missing' });
  assert.match(result.firstBad?.detail ?? '', /event 4 is missing/);
});

test('two events swapped are named: reordered', async () => {
  const { lines, write, verify, eventLine } = await recorded();
  const a = eventLine(3);
  const b = eventLine(4);
  [lines[a], lines[b]] = [lines[b] as string, lines[a] as string];
  write(lines);
  const result = await verify();
  assert.deepEqual({ seq: result.firstBad?.seq, problem: result.firstBad?.problem }, { seq: 3, problem: 'reordered' });
});

test('the tail cut off is named: truncated', async () => {
  const { lines, write, verify } = await recorded();
  write(lines.slice(0, -3));
  const result = await verify();
  assert.equal(result.ok, false);
  assert.equal(result.firstBad?.problem, 'truncated');
});

test('only the seal cut off is still truncated (the index knows the session ended)', async () => {
  const { lines, write, verify } = await recorded();
  write(lines.slice(0, -1));
  assert.equal((await verify()).firstBad?.problem, 'truncated');
});

test('a batch re-signed with another key is named: unknown-key', async () => {
  const { lines, write, verify } = await recorded();
  const index = lines.findIndex((line) => line.includes('"rec":"batch"'));
  const { keyId: _k, publicKey: _p, sig: _s, ...unsigned } = JSON.parse(lines[index] as string) as BatchRecord;
  lines[index] = JSON.stringify(signRecord<BatchRecord>(unsigned, newSigner()));
  write(lines);
  const result = await verify();
  assert.deepEqual({ seq: result.firstBad?.seq, problem: result.firstBad?.problem }, { seq: 1, problem: 'unknown-key' });
});

test('a doctored event with its chain recomputed but the old signature is named: bad-signature or modified, never ok', async () => {
  const { lines, write, verify } = await recorded();
  const index = lines.findIndex((line) => line.includes('"rec":"batch"'));
  const batch = JSON.parse(lines[index] as string) as BatchRecord;
  batch.at += 1;
  lines[index] = JSON.stringify(batch);
  write(lines);
  const result = await verify();
  assert.deepEqual(result.firstBad?.problem, 'bad-signature');
});

test('verifying against a device with a different key says unknown-key', async () => {
  const { home, session } = await recorded();
  const result = await verifySession(home, session.id, { knownKeys: keysOf(newSigner()) });
  assert.equal(result.firstBad?.problem, 'unknown-key');
});

test('an unknown session is GUARD_SESSION_NOT_FOUND', async () => {
  const { home, signer } = await recorded();
  await assert.rejects(verifySession(home, 'no-such-session', { knownKeys: keysOf(signer) }), { code: 'GUARD_SESSION_NOT_FOUND' });
});

test('no random change to a session file verifies, unless every record reads the same', async () => {
  const { path, verify, lines } = await recorded();
  const original = readFileSync(path);
  const canonical = lines.map((line) => canonicalJson(JSON.parse(line)));
  // A change that leaves every record's canonical JSON as it was (a space between members) changes nothing the chain signs.
  const sameRecords = (bytes: Buffer): boolean => {
    const text = bytes.toString('utf8');
    const next = text.trimEnd().split('\n');
    if (!text.endsWith('\n') || next.length !== canonical.length) return false;
    try {
      return next.every((line, k) => canonicalJson(JSON.parse(line)) === canonical[k]);
    } catch {
      return false;
    }
  };
  const random = seeded(77);
  const mutations: Array<(bytes: Buffer, rows: string[]) => Buffer> = [
    (bytes) => {
      const copy = Buffer.from(bytes);
      const at = int(random, 0, copy.length - 1);
      copy[at] = copy[at]! ^ (1 << int(random, 0, 7));
      return copy;
    },
    (bytes) => {
      const at = int(random, 0, bytes.length - 1);
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + int(random, 1, 20))]);
    },
    (bytes) => bytes.subarray(0, int(random, 0, bytes.length - 1)),
    (_, rows) => Buffer.from(`${rows.filter((__, k) => k !== int(random, 0, rows.length - 1)).join('\n')}\n`),
    (_, rows) => {
      const [a, b] = [int(random, 0, rows.length - 1), int(random, 0, rows.length - 1)];
      [rows[a], rows[b]] = [rows[b]!, rows[a]!];
      return Buffer.from(`${rows.join('\n')}\n`);
    },
    (_, rows) => {
      rows.splice(int(random, 0, rows.length), 0, pick(random, rows));
      return Buffer.from(`${rows.join('\n')}\n`);
    },
    (_, rows) => {
      const k = int(random, 0, rows.length - 1);
      rows[k] = rows[k]!.replace(/\d/, (digit) => String((Number(digit) + 1) % 10));
      return Buffer.from(`${rows.join('\n')}\n`);
    },
  ];
  let checked = 0;
  for (let n = 0; n < 150; n += 1) {
    const changed = pick(random, mutations)(original, [...lines]);
    if (sameRecords(changed)) continue;
    writeFileSync(path, changed);
    const result = await verify().catch((error: unknown) => ({ ok: false, error }));
    assert.equal(result.ok, false, `mutation ${n} verified`);
    checked += 1;
  }
  assert.ok(checked > 100, `only ${checked} changes checked`);
  writeFileSync(path, original);
  assert.equal((await verify()).ok, true);
});

