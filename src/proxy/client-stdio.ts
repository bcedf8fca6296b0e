/**
 * The client's side of the pipe: our own stdin and stdout.
 *
 * Node makes `process.stdout` synchronous for pipes on Linux, so a client
 * that stops reading would block the whole event loop (no signals, no
 * timers, no audit flush). When stdout is a pipe or socket we open our own
 * non-blocking socket on fd 1 instead and rely on stream backpressure.
 */
import { fstatSync } from 'node:fs';
import { Socket } from 'node:net';
import type { Readable, Writable } from 'node:stream';

export interface ClientStdio {
  input: Readable;
  output: Writable;
}

export function openClientStdio(): ClientStdio {
  let output: Writable = process.stdout;
  try {
    const stat = fstatSync(1);
    if (stat.isFIFO() || stat.isSocket()) output = new Socket({ fd: 1, readable: false, writable: true });
  } catch {
    // fd 1 closed or not stat-able: fall back to process.stdout, which reports its own errors.
  }
  output.on('error', () => {});
  return { input: process.stdin, output };
}
