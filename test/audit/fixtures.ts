/**
 * Shared pieces of the audit unit tests: a temporary home, a session state,
 * a signer, a toy masker, and a scripted session driven through the
 * recorder API (no processes).
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAuditRecorder, type AuditRecorder } from '../../src/audit/recorder.js';
import { createSigner, type Signer } from '../../src/audit/signer.js';
import type { SessionState } from '../../src/proxy/interceptor.js';
import type { JsonRpcMessage, JsonRpcRequest } from '../../src/proxy/json-rpc.js';
import { LocalUserSource } from '../../src/identity/local-user.js';

export function tempHome(): string {
  return mkdtempSync(join(tmpdir(), 'mcp-guard-audit-'));
}

export function newSigner(): Signer {
  return createSigner(generateKeyPairSync('ed25519').privateKey);
}

export function keysOf(...signers: Signer[]): Map<string, string> {
  return new Map(signers.map((signer) => [signer.keyId, signer.publicKey]));
}

let counter = 0;
export function sessionState(id = `test-session-${process.pid}-${++counter}`): SessionState {
  return {
    id,
    serverCommand: ['node', 'crm-server.js', '--readonly'],
    startedAt: 1_700_000_000_000,
    identity: { sub: 'alice', email: 'alice@acme.example', groups: ['support'], roles: ['support'], issuer: 'https://id.acme.example', verified: true },
    identitySource: new LocalUserSource(),
  };
}

/** Masks e-mail addresses as `[EMAIL]` and counts them, like the audit masker would. */
export function toyMask(value: unknown): { value: unknown; findings: Record<string, number> } {
  let count = 0;
  const json = JSON.stringify(value).replace(/[\w.+-]+@[\w-]+\.[\w.]+/g, () => {
    count += 1;
    return '[EMAIL]';
  });
  return { value: JSON.parse(json) as unknown, findings: count > 0 ? { email: count } : {} };
}

export interface Clock {
  now: number;
  (): number;
}

export function fakeClock(start = 1_700_000_000_000): Clock {
  const clock = (() => clock.now) as Clock;
  clock.now = start;
  return clock;
}

export async function recorderFor(home: string, signer: Signer, options: { durability?: 'default' | 'strict'; mask?: typeof toyMask; loading?: { ready: Promise<unknown>; start(): unknown }; clock?: () => number } = {}): Promise<AuditRecorder> {
  return createAuditRecorder({
    home,
    durability: options.durability ?? 'default',
    policy: { name: 'gdpr-default', hash: 'sha256:abc' },
    version: '0.1.0-test',
    signer,
    keychain: null,
    log: () => undefined,
    ...(options.mask ? { mask: options.mask } : {}),
    ...(options.loading ? { loading: options.loading } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
}

function request(id: number, method: string, params?: Record<string, unknown>): JsonRpcRequest {
  return { jsonrpc: '2.0', id, method, ...(params ? { params } : {}) };
}

/**
 * Drives a typical session: initialize, an allowed tools/call whose arguments
 * and result hold an e-mail and a token, a denied tools/call, a cancelled
 * notification, progress, a bad line. Ends it unless `end` is false.
 */
export async function scriptedSession(recorder: AuditRecorder, session: SessionState, options: { end?: boolean; calls?: number; clock?: Clock } = {}): Promise<void> {
  const tick = (ms = 5): number => {
    if (options.clock) options.clock.now += ms;
    return options.clock ? options.clock.now : Date.now();
  };
  await recorder.sessionStarted?.(session);
  const exchange = async (id: number, method: string, params: Record<string, unknown> | undefined, result: Record<string, unknown>, notes: Record<string, unknown> = {}): Promise<void> => {
    const message = request(id, method, params);
    await recorder.beforeForward?.(message, notes, session);
    const startedAt = tick();
    recorder.message?.({ direction: 'to-server', kind: 'request', original: message, forwarded: message, notes, at: startedAt });
    const response: JsonRpcMessage = { jsonrpc: '2.0', id, result };
    recorder.message?.({
      direction: 'to-client',
      kind: 'response',
      original: response,
      forwarded: response,
      request: { id, method, params, direction: 'to-server', startedAt, notes },
      notes: {},
      at: tick(12),
    });
  };
  await exchange(1, 'initialize', { protocolVersion: '2025-06-18', clientInfo: { name: 'test', version: '1' }, capabilities: {} }, { protocolVersion: '2025-06-18', serverInfo: { name: 'crm', version: '2' }, capabilities: {} });
  for (let call = 0; call < (options.calls ?? 1); call += 1) {
    await exchange(
      2 + call,
      'tools/call',
      { name: 'lookup_customer', arguments: { email: 'bob@example.com', access_token: 'tok-123' } },
      { content: [{ type: 'text', text: 'Bob Builder, bob@example.com' }] },
      { decision: { action: 'allow', rule: 'tools[3]' }, tool: 'lookup_customer', findings: { email: 1 } },
    );
  }
  const denied = request(100, 'tools/call', { name: 'delete_customer', arguments: { id: 7 } });
  const deniedNotes = { decision: { action: 'deny' as const, rule: 'tools[0]', reason: 'destructive operations are not allowed from agents' }, tool: 'delete_customer' };
  recorder.message?.({
    direction: 'to-server',
    kind: 'request',
    original: denied,
    reply: { jsonrpc: '2.0', id: 100, result: { content: [{ type: 'text', text: 'denied by tools[0]' }], isError: true } },
    notes: deniedNotes,
    at: tick(),
  });
  const cancelled = { jsonrpc: '2.0' as const, method: 'notifications/cancelled', params: { requestId: 9, reason: 'user aborted' } };
  recorder.message?.({ direction: 'to-server', kind: 'notification', original: cancelled, forwarded: cancelled, notes: {}, at: tick() });
  const progress = { jsonrpc: '2.0' as const, method: 'notifications/progress', params: { progressToken: 1, progress: 5 } };
  recorder.message?.({ direction: 'to-client', kind: 'notification', original: progress, forwarded: progress, notes: {}, at: tick() });
  recorder.badInput?.({ direction: 'to-server', problem: 'not-json', bytes: 42, excerpt: 'carol@example.com is not json', at: tick() });
  if (options.end !== false) await recorder.sessionEnded?.({ exitCode: 0, counts: { denied: 1 }, at: tick() });
}
