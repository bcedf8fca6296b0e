/**
 * A wrapper session (`runSession`) over in-memory client streams, with the
 * misbehaving fixture server behind it and the interceptors (and observers) a test gives:
 * what the client receives, what the observers are told, what goes to stderr.
 */
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after } from 'node:test';
import { composeChain } from '../../src/proxy/compose.js';
import type { Interceptor, MessageOutcome, SessionObserver } from '../../src/proxy/interceptor.js';
import { runSession } from '../../src/proxy/session.js';
import { fixture } from './guard.js';

/**
 * The sessions of this test file that are still running: ended once its
 * tests are done, so that a test that fails half-way does not leave its
 * server, and with it the test run, waiting for good.
 */
const running = new Set<PassThrough>();
after(async () => {
  for (const input of running) input.end();
});

/** A session over in-memory client streams with the misbehaving fixture server behind it. */
export function startSession(interceptors: Interceptor[], observers: SessionObserver[] = []) {
  const input = new PassThrough();
  running.add(input);
  const output = new PassThrough();
  const lines: string[] = [];
  const outcomes: MessageOutcome[] = [];
  const logs: string[] = [];
  let bytesOut = 0;
  let buffered = '';
  const waiters: Array<() => void> = [];
  output.setEncoding('utf8');
  output.on('data', (chunk: string) => {
    bytesOut += chunk.length;
    buffered += chunk;
    for (let newline = buffered.indexOf('\n'); newline !== -1; newline = buffered.indexOf('\n')) {
      lines.push(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
    }
    for (const wake of waiters.splice(0)) wake();
  });
  const ended = runSession({
    command: [process.execPath, fixture('misbehaving-server')],
    setup: async () => ({
      chain: composeChain(interceptors),
      observers: [{ message: (outcome) => void outcomes.push(outcome) }, ...observers],
      identitySource: { current: async () => ({ identity: null, reason: 'no identity in this test' }) },
    }),
    client: { input, output },
    maxMessageBytes: 64 * 1024 * 1024,
    graceMs: 500,
    log: (line) => void logs.push(line),
  });
  return {
    output,
    ended,
    lines,
    outcomes,
    logs,
    closeInput: () => void input.end(),
    bytesOut: () => bytesOut,
    send: (message: unknown) => void input.write(`${JSON.stringify(message)}\n`),
    /** Waits for `count` lines in all (a failure, not a hang, when they do not come). */
    async lineCount(count: number): Promise<void> {
      const deadline = Date.now() + 30_000;
      while (lines.length < count) {
        assert.ok(Date.now() < deadline, `${lines.length} lines of ${count} after 30 s`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 1000);
        });
      }
    },
    async end(): Promise<number> {
      input.end();
      running.delete(input);
      return ended;
    },
  };
}

/** A `tools/call` request. */
export const call = (id: number, name: string, args: Record<string, unknown>): unknown => ({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args } });
