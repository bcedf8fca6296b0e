import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Identity, IdentityResolution } from '../../src/identity/identity.js';
import { APPROVAL_NOTE, createPolicyGate } from '../../src/interceptors/policy-gate.js';
import type { LoadedPolicy } from '../../src/policy/load.js';
import type { Direction, MessageContext, SessionState, TrackedRequest, Verdict } from '../../src/proxy/interceptor.js';
import type { JsonRpcMessage, MessageKind } from '../../src/proxy/json-rpc.js';
import { person, policyFrom } from './helpers.js';

function loaded(value: Record<string, unknown>, issuerConfigured = false): LoadedPolicy {
  const policy = policyFrom(value, { issuerConfigured });
  return { name: policy.name, hash: 'h', source: 'test', path: 'test', policy, warnings: [] };
}

/** A session whose identity source answers `first`, then each of `later` in turn (then `first` again). */
function session(first: { identity: Identity | null; reason?: string }, later: { identity: Identity | null; reason?: string }[] = []): SessionState {
  const state: SessionState = {
    id: 's1',
    serverCommand: ['server'],
    startedAt: 0,
    identity: first.identity,
    identitySource: { current: async () => (later.shift() ?? first) as IdentityResolution },
  };
  if (first.reason !== undefined) state.identityProblem = first.reason;
  return state;
}

/** The verdict of an interceptor that must answer synchronously. */
function now(verdict: Verdict | Promise<Verdict>): Verdict {
  assert.ok(!(verdict instanceof Promise), 'expected a synchronous verdict');
  return verdict;
}

function context(state: SessionState, direction: Direction, kind: MessageKind, message: JsonRpcMessage, request?: Partial<TrackedRequest>): MessageContext {
  return { direction, kind, message, session: state, notes: {}, request: request as TrackedRequest | undefined };
}

const callTool = (name: string, args: Record<string, unknown> = {}): JsonRpcMessage => ({ jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name, arguments: args } });

const policyValue = {
  name: 'acme',
  identity: { require: 'any', roles: { support: { groups: ['support'] } } },
  tools: [
    { match: 'delete_*', action: 'deny', reason: 'destructive operations are not allowed from agents' },
    { match: 'export_*', action: 'approve', reason: 'bulk exports need a reviewer' },
    { match: 'read_file', when: { arg: 'path', under: '/data' }, action: 'allow' },
    { match: 'ticket_*', roles: ['support'], action: 'allow' },
    { match: 'secret://*', method: 'resources/read', action: 'deny', reason: 'secrets stay put' },
    { method: 'sampling/createMessage', action: 'deny', reason: 'no sampling' },
    { match: ['read_*', 'list_*'], action: 'allow' },
    { method: ['resources/read', 'prompts/get', 'roots/list', 'elicitation/create'], action: 'allow' },
  ],
};

describe('policy gate: tools/call', () => {
  it('forwards an allowed call and notes the decision and tool', async () => {
    const gate = createPolicyGate(loaded(policyValue));
    const ctx = context(session({ identity: person() }), 'to-server', 'request', callTool('read_record'));
    assert.deepEqual(await gate.intercept(ctx), { action: 'forward' });
    assert.deepEqual(ctx.notes.decision, { action: 'allow', rule: 'tools[6]' });
    assert.equal(ctx.notes.tool, 'read_record');
  });

  it('answers a denied call itself with a tool error naming the rule and reason', async () => {
    const gate = createPolicyGate(loaded(policyValue));
    const ctx = context(session({ identity: person() }), 'to-server', 'request', callTool('delete_record', { id: '1' }));
    const verdict = (await gate.intercept(ctx)) as Extract<Verdict, { action: 'deny' }>;
    assert.equal(verdict.action, 'deny');
    const reply = verdict.reply as unknown as { id: number; result: { isError: boolean; content: { text: string }[] } };
    assert.equal(reply.id, 7);
    assert.equal(reply.result.isError, true);
    assert.match(reply.result.content[0]!.text, /tool "delete_record".*policy "acme", rule tools\[0\]: destructive operations are not allowed from agents/);
    assert.equal(ctx.notes.decision?.action, 'deny');
  });

  it('refuses approve calls (fail closed) saying a reviewer must approve', async () => {
    const gate = createPolicyGate(loaded(policyValue));
    const verdict = (await gate.intercept(context(session({ identity: person() }), 'to-server', 'request', callTool('export_all')))) as Extract<Verdict, { action: 'deny' }>;
    assert.equal(verdict.action, 'deny');
    assert.match(JSON.stringify(verdict.reply), /needs a reviewer's approval \(policy \\"acme\\", rule tools\[1\]: bulk exports need a reviewer\)/);
  });

  it('uses argument conditions (path traversal is refused by the default)', async () => {
    const gate = createPolicyGate(loaded(policyValue));
    const state = session({ identity: person() });
    assert.equal((await gate.intercept(context(state, 'to-server', 'request', callTool('read_file', { path: '/data/a' })))).action, 'forward');
    assert.equal((await gate.intercept(context(state, 'to-server', 'request', callTool('read_file', { path: '/data/../etc/passwd' })))).action, 'forward', 'read_* still allows it');
  });

  it('refreshes the identity on every call and tells an unverified user to log in', async () => {
    const gate = createPolicyGate(loaded({ ...policyValue, identity: { require: 'verified-when-issuer' } }, true));
    const expired: IdentityResolution = { identity: null, reason: 'the session for https://id.acme.eu expired' };
    const state = session({ identity: person() }, [expired, { identity: person() }]);
    // The session holds the identity from start; the first call's refresh finds it expired.
    const refused = (await gate.intercept(context(state, 'to-server', 'request', callTool('read_record')))) as Extract<Verdict, { action: 'deny' }>;
    assert.equal(refused.action, 'deny');
    assert.match(JSON.stringify(refused.reply), /requires a verified identity \(the session for https:\/\/id\.acme\.eu expired\) — run `mcp-guard login`/);
    assert.equal(state.identity, null);
    const allowed = await gate.intercept(context(state, 'to-server', 'request', callTool('read_record')));
    assert.equal(allowed.action, 'forward');
    assert.equal(state.identityProblem, undefined);
  });

  it('gives roles from groups and records them', async () => {
    const gate = createPolicyGate(loaded(policyValue));
    const support = context(session({ identity: person({ groups: ['support'] }) }), 'to-server', 'request', callTool('ticket_open'));
    assert.equal((await gate.intercept(support)).action, 'forward');
    assert.deepEqual(support.notes.roles, ['support']);
    const other = context(session({ identity: person({ groups: ['sales'] }) }), 'to-server', 'request', callTool('ticket_open'));
    assert.equal((await gate.intercept(other)).action, 'deny');
  });

  it('decides a call with a malformed name instead of waving it through', async () => {
    const gate = createPolicyGate(loaded(policyValue));
    const message: JsonRpcMessage = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 42 } };
    assert.equal((await gate.intercept(context(session({ identity: person() }), 'to-server', 'request', message))).action, 'deny');
  });
});

describe('policy gate: other requests', () => {
  const state = (identity: Identity | null = person()) => session({ identity });
  it('denies resources/read by URI with a JSON-RPC error', async () => {
    const gate = createPolicyGate(loaded(policyValue));
    const verdict = (await gate.intercept(context(state(), 'to-server', 'request', { jsonrpc: '2.0', id: 3, method: 'resources/read', params: { uri: 'secret://keys' } }))) as Extract<Verdict, { action: 'deny' }>;
    assert.equal(verdict.action, 'deny');
    assert.deepEqual((verdict.reply as { error: { code: number; data: unknown } }).error.code, -32003);
    assert.match(JSON.stringify(verdict.reply), /secrets stay put/);
    assert.equal((await gate.intercept(context(state(), 'to-server', 'request', { jsonrpc: '2.0', id: 4, method: 'resources/read', params: { uri: 'file:///x' } }))).action, 'forward');
    assert.equal((await gate.intercept(context(state(), 'to-server', 'request', { jsonrpc: '2.0', id: 5, method: 'resources/read', params: { uri: 'SECRET://keys' } }))).action, 'deny');
  });
  it('gates prompts/get by prompt name', async () => {
    const gate = createPolicyGate(loaded({ tools: [{ match: 'leak', method: 'prompts/get', action: 'deny', reason: 'no' }, { method: '*', action: 'allow' }] }));
    assert.equal((await gate.intercept(context(state(), 'to-server', 'request', { jsonrpc: '2.0', id: 1, method: 'prompts/get', params: { name: 'leak' } }))).action, 'deny');
    assert.equal((await gate.intercept(context(state(), 'to-server', 'request', { jsonrpc: '2.0', id: 1, method: 'prompts/get', params: { name: 'ok' } }))).action, 'forward');
  });
  it('asks the identity source again for resources/read and prompts/get: a revoked identity is not used', async () => {
    const gate = createPolicyGate(loaded({ identity: { require: 'verified' }, tools: [{ method: '*', action: 'allow' }] }));
    const state = session({ identity: person() }, [{ identity: null, reason: 'revoked' }, { identity: null, reason: 'revoked' }]);
    for (const message of [
      { jsonrpc: '2.0', id: 1, method: 'resources/read', params: { uri: 'file:///x' } },
      { jsonrpc: '2.0', id: 2, method: 'prompts/get', params: { name: 'p' } },
    ] as JsonRpcMessage[]) {
      const verdict = await gate.intercept(context(state, 'to-server', 'request', message));
      assert.equal(verdict.action, 'deny');
      assert.match(JSON.stringify(verdict), /requires a verified identity \(revoked\)/);
    }
  });
  it('gates server → client requests, answering the server', () => {
    const gate = createPolicyGate(loaded(policyValue));
    const sampling = now(gate.intercept(context(state(), 'to-client', 'request', { jsonrpc: '2.0', id: 'srv-1', method: 'sampling/createMessage', params: {} }))) as Extract<Verdict, { action: 'deny' }>;
    assert.equal(sampling.action, 'deny');
    assert.equal((sampling.reply as { id: string }).id, 'srv-1');
    assert.match(JSON.stringify(sampling.reply), /no sampling/);
    assert.equal(now(gate.intercept(context(state(), 'to-client', 'request', { jsonrpc: '2.0', id: 2, method: 'roots/list' }))).action, 'forward');
    assert.equal(now(gate.intercept(context(state(), 'to-client', 'request', { jsonrpc: '2.0', id: 3, method: 'ping' }))).action, 'forward');
  });
  it('forwards what it does not gate, and tools/list_changed', () => {
    const gate = createPolicyGate(loaded(policyValue));
    assert.equal(now(gate.intercept(context(state(), 'to-server', 'request', { jsonrpc: '2.0', id: 1, method: 'tools/list' }))).action, 'forward');
    assert.equal(now(gate.intercept(context(state(), 'to-client', 'notification', { jsonrpc: '2.0', method: 'notifications/tools/list_changed' }))).action, 'forward');
  });
});

describe('policy gate: tools/list', () => {
  const list: JsonRpcMessage = {
    jsonrpc: '2.0',
    id: 2,
    result: {
      tools: [
        { name: 'read_record', description: 'Reads', inputSchema: { type: 'object' } },
        { name: 'delete_record', description: 'Deletes', inputSchema: { type: 'object' } },
        { name: 'export_all', inputSchema: { type: 'object' } },
        { name: 'ticket_open', description: 'Opens', inputSchema: { type: 'object' } },
        { name: 'read_file', description: 'Reads files', inputSchema: { type: 'object' } },
      ],
      nextCursor: 'c2',
    },
  };
  it('removes denied tools and marks those needing approval', () => {
    const gate = createPolicyGate(loaded(policyValue));
    const verdict = now(gate.intercept(context(session({ identity: person() }), 'to-client', 'response', list, { method: 'tools/list' }))) as Extract<Verdict, { action: 'rewrite' }>;
    assert.equal(verdict.action, 'rewrite');
    const result = (verdict.message as unknown as { result: { tools: { name: string; description?: string }[]; nextCursor: string } }).result;
    assert.deepEqual(result.tools.map((t) => t.name), ['read_record', 'export_all', 'read_file']);
    assert.equal(result.tools[1]?.description, APPROVAL_NOTE);
    assert.equal(result.nextCursor, 'c2');
  });
  it('shows role-gated tools to those who hold the role', () => {
    const gate = createPolicyGate(loaded(policyValue));
    const verdict = now(gate.intercept(context(session({ identity: person({ groups: ['support'] }) }), 'to-client', 'response', list, { method: 'tools/list' }))) as Extract<Verdict, { action: 'rewrite' }>;
    assert.ok((verdict.message as unknown as { result: { tools: { name: string }[] } }).result.tools.some((t) => t.name === 'ticket_open'));
  });
  it('forwards a list it does not change', () => {
    const gate = createPolicyGate(loaded({ default: 'allow' }));
    assert.equal(now(gate.intercept(context(session({ identity: person() }), 'to-client', 'response', list, { method: 'tools/list' }))).action, 'forward');
  });
});
