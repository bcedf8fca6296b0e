/**
 * Starts the wrapped server before mcp-guard has loaded anything else.
 *
 * MCP clients start their servers on every launch, and a second Node
 * process in front of the server would otherwise add its whole start-up to
 * the client's wait. `bin/mcp-guard` calls `startServerEarly` first thing, so
 * the server boots while our modules, config and policy load. Nothing
 * reaches it until the session has its guards: its stdin stays untouched
 * and its stdout unread. Until a session takes it, SIGINT, SIGTERM and SIGHUP
 * are forwarded to it (the session forwards them from then on), and when
 * mcp-guard exits without a session having taken it (a usage error, a policy
 * that does not load) it is sent SIGTERM, so a refused start leaves nothing
 * running.
 */
import { type ServerProcess, spawnServer } from './child-process.js';

const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

let early: { command: readonly string[]; server: ServerProcess; release: () => void } | undefined;

export function startServerEarly(command: readonly string[]): void {
  // Listening before the spawn: a signal that arrives once the server exists must not kill us before it.
  let server: ServerProcess | undefined;
  const forward = (signal: NodeJS.Signals): void => server?.kill(signal);
  for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
  const stopUnclaimed = (): void => server?.kill('SIGTERM');
  const release = (): void => {
    for (const signal of FORWARDED_SIGNALS) process.off(signal, forward);
    process.off('exit', stopUnclaimed);
  };
  try {
    server = spawnServer(command);
  } catch {
    // spawn throws some errors instead of emitting them: the session spawns again and reports it properly.
    release();
    return;
  }
  process.once('exit', stopUnclaimed);
  early = { command, server, release };
}

/**
 * The server started early for exactly `command`, handed over once, undefined
 * when there is none. The caller owns it from here: signals and exit are its
 * to handle.
 */
export function takeEarlyServer(command: readonly string[]): ServerProcess | undefined {
  if (!early || early.command.length !== command.length || early.command.some((arg, k) => arg !== command[k])) return undefined;
  const { server, release } = early;
  early = undefined;
  release();
  return server;
}
