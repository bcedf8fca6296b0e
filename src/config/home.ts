import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The state directory: `MCP_GUARD_HOME`, else `$XDG_STATE_HOME/mcp-guard`,
 * else `~/.local/state/mcp-guard`. Holds the spool, session index, pins,
 * device key and fallback credentials.
 */
export function resolveHome(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MCP_GUARD_HOME) return env.MCP_GUARD_HOME;
  if (env.XDG_STATE_HOME) return join(env.XDG_STATE_HOME, 'mcp-guard');
  return join(homedir(), '.local', 'state', 'mcp-guard');
}
