/**
 * The policy gate and tool pinning end to end: the SDK client talks to the
 * policy fixture server through the built CLI, and the fixture's request log
 * proves what reached the server.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CreateMessageRequestSchema, ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { BIN, connectThroughGuard, fixture, tempHome, type GuardConnection } from '../helpers/guard.js';

const SERVER = ['node', fixture('policy-server')];

const POLICY = `
version: 1
name: e2e-policy
identity: { require: any }
default: deny
tools:
  - match: "delete_*"
    action: deny
    reason: destructive operations are not allowed from agents
  - match: "export_*"
    action: approve
    reason: bulk exports need a reviewer
  - match: read_file
    when: { arg: path, under: /data }
    action: allow
  - match: read_file
    action: deny
    reason: only files under /data may be read
  - match: "secret://*"
    method: resources/read
    action: deny
    reason: secrets stay on the server
  - method: sampling/createMessage
    action: deny
    reason: this server may not use the agent's model
  - method: "*"
    action: allow
pinning: PINNING
`;

function writePolicy(dir: string, pinning: 'warn' | 'block'): string {
  const path = join(dir, `policy-${pinning}.yaml`);
  writeFileSync(path, POLICY.replace('PINNING', pinning));
  return path;
}

function requestsSeen(log: string): { method: string; name?: string; uri?: string; arguments?: Record<string, unknown> }[] {
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

function text(result: unknown): string {
  return JSON.stringify((result as { content?: unknown }).content);
}

async function waitFor(check: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
}

describe('policy gate through mcp-guard', () => {
  const home = tempHome();
  const log = join(home, 'fixture-requests.log');
  let guarded: GuardConnection;
  let sampled = 0;

  before(async () => {
    guarded = await connectThroughGuard({
      guardArgs: ['--policy', writePolicy(home, 'warn')],
      server: SERVER,
      env: { MCP_GUARD_HOME: home, POLICY_FIXTURE_LOG: log },
      capabilities: { sampling: {} },
    });
    guarded.client.setRequestHandler(CreateMessageRequestSchema, async () => {
      sampled += 1;
      return { model: 'm', role: 'assistant', content: { type: 'text', text: 'hi' } };
    });
  });
  after(async () => {
    await guarded?.close();
  });

  it('removes denied tools from tools/list and marks tools that need approval', async () => {
    const { tools } = await guarded.client.listTools();
    const names = tools.map((tool) => tool.name).sort();
    assert.deepEqual(names, ['add_tools', 'ask_model', 'export_all', 'read_file', 'read_record']);
    assert.match(tools.find((tool) => tool.name === 'export_all')?.description ?? '', /need a reviewer's approval/);
    assert.doesNotMatch(tools.find((tool) => tool.name === 'read_record')?.description ?? '', /approval/);
  });

  it('answers a denied call with a tool error naming the rule, and the server never sees it', async () => {
    const result = await guarded.client.callTool({ name: 'delete_record', arguments: { id: '42' } });
    assert.equal(result.isError, true);
    assert.match(text(result), /policy \\"e2e-policy\\", rule tools\[0\]: destructive operations are not allowed from agents/);
    assert.ok(!requestsSeen(log).some((entry) => entry.name === 'delete_record'));
  });

  it('lets an allowed call through', async () => {
    const result = await guarded.client.callTool({ name: 'read_record', arguments: { id: '7' } });
    assert.notEqual(result.isError, true);
    assert.match(text(result), /record 7: status active/);
    assert.ok(requestsSeen(log).some((entry) => entry.name === 'read_record' && entry.arguments?.id === '7'));
  });

  it('refuses a call that needs approval (fail closed)', async () => {
    const result = await guarded.client.callTool({ name: 'export_all', arguments: {} });
    assert.equal(result.isError, true);
    assert.match(text(result), /needs a reviewer's approval .*rule tools\[1\]: bulk exports need a reviewer/);
    assert.ok(!requestsSeen(log).some((entry) => entry.name === 'export_all'));
  });

  it('applies path conditions after normalisation', async () => {
    const escape = await guarded.client.callTool({ name: 'read_file', arguments: { path: '/data/../etc/passwd' } });
    assert.equal(escape.isError, true);
    assert.match(text(escape), /rule tools\[3\]: only files under \/data may be read/);
    const inside = await guarded.client.callTool({ name: 'read_file', arguments: { path: '/data/reports//q1.csv' } });
    assert.match(text(inside), /contents of \/data\/reports\/\/q1\.csv/);
    const paths = requestsSeen(log).filter((entry) => entry.name === 'read_file').map((entry) => entry.arguments?.path);
    assert.deepEqual(paths, ['/data/reports//q1.csv']);
  });

  it('gates resources/read with a JSON-RPC error', async () => {
    await assert.rejects(guarded.client.readResource({ uri: 'secret://keys' }), (error: { code?: number; message?: string }) => {
      assert.equal(error.code, -32003);
      assert.match(error.message ?? '', /secrets stay on the server/);
      return true;
    });
    const record = await guarded.client.readResource({ uri: 'record://1' });
    assert.match(JSON.stringify(record.contents), /record one/);
    const uris = requestsSeen(log).filter((entry) => entry.method === 'resources/read').map((entry) => entry.uri);
    assert.deepEqual(uris, ['record://1']);
  });

  it('filters the new list after notifications/tools/list_changed', async () => {
    let changed = 0;
    guarded.client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
      changed += 1;
    });
    await guarded.client.callTool({ name: 'add_tools', arguments: {} });
    await waitFor(() => changed > 0);
    assert.ok(changed > 0, 'the notification reached the client');
    const names = (await guarded.client.listTools()).tools.map((tool) => tool.name);
    assert.ok(names.includes('read_extra'));
    assert.ok(!names.includes('delete_everything'), 'a tool added later is filtered too');
    const refused = await guarded.client.callTool({ name: 'delete_everything', arguments: {} });
    assert.equal(refused.isError, true);
    assert.ok(!requestsSeen(log).some((entry) => entry.name === 'delete_everything'));
  });

  it('gates server → client sampling requests', async () => {
    const result = await guarded.client.callTool({ name: 'ask_model', arguments: {} });
    assert.match(text(result), /sampling failed: .*this server may not use the agent's model/);
    assert.equal(sampled, 0, 'the client was never asked');
  });
});

describe('tool pinning through mcp-guard', () => {
  async function session(home: string, pinning: 'warn' | 'block', variant: string, log: string) {
    return connectThroughGuard({
      guardArgs: ['--policy', writePolicy(home, pinning)],
      server: SERVER,
      env: { MCP_GUARD_HOME: home, POLICY_FIXTURE_LOG: log, POLICY_FIXTURE_VARIANT: variant },
    });
  }

  it('warns about a changed tool definition in the next session (warn)', async () => {
    const home = tempHome();
    const log = join(home, 'log');
    const first = await session(home, 'warn', 'original', log);
    await first.client.listTools();
    await first.close();
    assert.doesNotMatch(first.stderr(), /changed since/);

    const second = await session(home, 'warn', 'changed', log);
    try {
      const { tools } = await second.client.listTools();
      assert.ok(tools.some((tool) => tool.name === 'read_record'), 'warn keeps the tool');
      await waitFor(() => /changed since/.test(second.stderr()));
      assert.match(second.stderr(), /mcp-guard: warning: tool "read_record" changed since it was pinned on \d{4}-\d\d-\d\d/);
      assert.doesNotMatch(second.stderr(), /tool "read_file" changed/);
    } finally {
      await second.close();
    }
  });

  it('hides and refuses a changed tool (block), and pins list shows the pins', async () => {
    const home = tempHome();
    const log = join(home, 'log');
    const first = await session(home, 'block', 'original', log);
    await first.client.listTools();
    await first.close();

    const second = await session(home, 'block', 'changed', log);
    try {
      const { tools } = await second.client.listTools();
      assert.ok(!tools.some((tool) => tool.name === 'read_record'), 'block hides the tool');
      assert.ok(tools.some((tool) => tool.name === 'read_file'));
      const result = await second.client.callTool({ name: 'read_record', arguments: { id: '1' } });
      assert.equal(result.isError, true);
      assert.match(text(result), /definition changed since it was pinned/);
      assert.ok(!requestsSeen(log).some((entry) => entry.name === 'read_record'));
    } finally {
      await second.close();
    }

    const listed = spawnSync(process.execPath, [BIN, 'pins', 'list', '--json'], { env: { ...process.env, MCP_GUARD_HOME: home }, encoding: 'utf8' });
    assert.equal(listed.status, 0, listed.stderr);
    const rows = JSON.parse(listed.stdout) as { tool: string; server: string[] }[];
    assert.ok(rows.some((row) => row.tool === 'read_record' && row.server.join(' ') === SERVER.join(' ')));
  });
});

describe('a bad policy file', () => {
  it('stops mcp-guard at start-up with the dot-path error, exit 1, and the server gets no message and is stopped', async () => {
    const home = tempHome();
    const bad = join(home, 'bad.yaml');
    writeFileSync(bad, 'version: 1\nname: bad\ndefault: deny\ntools:\n  - match: "delete_*"\n    action: alow\n');
    // The server is started early, in parallel with the policy load (bin/mcp-guard): it may have started.
    const marker = join(home, 'server-started');
    const handled = join(home, 'server-handled');
    const run = spawnSync(process.execPath, [BIN, '--policy', bad, '--', ...SERVER], {
      env: { ...process.env, MCP_GUARD_HOME: home, POLICY_FIXTURE_STARTED: marker, POLICY_FIXTURE_LOG: handled },
      input: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}\n',
      encoding: 'utf8',
      timeout: 15_000,
    });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /tools\[0\]\.action: expected one of allow, deny, approve, got "alow"/);
    assert.equal(run.stdout, '', 'nothing on the protocol stream');
    assert.equal(existsSync(handled), false, 'the server handled no request');
    if (existsSync(marker)) {
      const pid = Number(readFileSync(marker, 'utf8'));
      assert.ok(await exitsWithin(pid, 5000), `the server (pid ${pid}) was stopped with mcp-guard`);
    }
  });
});

/** True once `pid` has exited (polled; a zombie left to a non-reaping init counts), false after `ms`. */
async function exitsWithin(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
      if (/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))) return true;
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
}
