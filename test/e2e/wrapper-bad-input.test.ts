/**
 * Bad input never crashes the wrapper, never hangs the client and never
 * reaches stdout: each kind, against a fixture server that misbehaves.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { connectThroughGuard, fixture, tempHome } from '../helpers/guard.js';
import { residentBytes } from '../helpers/memory.js';
import { INITIALIZE, spawnRawGuard, stopRawGuards, toolCall } from '../helpers/raw-guard.js';

after(stopRawGuards);

const SERVER = [process.execPath, fixture('misbehaving-server')];
const home = tempHome();
const env = { MCP_GUARD_HOME: home };

describe('bad input from the server', () => {
  const passThrough = join(mkdtempSync(join(tmpdir(), 'mcp-guard-policy-')), 'pass-through.yaml');
  writeFileSync(passThrough, ['version: 1', 'name: pass-through', 'identity: { require: any }', 'default: allow', 'tools:', '  - method: "*"', '    action: allow', 'masking: { in: [] }', 'pinning: off', ''].join('\n'));

  it('drops a non-JSON line on stdout, shows it on stderr, and still answers', async () => {
    const connection = await connectThroughGuard({ server: SERVER, env });
    const result = await connection.client.callTool({ name: 'junk', arguments: { text: 'answer after junk' } });
    assert.deepEqual(result.content, [{ type: 'text', text: 'answer after junk' }]);
    assert.match(connection.stderr(), /dropped a line from the server \(the line is not JSON\): server log: starting work/);
    await connection.close();
  });

  it('shows a dropped line on stderr without its numbers and addresses when the policy masks, as it came when not', async () => {
    // MCP clients keep a server's stderr in log files; servers print such lines before the masking engine has loaded.
    const log = 'lookup anna.schmidt@example.de +49 30 12345678 from 127.0.0.1:3000 done';
    const masked = await connectThroughGuard({ server: SERVER, env });
    await masked.client.callTool({ name: 'junk', arguments: { log } });
    await masked.close();
    assert.match(masked.stderr(), /dropped a line from the server \(the line is not JSON\): lookup \[…\] \[…\] \[…\] \[…\] from \[…\] done/);
    for (const value of ['anna.schmidt', '12345678', '127.0.0.1']) assert.ok(!masked.stderr().includes(value), `stderr shows ${value}`);
    const plain = await connectThroughGuard({ server: SERVER, env, guardArgs: ['--policy', passThrough] });
    await plain.client.callTool({ name: 'junk', arguments: { log } });
    await plain.close();
    assert.ok(plain.stderr().includes(`(the line is not JSON): ${log}`), plain.stderr());
  });

  it('reassembles multi-byte UTF-8 written one byte at a time', async () => {
    const connection = await connectThroughGuard({ server: SERVER, env });
    const text = 'Grüße, 日本語, emoji 🎉 and ñ';
    const result = await connection.client.callTool({ name: 'split_utf8', arguments: { text } });
    assert.deepEqual(result.content, [{ type: 'text', text }]);
    await connection.close();
  });

  it('answers the waiting request with an error when the server sends invalid UTF-8', async () => {
    const guard = spawnRawGuard(SERVER, { env });
    guard.send(INITIALIZE);
    await guard.response('init');
    guard.send(toolCall(7, 'invalid_utf8'));
    const response = await guard.response(7);
    assert.equal((response.error as { code: number }).code, -32700);
    assert.match(guard.stderr(), /not valid UTF-8/);
    guard.child.stdin?.end();
    assert.equal((await guard.exited).code, 0);
    assert.deepEqual(guard.junk, []);
  });

  it('drops a response that no request waits for, which would pass unmasked', async () => {
    const guard = spawnRawGuard(SERVER, { env });
    guard.send(INITIALIZE);
    await guard.response('init');
    const value = 'anna.schmidt@example.de';
    guard.send(toolCall(4, 'answer_twice', { text: `write to ${value}` }));
    assert.match(((await guard.response(4)).result as { content: [{ text: string }] }).content[0].text, /^write to <email:[0-9a-f]{8}>$/);
    guard.send(toolCall(5, 'echo', { text: 'next' }));
    assert.ok((await guard.response(5)).result);
    guard.child.stdin?.end();
    await guard.exited;
    assert.equal(guard.messages.filter((message) => (message as { id?: unknown }).id === 4).length, 1, 'the second answer to id 4 was not forwarded');
    assert.ok(!JSON.stringify(guard.messages).includes(value) && !guard.stderr().includes(value), 'the value reached neither stdout nor stderr');
    assert.match(guard.stderr(), /dropped a line from the server \(a response to no pending request\): id 4/);
  });

  it('drops an error under id null, which answers nothing the client waits for', async () => {
    const guard = spawnRawGuard(SERVER, { env });
    guard.send(INITIALIZE);
    await guard.response('init');
    guard.send(toolCall(6, 'null_id_error', { text: 'answered' }));
    assert.deepEqual((await guard.response(6)).result, { content: [{ type: 'text', text: 'answered' }] });
    guard.child.stdin?.end();
    await guard.exited;
    assert.ok(!guard.messages.some((message) => (message as { id?: unknown }).id === null), 'the error under id null was not forwarded');
    assert.match(guard.stderr(), /dropped a line from the server \(a response to no pending request\): id null/);
    assert.doesNotMatch(guard.stderr(), /internal error/);
  });

  it('takes an answer under its id written as a string for the answer to that request, and masks it', async () => {
    // MCP SDK peers read ids with Number(): a server that answers request 7 with "7" works without mcp-guard, and must with it.
    const connection = await connectThroughGuard({ server: SERVER, env });
    const result = await connection.client.callTool({ name: 'string_id', arguments: { text: 'write to anna.schmidt@example.de' } }, undefined, { timeout: 10_000 });
    assert.match((result.content as [{ text: string }])[0].text, /^write to <email:[0-9a-f]{8}>$/);
    await connection.close();
    assert.doesNotMatch(connection.stderr(), /dropped/);
  });

  it('passes a large result with escapes and accented names as it came when nothing masks it', async () => {
    // Its long strings are only checked, not decoded (proxy/long-strings.ts): what arrives must be what the server sent.
    const direct = await connectThroughGuard({ server: SERVER, env, direct: true });
    const guard = await connectThroughGuard({ server: SERVER, env, guardArgs: ['--policy', passThrough] });
    const expected = await direct.client.callTool({ name: 'pii', arguments: { bytes: 2 * 1024 * 1024 } });
    const text = (expected.content as [{ text: string }])[0].text;
    assert.ok(text.length >= 2 * 1024 * 1024 && /\n/.test(text) && /[^\x00-\x7f]/.test(text) && /@/.test(text), 'a multi-line, non-ASCII, PII-dense text');
    assert.deepEqual(await guard.client.callTool({ name: 'pii', arguments: { bytes: 2 * 1024 * 1024 } }), expected);
    await direct.close();
    await guard.close();
  });

  for (const [block, policy] of [['text', undefined], ['image', undefined], ['text', passThrough], ['image', passThrough]] as const) {
    const where = `${block === 'text' ? 'a text' : 'an image'}${policy ? ' that nothing masks' : ''}`;
    it(`answers with an error when a large response's long string in ${where} is no valid JSON, then keeps working`, async () => {
      // A large result's long strings are decoded only where masked (text under the default policy); the others are checked
      // byte by byte before they pass (proxy/long-strings.ts).
      const guard = spawnRawGuard(SERVER, { env, ...(policy ? { guardArgs: ['--policy', policy] } : {}) });
      guard.send(INITIALIZE);
      await guard.response('init');
      guard.send(toolCall(3, 'invalid_long_string', { bytes: 2 * 1024 * 1024, block }));
      const response = await guard.response(3);
      assert.equal((response.error as { code: number }).code, -32700);
      assert.match(guard.stderr(), /the line is not JSON/);
      guard.send(toolCall(4, 'echo', { text: 'next' }));
      assert.deepEqual((await guard.response(4)).result, { content: [{ type: 'text', text: 'next' }] });
      guard.child.stdin?.end();
      await guard.exited;
      assert.deepEqual(guard.junk, []);
    });
  }

  it('refuses a response over the size cap with an error for its id, then keeps working', async () => {
    const guard = spawnRawGuard(SERVER, { env, guardArgs: ['--max-message-bytes', '1MiB'] });
    guard.send(INITIALIZE);
    await guard.response('init');
    guard.send(toolCall(1, 'huge', { bytes: 3 * 1024 * 1024 }));
    const refused = await guard.response(1);
    assert.equal((refused.error as { code: number }).code, -32001);
    assert.match((refused.error as { message: string }).message, /exceeds the limit of 1048576 bytes/);
    guard.send(toolCall(2, 'echo', { text: 'next' }));
    assert.deepEqual((await guard.response(2)).result, { content: [{ type: 'text', text: 'next' }] });
    guard.child.stdin?.end();
    await guard.exited;
    assert.deepEqual(guard.junk, []);
  });

  it('passes a 33 MiB result under the default cap intact', async () => {
    const connection = await connectThroughGuard({ server: SERVER, env });
    const result = await connection.client.callTool({ name: 'huge', arguments: { bytes: 33 * 1024 * 1024 } });
    const [content] = result.content as Array<{ text: string }>;
    assert.equal(content?.text.length, 33 * 1024 * 1024);
    await connection.close();
  });

  it('fails every pending request when the server crashes mid-call, then exits with its status', async () => {
    const guard = spawnRawGuard(SERVER, { env });
    guard.send(INITIALIZE);
    await guard.response('init');
    guard.send(toolCall('slow-1', 'slow', { ms: 10_000 }));
    guard.send(toolCall('crash-1', 'crash', { code: 3 }));
    const [slow, crash] = await Promise.all([guard.response('slow-1'), guard.response('crash-1')]);
    for (const response of [slow, crash]) {
      assert.equal((response.error as { code: number }).code, -32000);
      assert.match((response.error as { message: string }).message, /exited with status 3 before answering tools\/call/);
    }
    assert.deepEqual(await guard.exited, { code: 3, signal: null });
  });

  it('exits with 128 + signal when the server is killed', async () => {
    const guard = spawnRawGuard(SERVER, { env });
    guard.send(INITIALIZE);
    await guard.response('init');
    guard.send(toolCall(1, 'kill_self', { signal: 'SIGKILL' }));
    assert.equal((await guard.response(1)).error !== undefined, true);
    assert.equal((await guard.exited).code, 137);
  });
});

describe('bad input from the client', () => {
  it('drops a non-JSON line, refuses an invalid message by id, and splits a batch', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'fixture-log-')), 'received.log');
    const guard = spawnRawGuard(SERVER, { env: { ...env, FIXTURE_LOG: log } });
    guard.send(INITIALIZE);
    await guard.response('init');
    guard.send('this is not json');
    guard.send('{"jsonrpc":"2.0","id":5,"method":7}');
    assert.equal(((await guard.response(5)).error as { code: number }).code, -32600);
    guard.send(JSON.stringify([JSON.parse(toolCall('b1', 'echo', { text: 'one' })), JSON.parse(toolCall('b2', 'echo', { text: 'two' }))]));
    const [one, two] = await Promise.all([guard.response('b1'), guard.response('b2')]);
    assert.deepEqual(one.result, { content: [{ type: 'text', text: 'one' }] });
    assert.deepEqual(two.result, { content: [{ type: 'text', text: 'two' }] });
    guard.child.stdin?.end();
    await guard.exited;
    const received = readFileSync(log, 'utf8').trim().split('\n');
    assert.ok(!received.includes('this is not json'), 'the server never saw the non-JSON line');
    assert.ok(!received.some((line) => line.startsWith('[')), 'the server never saw a batch array');
    assert.match(guard.stderr(), /dropped a line from the client \(the line is not JSON\)/);
  });

  it('forwards the bytes of messages no rule touches: a newer protocol version, unknown methods, odd spacing and escapes', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'fixture-log-')), 'received.log');
    const guard = spawnRawGuard(SERVER, { env: { ...env, FIXTURE_LOG: log } });
    const lines = [
      '{ "jsonrpc" : "2.0", "id" : "init", "method" : "initialize", "params" : { "protocolVersion" : "2099-01-01", "capabilities" : {}, "clientInfo" : { "name" : "r\\u00e4w", "version" : "1" } } }',
      '{"jsonrpc":"2.0","method":"acme/notify","params":{"n":1.50}}',
      '{"params":{"x":[1,2,3]},"method":"acme/custom","id":9,"jsonrpc":"2.0"}',
    ];
    guard.send(lines[0] as string);
    assert.equal(((await guard.response('init')).result as { protocolVersion: string }).protocolVersion, '2099-01-01');
    guard.send(lines[1] as string);
    guard.send(lines[2] as string);
    // The server's own answer to a method it does not know comes back: the request reached it.
    assert.deepEqual((await guard.response(9)).error, { code: -32601, message: 'method not found: acme/custom' });
    guard.child.stdin?.end();
    await guard.exited;
    assert.deepEqual(readFileSync(log, 'utf8').trim().split('\n'), lines, 'the server read each line exactly as the client wrote it');
    assert.deepEqual(guard.junk, []);
  });

  it('refuses an over-long request by id without forwarding it', async () => {
    const guard = spawnRawGuard(SERVER, { env, guardArgs: ['--max-message-bytes', '64k'] });
    guard.send(INITIALIZE);
    await guard.response('init');
    guard.send(toolCall(11, 'echo', { text: 'y'.repeat(200_000) }));
    assert.equal(((await guard.response(11)).error as { code: number }).code, -32001);
    guard.send(toolCall(12, 'echo', { text: 'small' }));
    assert.ok((await guard.response(12)).result);
    guard.child.stdin?.end();
    await guard.exited;
  });
});

describe('lifecycle', () => {
  it('names a missing command on one stderr line and exits 127', async () => {
    const guard = spawnRawGuard(['definitely-not-a-command-4711'], { env });
    assert.equal((await guard.exited).code, 127);
    const lines = guard.stderr().trim().split('\n');
    assert.equal(lines.length, 1);
    assert.match(lines[0] ?? '', /definitely-not-a-command-4711.*command not found/);
    assert.deepEqual(guard.messages, []);
  });

  it('escalates to SIGTERM and SIGKILL when the server ignores stdin EOF and SIGTERM', async () => {
    const signals = join(mkdtempSync(join(tmpdir(), 'fixture-signals-')), 'signals.log');
    const guard = spawnRawGuard(SERVER, { env: { ...env, FIXTURE_IGNORE_SIGTERM: '1', FIXTURE_SIGNAL_LOG: signals }, guardArgs: ['--grace-ms', '300'] });
    guard.send(INITIALIZE);
    await guard.response('init');
    const started = Date.now();
    guard.child.stdin?.end();
    const exit = await guard.exited;
    assert.equal(exit.code, 137, 'the server was killed with SIGKILL');
    assert.ok(Date.now() - started < 5000, 'no hang');
    assert.equal(readFileSync(signals, 'utf8'), 'SIGTERM\n');
  });

  it('forwards a signal that arrives while mcp-guard is still starting, then exits with the server status', async () => {
    const guard = spawnRawGuard(SERVER, { env });
    const pid = guard.child.pid as number;
    // The server is started before mcp-guard has loaded; signal mcp-guard as soon as its child exists.
    const childrenFile = `/proc/${pid}/task/${pid}/children`;
    while (readFileSync(childrenFile, 'utf8').trim() === '') await new Promise((resolve) => setTimeout(resolve, 2));
    const server = Number(readFileSync(childrenFile, 'utf8').trim().split(/\s+/)[0]);
    guard.child.kill('SIGTERM');
    const exit = await guard.exited;
    assert.equal(exit.signal, null, 'mcp-guard was not killed by the signal: it forwarded it');
    assert.equal(exit.code, 128 + 15);
    assert.throws(() => process.kill(server, 0), 'the server is gone');
  });

  for (const [signal, status] of [['SIGHUP', 41], ['SIGINT', 40], ['SIGTERM', 42]] as const) {
    it(`forwards ${signal} to the server and exits with its status`, async () => {
      const signals = join(mkdtempSync(join(tmpdir(), 'fixture-signals-')), 'signals.log');
      const guard = spawnRawGuard(SERVER, { env: { ...env, FIXTURE_SIGNAL_LOG: signals } });
      guard.send(INITIALIZE);
      await guard.response('init');
      guard.send(toolCall('pending', 'slow', { ms: 20_000 }));
      await new Promise((resolve) => setTimeout(resolve, 100));
      guard.child.kill(signal);
      const exit = await guard.exited;
      assert.equal(exit.code, status);
      assert.equal(readFileSync(signals, 'utf8'), `${signal}\n`);
      assert.equal(((await guard.response('pending')).error as { code: number }).code, -32000);
    });
  }
});

describe('backpressure', () => {
  it('does not grow memory when the server floods a client that reads slowly', async (t) => {
    const guard = spawnRawGuard(SERVER, { env });
    guard.send(INITIALIZE);
    await guard.response('init');
    const pid = guard.child.pid as number;
    // 200 MiB of notifications; the client stops reading while they flow.
    guard.child.stdout?.pause();
    guard.send(toolCall('flood', 'flood', { count: 50_000, bytes: 4096 }));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const pausedPeak = residentBytes(pid, 'VmHWM');
    guard.child.stdout?.resume();
    const done = await guard.response('flood', 60_000);
    assert.deepEqual(done.result, { content: [{ type: 'text', text: 'flooded 50000' }] });
    const peak = residentBytes(pid, 'VmHWM');
    guard.child.stdin?.end();
    await guard.exited;
    assert.equal(guard.messages.length, 1 + 50_000 + 1, 'every notification arrived, in order, exactly once');
    t.diagnostic(`peak RSS ${Math.round(pausedPeak / 1048576)} MiB while paused, ${Math.round(peak / 1048576)} MiB overall, for 200 MiB relayed`);
    // Buffering what the client did not read would take 200 MiB; while it is paused the wrapper holds little beyond its baseline.
    assert.ok(pausedPeak < 120 * 1024 * 1024, `peak RSS while the client was not reading: ${Math.round(pausedPeak / 1048576)} MiB`);
    // Relaying and auditing all 200 MiB stays well under it (the audit writer slows the peers down rather than queueing).
    assert.ok(peak < 200 * 1024 * 1024, `peak RSS: ${Math.round(peak / 1048576)} MiB`);
  });

  it('does not grow memory when the client floods a server that stops reading', async (t) => {
    const guard = spawnRawGuard(SERVER, { env });
    guard.send(INITIALIZE);
    await guard.response('init');
    // A first call waits for the masker, which loads after initialize: the baseline includes it.
    guard.send(toolCall('warm', 'echo', { text: 'warm' }));
    await guard.response('warm');
    const pid = guard.child.pid as number;
    const baseline = residentBytes(pid, 'VmRSS');
    // The server stops reading; 32 MiB of requests follow, which the wrapper must leave in the pipe rather than hold.
    guard.send(toolCall('stall', 'stall', { ms: 2000 }));
    const count = 8000;
    const text = 'r'.repeat(4096);
    for (let i = 0; i < count; i += 1) guard.send(toolCall(i, 'echo', { text }));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const stalledPeak = residentBytes(pid, 'VmHWM');
    assert.deepEqual((await guard.response('stall')).result, { content: [{ type: 'text', text: 'stalled' }] });
    await guard.response(count - 1, 60_000);
    guard.child.stdin?.end();
    await guard.exited;
    const answered = guard.messages.map((message) => (message as { id?: unknown }).id).filter((id): id is number => typeof id === 'number');
    assert.deepEqual(answered, Array.from({ length: count }, (_, i) => i), 'every request was answered, in order, exactly once');
    const grown = (stalledPeak - baseline) / 1048576;
    t.diagnostic(`RSS ${Math.round(baseline / 1048576)} MiB before, +${Math.round(grown)} MiB while the server was not reading, for 32 MiB sent`);
    assert.ok(grown < 16, `the wrapper grew by ${Math.round(grown)} MiB while the server was not reading`);
  });
});
