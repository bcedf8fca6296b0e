import { Command } from 'commander';

/** `mcp-guard whoami [--json]`: the identity the wrapper would use now. */
export function command(): Command {
  return new Command('whoami')
    .description('show who you are logged in as: subject, e-mail, groups, policy roles, issuer, token expiry, credential store')
    .option('--json', 'print JSON: sub, email, name, groups, roles, issuer, expiresAt, store, verified')
    .action(async (flags: { json?: boolean }) => {
      const [{ whoami, formatWhoami }, { loadConfig }, { configuredIssuer }] = await Promise.all([
        import('../identity/whoami.js'),
        import('../config/config.js'),
        import('../identity/select-source.js'),
      ]);
      const config = loadConfig();
      const warn = (line: string): void => void process.stderr.write(`mcp-guard: warning: ${line}\n`);
      const rolesFor = await policyRoles(config.policy, configuredIssuer(config).issuer !== undefined, warn);
      const report = await whoami({ config, env: process.env, rolesFor, warn });
      process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatWhoami(report));
    });
}

/** The policy's groups → roles mapping; whoami still answers (without roles) when the policy does not load. */
async function policyRoles(configPolicy: string | undefined, issuerConfigured: boolean, warn: (line: string) => void): Promise<((groups: string[]) => string[]) | undefined> {
  try {
    const [{ loadPolicy }, { mapRoles }] = await Promise.all([import('../policy/load.js'), import('../policy/roles.js')]);
    const { policy } = await loadPolicy(undefined, { configPolicy, issuerConfigured });
    return (groups) => mapRoles(groups, policy.identity.roles);
  } catch (error) {
    warn(`roles are not shown: ${(error as Error).message}`);
    return undefined;
  }
}
