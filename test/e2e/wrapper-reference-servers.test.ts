/**
 * The wrapper is transparent: the official SDK client sees the same thing
 * through mcp-guard as directly, against the reference servers.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CreateMessageRequestSchema, ElicitRequestSchema, LoggingMessageNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { type GuardConnection, connectThroughGuard, referenceServer, tempHome } from '../helpers/guard.js';

const EVERYTHING = [referenceServer('mcp-server-everything')];

describe('through mcp-guard: server-everything', () => {
  let guarded: GuardConnection;
  let direct: GuardConnection;
  const home = tempHome();

  before(async () => {
    const env = { MCP_GUARD_HOME: home };
    guarded = await connectThroughGuard({ server: EVERYTHING, env, capabilities: { sampling: {}, elicitation: {} } });
    direct = await connectThroughGuard({ server: EVERYTHING, env, direct: true, capabilities: { sampling: {}, elicitation: {} } });
  });
  after(async () => {
    await guarded?.close();
    await direct?.close();
  });

  it('initializes with the same server identity and capabilities', () => {
    assert.deepEqual(guarded.client.getServerVersion(), direct.client.getServerVersion());
    assert.deepEqual(guarded.client.getServerCapabilities(), direct.client.getServerCapabilities());
  });

  it('lists the same tools as a direct connection', async () => {
    const [viaGuard, viaDirect] = await Promise.all([guarded.client.listTools(), direct.client.listTools()]);
    assert.ok(viaGuard.tools.length > 5);
    assert.deepEqual(viaGuard, viaDirect);
  });

  it('calls a tool', async () => {
    const result = await guarded.client.callTool({ name: 'echo', arguments: { message: 'hello through the guard' } });
    assert.deepEqual(result.content, [{ type: 'text', text: 'Echo: hello through the guard' }]);
    const sum = await guarded.client.callTool({ name: 'get-sum', arguments: { a: 2, b: 40 } });
    assert.match(JSON.stringify(sum.content), /42/);
  });

  it('reads a resource and gets a prompt', async () => {
    const { resources } = await guarded.client.listResources();
    const first = resources[0];
    assert.ok(first);
    const [viaGuard, viaDirect] = await Promise.all([guarded.client.readResource({ uri: first.uri }), direct.client.readResource({ uri: first.uri })]);
    assert.deepEqual(viaGuard, viaDirect);
    const prompt = await guarded.client.getPrompt({ name: 'args-prompt', arguments: { city: 'Lisbon', state: 'PT' } });
    assert.match(JSON.stringify(prompt.messages), /Lisbon/);
  });

  it('delivers progress notifications for a long-running call', async () => {
    const progress: number[] = [];
    const result = await guarded.client.callTool({ name: 'trigger-long-running-operation', arguments: { duration: 1, steps: 4 } }, undefined, {
      onprogress: (event) => progress.push(event.progress),
    });
    // Progress notifications arrive in order while the call runs (the server may send its last one
    // after the result, which the client then ignores, so the last step is not asserted).
    assert.ok(progress.length >= 3, `progress notifications: ${JSON.stringify(progress)}`);
    assert.deepEqual([...progress].sort((a, b) => a - b), progress);
    assert.ok(progress.every((step) => step >= 1 && step <= 4));
    assert.match(JSON.stringify(result.content), /completed/i);
  });

  it('relays a server-to-client sampling request and its answer', async () => {
    let asked = '';
    guarded.client.setRequestHandler(CreateMessageRequestSchema, async (request) => {
      const content = request.params.messages[0]?.content;
      asked = content && 'text' in content ? String(content.text) : '';
      return { model: 'test-model', role: 'assistant', content: { type: 'text', text: 'sampled answer 7' } };
    });
    const result = await guarded.client.callTool({ name: 'trigger-sampling-request', arguments: { prompt: 'what is seven', maxTokens: 10 } });
    assert.match(asked, /what is seven/);
    assert.match(JSON.stringify(result.content), /sampled answer 7/);
  });

  it('relays an elicitation request', async () => {
    guarded.client.setRequestHandler(ElicitRequestSchema, async () => ({ action: 'decline' }));
    const result = await guarded.client.callTool({ name: 'trigger-elicitation-request', arguments: {} });
    assert.match(JSON.stringify(result.content), /decline/i);
  });

  it('passes a cancellation through and keeps working', async () => {
    const controller = new AbortController();
    const call = guarded.client.callTool({ name: 'trigger-long-running-operation', arguments: { duration: 30, steps: 30 } }, undefined, {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort('user cancelled'), 200);
    await assert.rejects(call, /cancel/i);
    const after = await guarded.client.callTool({ name: 'echo', arguments: { message: 'still alive' } });
    assert.match(JSON.stringify(after.content), /still alive/);
  });

  it('forwards server notifications (logging)', async () => {
    const messages: unknown[] = [];
    guarded.client.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
      messages.push(notification.params);
    });
    await guarded.client.setLoggingLevel('debug');
    await guarded.client.callTool({ name: 'toggle-simulated-logging', arguments: {} });
    const deadline = Date.now() + 8000;
    while (messages.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    await guarded.client.callTool({ name: 'toggle-simulated-logging', arguments: {} });
    assert.ok(messages.length > 0, 'received at least one logging notification');
  });

  it('writes nothing but protocol messages on stdout (stderr carries the rest)', () => {
    assert.doesNotMatch(guarded.stderr(), /unexpected error|internal error/);
  });
});

describe('through mcp-guard: server-filesystem', () => {
  let guarded: GuardConnection;
  const root = mkdtempSync(join(tmpdir(), 'mcp-guard-fs-'));

  before(async () => {
    writeFileSync(join(root, 'notes.txt'), 'Grüße aus dem Dateisystem — 日本語\n');
    guarded = await connectThroughGuard({ server: [referenceServer('mcp-server-filesystem'), root], env: { MCP_GUARD_HOME: tempHome() } });
  });
  after(async () => {
    await guarded?.close();
  });

  it('lists the directory and reads a UTF-8 file', async () => {
    const listing = await guarded.client.callTool({ name: 'list_directory', arguments: { path: root } });
    assert.match(JSON.stringify(listing.content), /notes\.txt/);
    const file = await guarded.client.callTool({ name: 'read_text_file', arguments: { path: join(root, 'notes.txt') } });
    assert.match(JSON.stringify(file.content), /Grüße aus dem Dateisystem — 日本語/);
  });

  it('reports a tool error from the server unchanged', async () => {
    const result = await guarded.client.callTool({ name: 'read_text_file', arguments: { path: '/etc/passwd' } });
    assert.equal(result.isError, true);
    assert.match(JSON.stringify(result.content), /denied|outside|not allowed/i);
  });
});
