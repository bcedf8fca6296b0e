/**
 * Drives the built CLI over raw stdio, byte for byte, for tests that must
 * send what no SDK client would (bad JSON, batches, huge lines).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { BIN } from './guard.js';

export interface RawGuard {
  child: ChildProcess;
  /** Parsed JSON messages written to stdout so far. */
  messages: unknown[];
  /** Lines on stdout that were not JSON (must stay empty: stdout is protocol only). */
  junk: string[];
  stderr(): string;
  send(line: string | Buffer): void;
  /** Waits for a message with this id on stdout. */
  response(id: string | number, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Waits for the process to exit: `{ code, signal }`. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Guards spawned and not yet exited: a failed test leaves its guard running, which would keep the test file's run alive. */
const running = new Set<ChildProcess>();

/** Kills every raw guard still running: for `after()` in a file that spawns them. */
export function stopRawGuards(): void {
  for (const child of running) child.kill('SIGKILL');
}

export function spawnRawGuard(server: string[], options: { guardArgs?: string[]; env?: Record<string, string> } = {}): RawGuard {
  const child = spawn(process.execPath, [BIN, ...(options.guardArgs ?? []), '--', ...server], {
    env: { ...process.env, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const messages: unknown[] = [];
  const junk: string[] = [];
  let stderr = '';
  let buffered = '';
  const waiters: Array<() => void> = [];
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffered += chunk;
    let newline = buffered.indexOf('\n');
    while (newline !== -1) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      try {
        messages.push(JSON.parse(line));
      } catch {
        junk.push(line);
      }
      newline = buffered.indexOf('\n');
    }
    for (const wake of waiters.splice(0)) wake();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  child.stdin.on('error', () => {});
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const find = (id: string | number): Record<string, unknown> | undefined =>
    messages.find((message) => (message as { id?: unknown; method?: unknown }).id === id && !('method' in (message as object))) as Record<string, unknown> | undefined;
  return {
    child,
    messages,
    junk,
    stderr: () => stderr,
    exited,
    send: (line) => {
      child.stdin.write(line);
      child.stdin.write('\n');
    },
    response: (id, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no response with id ${JSON.stringify(id)} within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
        const check = (): void => {
          const found = find(id);
          if (found) {
            clearTimeout(timer);
            resolve(found);
          } else {
            waiters.push(check);
          }
        };
        check();
      }),
  };
}

export const INITIALIZE = JSON.stringify({
  jsonrpc: '2.0',
  id: 'init',
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw-test', version: '1' } },
});

export function toolCall(id: string | number, name: string, args: Record<string, unknown> = {}): string {
  return JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args } });
}
