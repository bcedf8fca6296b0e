import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { composeChain } from '../../src/proxy/compose.js';
import type { Interceptor, MessageContext } from '../../src/proxy/interceptor.js';
import type { JsonRpcMessage } from '../../src/proxy/json-rpc.js';

function context(message: JsonRpcMessage): MessageContext {
  return { direction: 'to-server', kind: 'request', message, request: undefined, session: {} as MessageContext['session'], notes: {} };
}
const ping: JsonRpcMessage = { jsonrpc: '2.0', id: 1, method: 'ping' };

describe('composeChain', () => {
  it('forwards unchanged when no interceptor changes anything, synchronously', () => {
    const seen: string[] = [];
    const chain = composeChain([
      { name: 'a', intercept: () => (seen.push('a'), { action: 'forward' }) },
      { name: 'b', intercept: () => (seen.push('b'), { action: 'forward' }) },
    ]);
    assert.deepEqual(chain.run(context(ping)), { action: 'forward' });
    assert.deepEqual(seen, ['a', 'b']);
  });

  it('passes a rewrite on to later interceptors and returns it', async () => {
    const rewritten: JsonRpcMessage = { jsonrpc: '2.0', id: 1, method: 'ping', params: { x: 1 } };
    let seenByB: JsonRpcMessage | undefined;
    const chain = composeChain([
      { name: 'a', intercept: async () => ({ action: 'rewrite', message: rewritten }) },
      { name: 'b', intercept: (ctx) => ((seenByB = ctx.message), { action: 'forward' }) },
    ]);
    assert.deepEqual(await chain.run(context(ping)), { action: 'rewrite', message: rewritten });
    assert.equal(seenByB, rewritten);
  });

  it('stops at the first deny', async () => {
    let reached = false;
    const reply: JsonRpcMessage = { jsonrpc: '2.0', id: 1, error: { code: -1, message: 'no' } };
    const chain = composeChain([
      { name: 'a', intercept: async () => ({ action: 'deny', reply }) },
      { name: 'b', intercept: () => ((reached = true), { action: 'forward' }) },
    ]);
    assert.deepEqual(await chain.run(context(ping)), { action: 'deny', reply });
    assert.equal(reached, false);
  });

  it('keeps long strings as bytes only where every interceptor takes them so', () => {
    const forward = (): { action: 'forward' } => ({ action: 'forward' });
    const masking: Interceptor = { name: 'masking', longStringUse: (method) => (method === 'tools/call' ? 'reads' : undefined), intercept: forward };
    const gate: Interceptor = { name: 'gate', longStringUse: (method) => (method === 'tools/list' ? undefined : 'ignores'), intercept: forward };
    const chain = composeChain([gate, masking]);
    assert.equal(chain.keepsLongStrings('tools/call'), true);
    assert.equal(chain.keepsLongStrings('resources/read'), false);
    // An interceptor that says nothing reads every message parsed whole.
    assert.equal(composeChain([gate, masking, { name: 'silent', intercept: forward }]).keepsLongStrings('tools/call'), false);
    // Nobody reads them: they are only checked, and pass as they came.
    assert.equal(composeChain([gate]).keepsLongStrings('tools/call'), true);
    assert.equal(composeChain([gate]).keepsLongStrings('tools/list'), false);
  });

  it('refuses duplicates and non-interceptors', () => {
    const a: Interceptor = { name: 'a', intercept: () => ({ action: 'forward' }) };
    assert.throws(() => composeChain([a, a]), /twice/);
    assert.throws(() => composeChain([{ name: 'x' } as unknown as Interceptor]), /not an interceptor/);
  });
});
