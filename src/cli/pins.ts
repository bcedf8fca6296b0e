import { Command } from 'commander';

/** `mcp-guard pins list`, `mcp-guard pins reset`: the tool definitions pinned per server. */
export function command(): Command {
  const pins = new Command('pins').description('list or reset the pinned tool definitions (rug-pull detection)');
  pins
    .command('list')
    .description('list pinned tools per server command')
    .option('--json', 'print the pins as JSON')
    .action(async (options: { json?: boolean }) => {
      const { listPinsCommand } = await import('../policy/pins-commands.js');
      await listPinsCommand(options);
    });
  pins
    .command('reset')
    .description('forget pins so the next session pins the current definitions: all of them, or one server (after --), or one tool')
    .usage('[--all] [--tool <name>] [-- <server cmd...>]')
    .argument('[cmd...]', 'the server command exactly as wrapped, after --')
    .option('--all', 'reset the pins of every server')
    .option('--tool <name>', 'reset only this tool')
    .option('--json', 'print the result as JSON')
    .action(async (cmd: string[], options: { all?: boolean; tool?: string; json?: boolean }) => {
      const { resetPinsCommand } = await import('../policy/pins-commands.js');
      await resetPinsCommand(cmd, options);
    });
  return pins;
}
