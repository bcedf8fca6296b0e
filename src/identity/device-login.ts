/**
 * `mcp-guard login`'s grant: the OAuth 2.0 Device Authorization Grant
 * (RFC 8628) through openid-client, which honours `interval` and `slow_down`
 * (RFC 8628 3.5) while polling.
 */
import * as oidc from 'openid-client';
import { GuardError } from '../errors.js';
import { buildCredentials } from './build-credentials.js';
import { fetchUserinfoIfNeeded } from './fetch-userinfo.js';
import { describeOidcError, discoverIssuer } from './issuer.js';
import type { StoredCredentials } from './stored-credentials.js';

export interface DeviceLoginOptions {
  issuer: string;
  clientId: string;
  scope: string;
  /** Resource / audience the access token is for (sent as RFC 8707 `resource` and as `audience`). */
  audience?: string;
  groupsClaim: string;
  allowHttp: boolean;
  /** Writes one line for the person (stderr). */
  print: (line: string) => void;
  /** Opens the complete verification URL; returns whether it tried. */
  openBrowser?: (url: string) => boolean;
  now?: () => number;
}

/**
 * Runs the device flow to completion.
 * @throws GUARD_LOGIN_FAILED for access denied, an expired code, an
 *   unreachable issuer, an unknown client id, an issuer without device flow.
 */
export async function loginWithDeviceCode(options: DeviceLoginOptions): Promise<StoredCredentials> {
  const now = options.now ?? Date.now;
  const context = { issuer: options.issuer, clientId: options.clientId };
  const config = await discoverIssuer({ issuer: options.issuer, clientId: options.clientId, allowHttp: options.allowHttp });
  if (!config.serverMetadata().device_authorization_endpoint) {
    throw new GuardError('GUARD_LOGIN_FAILED', `${options.issuer} does not offer the device authorization grant (no device_authorization_endpoint in its discovery document) — ask your identity provider's administrator to enable it for client "${options.clientId}"`);
  }
  const parameters: Record<string, string> = { scope: options.scope };
  if (options.audience) {
    parameters.resource = options.audience;
    parameters.audience = options.audience;
  }

  let device: oidc.DeviceAuthorizationResponse;
  try {
    device = await oidc.initiateDeviceAuthorization(config, parameters);
  } catch (error) {
    throw new GuardError('GUARD_LOGIN_FAILED', `could not start the sign-in: ${describeOidcError(error, context)}`, { cause: error });
  }

  options.print(`To sign in, open ${device.verification_uri} and enter the code ${device.user_code}`);
  if (device.verification_uri_complete) {
    options.print(`or open ${device.verification_uri_complete}`);
    if (options.openBrowser?.(device.verification_uri_complete)) options.print('(a browser window was opened for you)');
  }
  options.print(`Waiting for approval; the code expires in ${formatDuration(device.expires_in)}...`);

  let response: Awaited<ReturnType<typeof oidc.pollDeviceAuthorizationGrant>>;
  try {
    response = await oidc.pollDeviceAuthorizationGrant(config, device);
  } catch (error) {
    // openid-client stops polling at `expires_in` with a timeout; that is the code expiring, not the issuer.
    const timedOut = error instanceof oidc.ClientError && (error.code === 'OAUTH_TIMEOUT' || error.code === 'OAUTH_ABORT');
    const message = timedOut ? 'the sign-in code expired before it was approved — run `mcp-guard login` again and enter the new code sooner' : describeOidcError(error, context);
    throw new GuardError('GUARD_LOGIN_FAILED', message, { cause: error });
  }

  const userinfo = await fetchUserinfoIfNeeded(config, response, options.groupsClaim);
  const credentials = buildCredentials({ issuer: options.issuer, clientId: options.clientId, groupsClaim: options.groupsClaim, audience: options.audience, response, userinfo, now: now() });
  if (!credentials) {
    throw new GuardError('GUARD_LOGIN_FAILED', `${options.issuer} returned tokens that name nobody (no \`sub\` in the ID token, the access token or userinfo) — include the \`openid\` scope in --scope`);
  }
  if (!credentials.refreshToken) {
    options.print('note: the issuer gave no refresh token, so the wrapper cannot renew the session silently — add `offline_access` to --scope if your issuer needs it');
  }
  return credentials;
}

function formatDuration(seconds: number): string {
  return seconds >= 120 ? `${Math.round(seconds / 60)} minutes` : `${Math.round(seconds)} seconds`;
}
