/**
 * `mcp-guard login`: runs the device flow against the configured issuer,
 * stores the tokens (keychain, else a 0600 file) and remembers the settings.
 * Everything it says goes to stderr; tokens are never printed.
 */
import { updateConfig, type GuardConfig } from '../config/config.js';
import { resolveHome } from '../config/home.js';
import { usageError } from '../errors.js';
import { DEFAULT_GROUPS_CLAIM } from './claims.js';
import { openCredentialStore } from './credential-store.js';
import { DEFAULT_SCOPE } from './defaults.js';
import { loginWithDeviceCode } from './device-login.js';
import { checkIssuerUrl, isLoopback } from './issuer.js';
import { openBrowser } from './open-browser.js';
import { configuredIssuer } from './select-source.js';
import type { StoredCredentials } from './stored-credentials.js';

export interface LoginOptions {
  issuer?: string;
  clientId?: string;
  scope?: string;
  audience?: string;
  groupsClaim?: string;
  /** false with `--no-browser`. */
  browser?: boolean;
  insecure?: boolean;
}

export interface LoginContext {
  config: GuardConfig;
  env: NodeJS.ProcessEnv;
  print: (line: string) => void;
}

/**
 * Logs in and returns the stored credentials' profile and store.
 * @throws GUARD_USAGE without an issuer or with a refused `http://` one;
 *   GUARD_LOGIN_FAILED when the flow fails (see `loginWithDeviceCode`).
 */
export async function login(options: LoginOptions, context: LoginContext): Promise<{ credentials: StoredCredentials; store: string }> {
  const { config, env, print } = context;
  const fromConfig = configuredIssuer(config, env);
  const issuer = options.issuer ?? fromConfig.issuer;
  if (!issuer) throw usageError('no issuer configured — pass --issuer https://your-idp.example (it is remembered for next time)');
  const clientId = options.clientId ?? fromConfig.clientId;
  const scope = options.scope ?? env.MCP_GUARD_SCOPE ?? config.scope ?? DEFAULT_SCOPE;
  const audience = options.audience ?? env.MCP_GUARD_AUDIENCE ?? config.audience;
  const groupsClaim = options.groupsClaim ?? env.MCP_GUARD_GROUPS_CLAIM ?? config.groupsClaim ?? DEFAULT_GROUPS_CLAIM;
  const { url, allowHttp } = checkIssuerUrl(issuer, options.insecure === true);

  const home = resolveHome(env);
  const store = await openCredentialStore({ home, env, warn: (message) => print(`warning: ${message}`) });
  const wantsBrowser = options.browser !== false;
  const credentials = await loginWithDeviceCode({
    issuer,
    clientId,
    scope,
    audience,
    groupsClaim,
    allowHttp,
    print,
    openBrowser: wantsBrowser ? (target) => openBrowser(target, env) : undefined,
  });
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) credentials.allowHttp = true;
  const kind = await store.save(credentials);
  // Remembered only after a successful login, so a mistyped issuer does not stick.
  updateConfig({ issuer: credentials.issuer, clientId, scope, audience, groupsClaim }, env);

  const { profile } = credentials;
  const who = [profile.name, profile.email ? `<${profile.email}>` : undefined].filter(Boolean).join(' ') || profile.sub;
  print(`Logged in to ${credentials.issuer} as ${who} (sub ${profile.sub})`);
  print(`groups (claim "${groupsClaim}"): ${profile.groups.length > 0 ? profile.groups.join(', ') : '(none)'}`);
  print(kind === 'keychain' ? `Tokens stored in the OS keychain (${store.reason}).` : `Tokens stored in ${store.filePath} (mode 0600) because ${store.reason}.`);
  return { credentials, store: kind };
}
