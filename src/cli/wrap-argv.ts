/**
 * Whether an argument list wraps a server (`mcp-guard [options] -- cmd …`,
 * also `mcp-guard run [options] -- cmd …`), and which command. Shared by
 * the entry point (which then loads only the run command) and the early
 * server start in `bin/mcp-guard`.
 */

/** The subcommands: each is a file in this folder exporting `command(): Command`. */
export const COMMAND_FILES = ['./run.js', './login.js', './whoami.js', './logout.js', './sessions.js', './replay.js', './verify.js', './policy.js', './pins.js', './mask.js'] as const;

const COMMAND_NAMES = new Set([...COMMAND_FILES.map((file) => file.slice(2, -3)), 'help']);
/** Before `--`, these make the invocation print something instead of wrapping. */
const PRINTING_FLAGS = new Set(['-h', '--help', '-V', '--version']);

/** The server command after `--`, or undefined when `argv` does not wrap a server. */
export function wrappedCommand(argv: readonly string[]): string[] | undefined {
  const separator = argv.indexOf('--');
  if (separator === -1) return undefined;
  const before = argv.slice(0, separator);
  if (before.some((arg) => (COMMAND_NAMES.has(arg) && arg !== 'run') || PRINTING_FLAGS.has(arg))) return undefined;
  const command = argv.slice(separator + 1);
  return command.length > 0 ? command : undefined;
}
