import { Command } from 'commander';

/** `mcp-guard logout`: revoke at the issuer where supported, then delete the stored tokens. */
export function command(): Command {
  return new Command('logout')
    .description('revoke your session at the issuer (where supported) and delete the stored tokens')
    .action(async () => {
      const [{ logout }, { loadConfig }] = await Promise.all([import('../identity/logout.js'), import('../config/config.js')]);
      await logout({ config: loadConfig(), env: process.env, print: (line) => process.stderr.write(`${line}\n`) });
    });
}
