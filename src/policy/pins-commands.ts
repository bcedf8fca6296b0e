/** `mcp-guard pins list` and `mcp-guard pins reset`. */
import { resolveHome } from '../config/home.js';
import { usageError } from '../errors.js';
import { terminalSafe, terminalSafeJson } from '../lib/terminal-safe.js';
import { listPinFiles, resetPins } from './pins.js';

interface CommandOptions {
  json?: boolean;
  env?: NodeJS.ProcessEnv;
  out?: (text: string) => void;
}

/** Prints every pinned tool, per server command. */
export async function listPinsCommand(options: CommandOptions = {}): Promise<void> {
  const out = options.out ?? ((text: string) => void process.stdout.write(text));
  const files = await listPinFiles(resolveHome(options.env ?? process.env));
  const rows = files.flatMap(({ pins }) =>
    Object.entries(pins.tools)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([tool, pin]) => ({ server: pins.server, tool, fingerprint: pin.fingerprint, pinnedAt: pin.pinnedAt })),
  );
  if (options.json) {
    out(`${terminalSafeJson(JSON.stringify(rows, null, 2))}\n`);
    return;
  }
  if (rows.length === 0) {
    process.stderr.write('mcp-guard: no pinned tools yet — they are pinned the first time a guarded server lists them\n');
    return;
  }
  // Tool names are the servers' own: shown, never acted on.
  const lines = [['PINNED AT', 'FINGERPRINT', 'TOOL', 'SERVER'], ...rows.map((row) => [row.pinnedAt, row.fingerprint.slice(0, 12), terminalSafe(row.tool), terminalSafe(row.server.join(' '))])];
  const widths = [0, 1, 2].map((column) => Math.max(...lines.map((line) => line[column]!.length)));
  out(`${lines.map((line) => line.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell)).join('  ')).join('\n')}\n`);
}

/**
 * Forgets pins: every server's (`--all`), one server's (command after `--`),
 * optionally only one tool (`--tool`). Asking for nothing is a usage error.
 */
export async function resetPinsCommand(serverCommand: string[], options: CommandOptions & { all?: boolean; tool?: string } = {}): Promise<void> {
  const out = options.out ?? ((text: string) => void process.stdout.write(text));
  if (options.all && serverCommand.length > 0) throw usageError('pins reset: give either --all or a server command after --, not both');
  if (!options.all && serverCommand.length === 0 && options.tool === undefined) {
    throw usageError('pins reset: say what to reset — `--all`, `-- <server cmd...>`, or `--tool <name>` (optionally with a server command)');
  }
  const home = resolveHome(options.env ?? process.env);
  const target: { serverCommand?: string[]; tool?: string } = {};
  if (serverCommand.length > 0) target.serverCommand = serverCommand;
  if (options.tool !== undefined) target.tool = options.tool;
  const removed = await resetPins(home, target);
  if (options.json) out(`${JSON.stringify({ removed })}\n`);
  else out(`reset ${removed} pin${removed === 1 ? '' : 's'}${removed === 0 ? ' (nothing matched)' : ''}\n`);
}
