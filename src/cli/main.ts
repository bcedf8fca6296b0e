/**
 * The entry point: one table of commands, each defined in its own file and
 * lazily importing its implementation; the only top-level catch and the only
 * `process.exit` of mcp-guard.
 */
import { Command, CommanderError } from 'commander';
import { isGuardError } from '../errors.js';
import { packageVersion } from './version.js';
import { COMMAND_FILES, wrappedCommand } from './wrap-argv.js';

export async function main(argv: string[]): Promise<void> {
  // The wrapper answers a client that went away itself (see `proxy/session.ts`); a command that prints stops quietly.
  if (!wrappedCommand(argv)) stopWhenStdoutCloses();
  const program = new Command('mcp-guard')
    .description('GDPR accountability for any stdio MCP server: identity, policy, masking and a signed audit trail.')
    .version(packageVersion(), '-V, --version')
    .enablePositionalOptions()
    .showHelpAfterError('(run `mcp-guard --help` for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (text) => process.stdout.write(text), writeErr: (text) => process.stderr.write(text) });

  // Wrapping a server (`mcp-guard [options] -- cmd`) is the hot path: MCP clients spawn it on
  // every start, so it skips loading the definitions of the other commands.
  for (const file of wrappedCommand(argv) ? ['./run.js'] : COMMAND_FILES) {
    const module = (await import(file)) as { command(): Command };
    const sub = module.command();
    program.addCommand(sub, sub.name() === 'run' ? { isDefault: true } : undefined);
  }
  // Subcommands inherit the program's error handling so usage errors exit 2 here.
  for (const sub of program.commands) {
    sub.exitOverride().configureOutput(program.configureOutput());
    for (const nested of sub.commands) nested.exitOverride().configureOutput(program.configureOutput());
  }

  let exitCode = 0;
  try {
    await program.parseAsync(argv, { from: 'user' });
    exitCode = typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    exitCode = exitCodeFor(error);
  }
  // Let stdout drain before exiting so piped output is never cut short.
  await new Promise<void>((resolve) => (process.stdout.writableLength === 0 ? resolve() : process.stdout.once('drain', resolve)));
  process.exit(exitCode);
}

/**
 * A command that prints (`sessions`, `replay`, `mask`, …) stops, with
 * success, when its reader goes away (`mcp-guard replay ID | head`), as
 * Unix tools do, instead of failing on the next write with a stack trace.
 */
function stopWhenStdoutCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    process.stderr.write(`mcp-guard: cannot write to stdout: ${error.message}\n`);
    process.exit(1);
  });
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // Help and version are successes; every other commander error is a usage error.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
    return 2;
  }
  if (isGuardError(error)) {
    process.stderr.write(`mcp-guard: ${error.message}\n`);
    return error.exitCode;
  }
  process.stderr.write(`mcp-guard: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
}
