/**
 * `mcp-guard logout`: revokes the refresh token where the issuer supports
 * revocation (RFC 7009), then deletes the stored tokens — also when the
 * issuer cannot be reached.
 */
import type * as oidc from 'openid-client';
import type { GuardConfig } from '../config/config.js';
import { resolveHome } from '../config/home.js';
import { openCredentialStore } from './credential-store.js';
import { discoverIssuer, isLoopback } from './issuer.js';
import { revokeCredentials } from './revoke-credentials.js';
import { configuredIssuer } from './select-source.js';

export interface LogoutContext {
  config: GuardConfig;
  env: NodeJS.ProcessEnv;
  print: (line: string) => void;
}

/** Returns whether anything was stored (and is now deleted). */
export async function logout(context: LogoutContext): Promise<{ deleted: boolean; revoked: boolean }> {
  const { issuer, clientId } = configuredIssuer(context.config, context.env);
  if (!issuer) {
    context.print('No issuer is configured (local mode): there is nothing to log out of.');
    return { deleted: false, revoked: false };
  }
  const store = await openCredentialStore({ home: resolveHome(context.env), env: context.env, warn: (line) => context.print(`warning: ${line}`) });
  const found = await store.load(issuer, clientId);
  if (!found) {
    context.print(`Not logged in to ${issuer} (client "${clientId}"): nothing to do.`);
    return { deleted: false, revoked: false };
  }
  let config: oidc.Configuration | undefined;
  try {
    const url = new URL(found.credentials.issuer);
    const allowHttp = found.credentials.allowHttp === true || (url.protocol === 'http:' && isLoopback(url.hostname));
    config = await discoverIssuer({ issuer: found.credentials.issuer, clientId, allowHttp, timeoutSeconds: 10 });
  } catch (error) {
    context.print(`warning: ${(error as Error).message}`);
  }
  const revocation = await revokeCredentials(config, found.credentials);
  context.print(revocation.revoked ? `Revoked the session at ${issuer}.` : `warning: ${revocation.detail}`);
  const deleted = await store.delete(issuer, clientId);
  context.print(`Deleted the stored tokens (${found.kind === 'keychain' ? 'OS keychain' : store.filePath}).`);
  return { deleted, revoked: revocation.revoked };
}
