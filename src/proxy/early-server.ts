/**
 * Starts the wrapped server before mcp-guard has loaded anything else.
 *
 * MCP clients start their servers on every launch, and a second Node
 * process in front of the server would otherwise add its whole start-up to
 * the client's wait. `bin/mcp-guard` calls `startServerEarly` first thing, so
 * the server boots while our modules, config and policy load. Nothing
 * reaches it until the session has its guards: its stdin stays untouched
 * and its stdout unread. When mcp-guard exits without a session having
 * taken the server (a usage error, a policy that does not load), it is sent
 * SIGTERM, so a refused start leaves nothing running.
 */
import { type ServerProcess, spawnServer } from './child-process.js';

let early: { command: readonly string[]; server: ServerProcess } | undefined;

export function startServerEarly(command: readonly string[]): void {
  early = { command, server: spawnServer(command) };
  process.once('exit', () => early?.server.kill('SIGTERM'));
}

/** The server started early for exactly `command`, handed over once; undefined when there is none. */
export function takeEarlyServer(command: readonly string[]): ServerProcess | undefined {
  if (!early || early.command.length !== command.length || early.command.some((arg, k) => arg !== command[k])) return undefined;
  const { server } = early;
  early = undefined;
  return server;
}
