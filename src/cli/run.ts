import { Command, Option } from 'commander';
import { usageError } from '../errors.js';

export interface RunOptions {
  policy?: string;
  maxMessageBytes?: number;
  durability?: 'default' | 'strict';
  graceMs?: number;
}

function parseBytes(value: string): number {
  const match = /^(\d+)\s*(k|kib|m|mib|g|gib)?$/i.exec(value.trim());
  if (!match) throw usageError(`--max-message-bytes: expected a size such as 33554432 or 32MiB, got "${value}"`);
  const unit = (match[2] ?? '').toLowerCase();
  const scale = unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 ** 2 : unit.startsWith('g') ? 1024 ** 3 : 1;
  return Number(match[1]) * scale;
}

/** `mcp-guard [options] -- <cmd> [args...]`, also `mcp-guard run [options] -- <cmd> [args...]`. */
export function command(): Command {
  return new Command('run')
    .description('wrap a stdio MCP server: spawn <cmd> and guard every message between it and the client')
    .usage('[options] -- <cmd> [args...]')
    .argument('[cmd...]', 'the MCP server command and its arguments, after --')
    .option('-p, --policy <file>', 'policy file (YAML or JSON) or built-in pack name (env MCP_GUARD_POLICY)')
    .option('--max-message-bytes <size>', 'largest accepted message line (default 64MiB)', parseBytes)
    .addOption(new Option('--durability <mode>', 'default: audit written in the background; strict: a tool call waits until its request is on disk').choices(['default', 'strict']))
    .option('--grace-ms <ms>', 'how long the server gets after stdin EOF, and after SIGTERM (default 2000)', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw usageError(`--grace-ms: expected a whole number of milliseconds, got "${v}"`);
      return n;
    })
    .passThroughOptions()
    .action(async (cmd: string[], options: RunOptions) => {
      if (cmd.length === 0) {
        throw usageError('no server command given — put it after --, e.g. `mcp-guard -- npx -y @modelcontextprotocol/server-filesystem .`');
      }
      const { runGuarded } = await import('../proxy/run-guarded.js');
      process.exitCode = await runGuarded(cmd, options);
    });
}
