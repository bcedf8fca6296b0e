import { Command, Option } from 'commander';

export interface MaskOptions {
  policy?: string;
  json?: boolean;
  style?: 'redact' | 'partial' | 'pseudonym';
}

/** `mcp-guard mask [--policy FILE] [--json] [--style S]`: try a policy's masking on your own data. */
export function command(): Command {
  return new Command('mask')
    .description('mask personal data in stdin with the active policy and print the result to stdout')
    .option('-p, --policy <file>', 'policy file (YAML or JSON) or built-in pack name (env MCP_GUARD_POLICY)')
    .option('--json', 'print the findings instead: { findings: [{ type, start, end }], counts } — offsets, never the values')
    .addOption(new Option('--style <style>', "override the policy's masking style").choices(['redact', 'partial', 'pseudonym']))
    .action(async (options: MaskOptions) => {
      const { runMask } = await import('../mask/run-mask.js');
      await runMask(options);
    });
}
