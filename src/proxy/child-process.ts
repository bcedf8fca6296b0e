/**
 * The wrapped server as a process: spawned without a shell through
 * cross-spawn (Windows `.cmd` shims and PATH lookup, as the MCP SDK does),
 * stderr passed straight through to ours, and a shutdown that escalates
 * stdin EOF → SIGTERM → SIGKILL.
 */
import { type ChildProcess, spawn as spawnChild } from 'node:child_process';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import type { Readable, Writable } from 'node:stream';

/**
 * cross-spawn on Windows (`.cmd` shims, PATHEXT, as the MCP SDK does).
 * Elsewhere cross-spawn is plain `spawn`, so it is not loaded: ~15 ms less
 * between mcp-guard's start and the server's (see `early-server.ts`).
 */
const spawn: typeof spawnChild = process.platform === 'win32' ? (createRequire(import.meta.url)('cross-spawn') as typeof spawnChild) : spawnChild;

export interface ServerExit {
  /** Exit code, or null when killed by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The status mcp-guard should exit with: the code, 128 + signal number, 127/126 when it never started. */
  status: number;
  /** Set when the process could not be started at all. */
  spawnError?: NodeJS.ErrnoException;
}

export interface ServerProcess {
  readonly stdin: Writable;
  readonly stdout: Readable;
  /** Settles once, when the process has exited or failed to start. */
  readonly exited: Promise<ServerExit>;
  readonly running: boolean;
  kill(signal: NodeJS.Signals): void;
  /**
   * Closes stdin, then sends SIGTERM after `graceMs` and SIGKILL after
   * another `graceMs` unless the process has exited by then.
   */
  shutdown(graceMs: number): Promise<ServerExit>;
}

export function statusFor(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  if (signal !== null) return 128 + (constants.signals[signal] ?? 0);
  return 1;
}

export function spawnServer(command: readonly string[], env: NodeJS.ProcessEnv = process.env): ServerProcess {
  const [file, ...args] = command;
  if (!file) throw new TypeError('spawnServer needs a command');
  const child: ChildProcess = spawn(file, args, { stdio: ['pipe', 'pipe', 'inherit'], env, shell: false, windowsHide: true });
  let running = true;
  const exited = new Promise<ServerExit>((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      // 'error' without a pid means the process never started.
      if (child.pid === undefined) {
        running = false;
        const status = error.code === 'EACCES' || error.code === 'EISDIR' ? 126 : 127;
        resolve({ code: null, signal: null, status, spawnError: error });
      }
    });
    child.once('exit', (code, signal) => {
      running = false;
      resolve({ code, signal, status: statusFor(code, signal) });
    });
  });
  // A server that dies while we write to it must not crash the wrapper (EPIPE).
  child.stdin?.on('error', () => {});
  const stdin = child.stdin as Writable;
  const stdout = child.stdout as Readable;

  const kill = (signal: NodeJS.Signals): void => {
    if (running) child.kill(signal);
  };

  let shutdownPromise: Promise<ServerExit> | undefined;
  const shutdown = (graceMs: number): Promise<ServerExit> => {
    shutdownPromise ??= (async () => {
      stdin.end();
      if (await settlesWithin(exited, graceMs)) return exited;
      kill('SIGTERM');
      if (await settlesWithin(exited, graceMs)) return exited;
      kill('SIGKILL');
      return exited;
    })();
    return shutdownPromise;
  };

  return {
    stdin,
    stdout,
    exited,
    get running() {
      return running;
    },
    kill,
    shutdown,
  };
}

/** Resolves true when `promise` settles within `ms`, false otherwise. */
export function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    void promise.then(
      () => {
        clearTimeout(timer);
        resolve(true);
      },
      () => {
        clearTimeout(timer);
        resolve(true);
      },
    );
  });
}
