/** Test helpers for identity: a real device-flow login in-process, and a walk of MCP_GUARD_HOME for token leaks. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openCredentialStore } from '../../src/identity/credential-store.js';
import { loginWithDeviceCode } from '../../src/identity/device-login.js';
import type { StoredCredentials } from '../../src/identity/stored-credentials.js';
import type { TestProvider } from '../helpers/oidc-provider.js';

export const TEST_SCOPE = 'openid profile email groups offline_access';

/** Logs `accountId` in through the provider's device flow and stores the credentials in `home` (file store). */
export async function loginAs(provider: TestProvider, accountId: string, home: string, options: { audience?: string; groupsClaim?: string } = {}): Promise<StoredCredentials> {
  let approval: Promise<void> | undefined;
  const credentials = await loginWithDeviceCode({
    issuer: provider.issuer,
    clientId: provider.clientId,
    scope: TEST_SCOPE,
    audience: options.audience,
    groupsClaim: options.groupsClaim ?? 'groups',
    allowHttp: true,
    print: (line) => {
      const code = /enter the code (\S+)/.exec(line)?.[1];
      if (code) approval = provider.approve(code, accountId);
    },
  });
  await approval;
  await (await openCredentialStore({ home, env: { MCP_GUARD_KEYCHAIN: 'off' } })).save(credentials);
  return credentials;
}

/** Every file under `dir`, recursively (to prove tokens are only in the credential store). */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}
