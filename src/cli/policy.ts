import { Command } from 'commander';

/** `mcp-guard policy check FILE`, `mcp-guard policy test FILE`: for people who write policies. */
export function command(): Command {
  const policy = new Command('policy').description('check a policy file, or run the test cases it carries');
  policy
    .command('check')
    .description('validate a policy file (or built-in pack name): every problem with its dot path and fix; exits 1 on errors')
    .argument('<file>', 'policy file (.yaml, .yml, .json) or built-in pack name')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const { checkPolicyCommand } = await import('../policy/policy-commands.js');
      process.exitCode = await checkPolicyCommand(file, options);
    });
  policy
    .command('test')
    .description("run the policy's `tests:` cases and print a pass/fail table; exits 1 when a case fails")
    .argument('<file>', 'policy file (.yaml, .yml, .json) or built-in pack name')
    .option('--json', 'print the results as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const { testPolicyCommand } = await import('../policy/policy-commands.js');
      process.exitCode = await testPolicyCommand(file, options);
    });
  return policy;
}
