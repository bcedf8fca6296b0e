import type { GuardConfig } from '../config/config.js';
import { DEFAULT_CLIENT_ID } from './defaults.js';

/** Issuer and client id in effect: `MCP_GUARD_ISSUER` / `MCP_GUARD_CLIENT_ID` over the config file. */
export function configuredIssuer(config: GuardConfig, env: NodeJS.ProcessEnv = process.env): { issuer?: string; clientId: string } {
  const issuer = env.MCP_GUARD_ISSUER || config.issuer;
  const clientId = env.MCP_GUARD_CLIENT_ID || config.clientId || DEFAULT_CLIENT_ID;
  return issuer ? { issuer, clientId } : { clientId };
}
