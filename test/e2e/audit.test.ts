/**
 * The audit trail end to end, through the built CLI: a guarded session is
 * listed, replayed and verified; every kind of tampering is caught and
 * named; a wrapper killed with SIGKILL leaves a spool the next start repairs;
 * two wrappers at once leave two intact chains.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { generateKeyPairSync } from 'node:crypto';
import { signRecord, type BatchRecord } from '../../src/audit/batch.js';
import { createSigner } from '../../src/audit/signer.js';
import { BIN, connectThroughGuard, fixture, tempHome } from '../helpers/guard.js';

const SERVER = [process.execPath, fixture('audit-server')];

function envFor(home: string): Record<string, string> {
  return { MCP_GUARD_HOME: home, MCP_GUARD_KEYCHAIN: 'off' };
}

function cli(home: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, ...envFor(home) }, encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Listed {
  id: string;
  startedAt: string;
  endedAt: string | null;
  user: string | null;
  server: string;
  events: number;
}

function sessions(home: string): Listed[] {
  const result = cli(home, 'sessions', '--json');
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as Listed[];
}

/** The wrapper flushes its audit as it exits, after the client has closed: wait for the sessions to end. */
async function ended(home: string, count: number): Promise<Listed[]> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const list = sessions(home);
    if (list.length >= count && list.every((session) => session.endedAt !== null)) return list;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`sessions did not end: ${JSON.stringify(sessions(home))}`);
}

function spoolLines(home: string, id: string): string[] {
  return readFileSync(join(home, 'spool', `${id}.jsonl`), 'utf8').trimEnd().split('\n');
}

function writeSpool(home: string, id: string, lines: string[]): void {
  writeFileSync(join(home, 'spool', `${id}.jsonl`), `${lines.join('\n')}\n`);
}

describe('audit trail through the built CLI', { timeout: 90_000 }, () => {
  const home = tempHome();
  let id = '';

  before(async () => {
    const connection = await connectThroughGuard({ server: SERVER, env: envFor(home) });
    await connection.client.listTools();
    const found = await connection.client.callTool({ name: 'lookup_customer', arguments: { email: 'bob@example.com' } });
    assert.equal(found.isError, undefined);
    await connection.client.callTool({ name: 'delete_customer', arguments: { id: 7 } });
    await connection.close();
    const list = await ended(home, 1);
    id = (list[0] as Listed).id;
  });

  it('lists the session with sessions --json', () => {
    const [session] = sessions(home);
    assert.ok(session);
    assert.match(session.id, /^[0-9a-f-]{36}$/);
    assert.ok(Date.parse(session.startedAt) <= Date.parse(session.endedAt as string));
    assert.equal(typeof session.user, 'string');
    assert.match(session.server, /audit-server\.js$/);
    // start, initialize, tools/list, two calls, end at least
    assert.ok(session.events >= 6, `only ${session.events} events`);
    assert.deepEqual(JSON.parse(cli(home, 'sessions', '--json', '--server', 'no-such-server').stdout), []);
    assert.equal(JSON.parse(cli(home, 'sessions', '--json', '--since', '1h').stdout).length, 1);
    assert.equal(cli(home, 'sessions', '--since', 'soon').status, 2);
  });

  it('replays the session as a plain timeline with methods and tools', () => {
    const result = cli(home, 'replay', id);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /tools\/call lookup_customer/);
    assert.match(result.stdout, /tools\/call delete_customer/);
    assert.match(result.stdout, /session end: exit 0/);
    assert.ok(!result.stdout.includes('\u001b['), 'no colour when not on a terminal');
    const json = JSON.parse(cli(home, 'replay', id.slice(0, 8), '--json').stdout) as { type: string }[];
    assert.equal(json[0]?.type, 'session-start');
  });

  it('replay shows the policy decisions and no personal data', () => {
    const start = JSON.parse(spoolLines(home, id)[0] as string) as { policy: { name: string }; auditMasked: boolean };
    assert.deepEqual([start.policy.name, start.auditMasked], ['gdpr-default', true]);
    const { stdout } = cli(home, 'replay', id, '--full');
    assert.match(stdout, /tools\/call delete_customer[^\n]*\n\s+DENY tools\[0\]: destructive operations are not allowed from agents · denied/);
    assert.match(stdout, /tools\/call lookup_customer[^\n]*\n\s+ALLOW /);
    assert.match(stdout, /masked in the trail: /);
    for (const personal of ['bob@example.com', 'DE89370400440532013000', '901820']) assert.ok(!stdout.includes(personal), `replay shows ${personal}`);
    assert.ok(!readFileSync(join(home, 'spool', `${id}.jsonl`), 'utf8').includes('bob@example.com'));
  });

  it('an unknown id says so and lists the closest ids', () => {
    const result = cli(home, 'replay', `${id.slice(0, 6)}zz`);
    assert.equal(result.status, 1);
    assert.match(result.stderr, new RegExp(`no session "${id.slice(0, 6)}zz" — closest: ${id}`));
  });

  it('verifies the untouched session', () => {
    const result = cli(home, 'verify', id);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /^intact/);
    const json = JSON.parse(cli(home, 'verify', id, '--json').stdout) as { ok: boolean; state: string };
    assert.deepEqual([json.ok, json.state], [true, 'ended']);
  });

  /** Tampers a copy of the home and runs verify on it. */
  function tampered(change: (lines: string[]) => string[]): { status: number | null; bad: { seq: number; problem: string; detail: string } } {
    const copy = tempHome();
    cpSync(home, copy, { recursive: true });
    writeSpool(copy, id, change(spoolLines(copy, id)));
    const result = cli(copy, 'verify', id, '--json');
    const human = cli(copy, 'verify', id);
    assert.match(human.stdout, /^NOT INTACT .* event \d+ [a-z-]+: /);
    return { status: result.status, bad: (JSON.parse(result.stdout) as { firstBad: { seq: number; problem: string; detail: string } }).firstBad };
  }
  const eventIndex = (lines: string[], seq: number): number => lines.findIndex((line) => !line.includes('"rec"') && line.includes(`"seq":${seq},`));

  it('catches one byte changed', () => {
    const { status, bad } = tampered((lines) => {
      const index = eventIndex(lines, 3);
      const line = lines[index] as string;
      const at = line.indexOf('"method":"') + 10;
      lines[index] = `${line.slice(0, at)}${line[at] === 'x' ? 'y' : 'x'}${line.slice(at + 1)}`;
      return lines;
    });
    assert.equal(status, 1);
    assert.deepEqual([bad.seq, bad.problem], [3, 'modified']);
  });

  it('catches an event deleted', () => {
    const { status, bad } = tampered((lines) => lines.filter((_, index) => index !== eventIndex(lines, 3)));
    assert.equal(status, 1);
    assert.deepEqual([bad.seq, bad.problem], [3, 'missing']);
  });

  it('catches two events swapped', () => {
    const { status, bad } = tampered((lines) => {
      const a = eventIndex(lines, 2);
      const b = eventIndex(lines, 3);
      [lines[a], lines[b]] = [lines[b] as string, lines[a] as string];
      return lines;
    });
    assert.equal(status, 1);
    assert.deepEqual([bad.seq, bad.problem], [2, 'reordered']);
  });

  it('catches the tail truncated', () => {
    const { status, bad } = tampered((lines) => lines.slice(0, eventIndex(lines, 4)));
    assert.equal(status, 1);
    assert.equal(bad.problem, 'truncated');
  });

  it('catches a batch re-signed with another key', () => {
    const intruder = createSigner(generateKeyPairSync('ed25519').privateKey);
    const { status, bad } = tampered((lines) => {
      const index = lines.findIndex((line) => line.includes('"rec":"batch"'));
      const { keyId: _k, publicKey: _p, sig: _s, ...unsigned } = JSON.parse(lines[index] as string) as BatchRecord;
      lines[index] = JSON.stringify(signRecord<BatchRecord>(unsigned, intruder));
      return lines;
    });
    assert.equal(status, 1);
    assert.equal(bad.problem, 'unknown-key');
  });

  it('verify --all covers every session; a usage error exits 2', () => {
    const result = cli(home, 'verify', '--all', '--json');
    assert.equal(result.status, 0);
    assert.equal((JSON.parse(result.stdout) as unknown[]).length, 1);
    assert.equal(cli(home, 'verify').status, 2);
  });
});

describe('audit trail under crashes and concurrency', { timeout: 90_000 }, () => {
  it('a wrapper killed with SIGKILL leaves a spool that the next start repairs and that verifies up to the last fsync', async () => {
    const home = tempHome();
    const connection = await connectThroughGuard({ server: SERVER, guardArgs: ['--durability', 'strict'], env: envFor(home) });
    await connection.client.callTool({ name: 'lookup_customer', arguments: { email: 'bob@example.com' } });
    const pending = connection.client.callTool({ name: 'slow', arguments: { ms: 2000 } }).catch(() => undefined);
    // Strict durability: once the server may run the tool, its request event is fsynced.
    const [session] = sessions(home);
    assert.ok(session);
    for (let attempt = 0; attempt < 100 && !readFileSync(join(home, 'spool', `${session.id}.jsonl`), 'utf8').includes('"tool":"slow"'); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    process.kill(connection.transport.pid as number, 'SIGKILL');
    // The client sees the connection close; never wait longer than the slow call itself.
    await Promise.race([pending, new Promise((resolve) => setTimeout(resolve, 2500))]);
    // What a write cut short by the kill looks like: half a line.
    const torn = '{"v":1,"seq":42,"ts":1764';
    appendFileSync(join(home, 'spool', `${session.id}.jsonl`), torn);
    await connection.close().catch(() => undefined);

    const listed = cli(home, 'sessions', '--json');
    assert.match(listed.stderr, new RegExp(`session ${session.id} had crashed; sealed it`));
    const verified = cli(home, 'verify', session.id, '--json');
    assert.equal(verified.status, 0, verified.stdout);
    const result = JSON.parse(verified.stdout) as { ok: boolean; state: string; tornBytes: number; events: number };
    assert.deepEqual([result.ok, result.state, result.tornBytes], [true, 'recovered', Buffer.byteLength(torn)]);
    const events = JSON.parse(cli(home, 'replay', session.id, '--json').stdout) as { type: string; tool?: string }[];
    assert.ok(events.some((event) => event.type === 'request' && event.tool === 'slow'), 'the fsynced request event survived');
  });

  it('two wrappers at once under one home produce two intact chains', async () => {
    const home = tempHome();
    const run = async (): Promise<void> => {
      const connection = await connectThroughGuard({ server: SERVER, env: envFor(home) });
      for (let call = 0; call < 10; call += 1) await connection.client.callTool({ name: 'lookup_customer', arguments: { email: `c${call}@example.com` } });
      await connection.close();
    };
    await Promise.all([run(), run()]);
    const list = await ended(home, 2);
    assert.equal(list.length, 2);
    const result = cli(home, 'verify', '--all', '--json');
    assert.equal(result.status, 0, result.stdout);
    const results = JSON.parse(result.stdout) as { ok: boolean; events: number }[];
    assert.deepEqual(results.map((entry) => entry.ok), [true, true]);
    assert.ok(results.every((entry) => entry.events >= 13));
  });
});
