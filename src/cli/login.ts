import { Command } from 'commander';

interface LoginFlags {
  issuer?: string;
  clientId?: string;
  scope?: string;
  audience?: string;
  groupsClaim?: string;
  browser: boolean;
  insecure?: boolean;
}

/** `mcp-guard login`: OAuth 2.0 device flow against the organisation's issuer. */
export function command(): Command {
  return new Command('login')
    .description('sign in with your organisation (OIDC device flow); settings are remembered in the config file')
    .option('--issuer <url>', 'OIDC issuer URL (env MCP_GUARD_ISSUER)')
    .option('--client-id <id>', 'OAuth client id registered for mcp-guard (env MCP_GUARD_CLIENT_ID; default mcp-guard)')
    .option('--scope <scopes>', 'scopes to ask for (default "openid profile email offline_access")')
    .option('--audience <resource>', 'resource / audience the access token is for')
    .option('--groups-claim <claim>', 'claim that holds your groups: groups, roles, cognito:groups, realm_access.roles, ... (default groups)')
    .option('--no-browser', 'do not try to open a browser; just print the URL and code')
    .option('--insecure', 'allow an http:// issuer that is not on this machine (tokens travel unencrypted)')
    .action(async (flags: LoginFlags) => {
      const [{ login }, { loadConfig }] = await Promise.all([import('../identity/login.js'), import('../config/config.js')]);
      await login(flags, { config: loadConfig(), env: process.env, print: (line) => process.stderr.write(`${line}\n`) });
    });
}
