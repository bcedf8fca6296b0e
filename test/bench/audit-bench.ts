/**
 * Audit trail benchmarks for `npm run bench` (issue 5): what recording costs
 * per request/response pair in each durability mode, measured through the
 * recorder API (no processes). Run alone: `node dist/test/bench/audit-bench.js`.
 *
 * - default: the time the data path spends in `message()` (queueing; no
 *   disk), and the time until everything recorded is fsynced (throughput).
 * - strict: the time a tools/call waits in `beforeForward()` until its
 *   request event is fsynced, plus recording its response.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAuditRecorder, type AuditRecorder } from '../../src/audit/recorder.js';
import { createSigner } from '../../src/audit/signer.js';
import { LocalUserSource } from '../../src/identity/local-user.js';
import type { SessionState } from '../../src/proxy/interceptor.js';
import type { JsonRpcRequest } from '../../src/proxy/json-rpc.js';

export interface AuditBench {
  /** µs the data path spends recording one request/response pair, default durability. */
  defaultMicrosPerEvent: number;
  /** µs per pair until every pair is fsynced, default durability (background writer throughput). */
  defaultDrainMicrosPerEvent: number;
  /** µs one tools/call waits for its request event to be fsynced, plus recording the pair, strict durability. */
  strictMicrosPerEvent: number;
  /** Batches written per 1000 pairs in default durability. */
  defaultBatchesPer1000: number;
}

const signer = createSigner(generateKeyPairSync('ed25519').privateKey);

async function recorder(home: string, durability: 'default' | 'strict'): Promise<{ recorder: AuditRecorder; session: SessionState }> {
  const audit = await createAuditRecorder({ home, durability, policy: { name: 'bench', hash: 'x' }, version: 'bench', signer, keychain: null, log: () => undefined });
  const session: SessionState = { id: `bench-${durability}`, serverCommand: ['bench'], startedAt: Date.now(), identity: null, identitySource: new LocalUserSource() };
  await audit.sessionStarted?.(session);
  return { recorder: audit, session };
}

function pair(audit: AuditRecorder, id: number, request: JsonRpcRequest): void {
  const at = Date.now();
  audit.message?.({ direction: 'to-server', kind: 'request', original: request, forwarded: request, notes: { tool: 'lookup' }, at });
  const response = { jsonrpc: '2.0' as const, id, result: { content: [{ type: 'text', text: `customer ${id}: order ORD-${id} shipped` }] } };
  audit.message?.({ direction: 'to-client', kind: 'response', original: response, forwarded: response, notes: {}, at, request: { id, method: request.method, params: request.params, direction: 'to-server', startedAt: at, notes: { tool: 'lookup' } } });
}

function call(id: number): JsonRpcRequest {
  return { jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'lookup', arguments: { customer: id, fields: ['status', 'orders'] } } };
}

export async function benchAuditDurability(options: { pairs?: number; strictPairs?: number } = {}): Promise<AuditBench> {
  const pairs = options.pairs ?? 5000;
  const strictPairs = options.strictPairs ?? 300;
  const home = mkdtempSync(join(tmpdir(), 'mcp-guard-audit-bench-'));
  try {
    const fast = await recorder(home, 'default');
    let inMessage = 0;
    const drainStart = performance.now();
    for (let id = 1; id <= pairs; id += 1) {
      const request = call(id);
      const started = performance.now();
      fast.recorder.beforeForward?.(request, {}, fast.session);
      pair(fast.recorder, id, request);
      inMessage += performance.now() - started;
      // Let the background writer run as it would between messages.
      if (id % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await fast.recorder.flush();
    const drained = performance.now() - drainStart;
    await fast.recorder.sessionEnded?.({ exitCode: 0, counts: {}, at: Date.now() });
    const { readSessionRecords } = await import('../../src/audit/spool.js');
    const batches = readSessionRecords(home, fast.session.id).filter((record) => 'rec' in record && record.rec === 'batch').length;

    const strict = await recorder(home, 'strict');
    const strictStart = performance.now();
    for (let id = 1; id <= strictPairs; id += 1) {
      const request = call(id);
      await strict.recorder.beforeForward?.(request, {}, strict.session);
      pair(strict.recorder, id, request);
    }
    const strictTotal = performance.now() - strictStart;
    await strict.recorder.sessionEnded?.({ exitCode: 0, counts: {}, at: Date.now() });

    return {
      defaultMicrosPerEvent: (inMessage * 1000) / pairs,
      defaultDrainMicrosPerEvent: (drained * 1000) / pairs,
      strictMicrosPerEvent: (strictTotal * 1000) / strictPairs,
      defaultBatchesPer1000: (batches * 1000) / pairs,
    };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchAuditDurability();
  console.log('audit recording per request/response pair:');
  console.log(`  default durability: ${result.defaultMicrosPerEvent.toFixed(1)} µs on the data path, ${result.defaultDrainMicrosPerEvent.toFixed(1)} µs until fsynced (${result.defaultBatchesPer1000.toFixed(1)} batches per 1000 pairs)`);
  console.log(`  strict durability:  ${result.strictMicrosPerEvent.toFixed(1)} µs per tools/call (waits for its request event's fsync)`);
}
