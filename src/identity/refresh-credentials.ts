import * as oidc from 'openid-client';
import { GuardError } from '../errors.js';
import { buildCredentials } from './build-credentials.js';
import { fetchUserinfoIfNeeded } from './fetch-userinfo.js';
import { describeOidcError } from './issuer.js';
import type { StoredCredentials } from './stored-credentials.js';

/**
 * Renews `previous` with its refresh token (RFC 6749 6). Keeps the refresh
 * token when the issuer does not rotate it, and the groups claim the login
 * used.
 * @throws GUARD_CREDENTIALS_UNAVAILABLE when there is no refresh token, the
 *   issuer refuses it (`invalid_grant`: revoked, expired, reused), or the
 *   issuer cannot be reached; the message never contains a token.
 */
export async function refreshCredentials(config: oidc.Configuration, previous: StoredCredentials, now: () => number = Date.now): Promise<StoredCredentials> {
  if (!previous.refreshToken) {
    throw new GuardError('GUARD_CREDENTIALS_UNAVAILABLE', 'no refresh token was issued at login');
  }
  let response: Awaited<ReturnType<typeof oidc.refreshTokenGrant>>;
  try {
    response = await oidc.refreshTokenGrant(config, previous.refreshToken);
  } catch (error) {
    throw new GuardError('GUARD_CREDENTIALS_UNAVAILABLE', describeOidcError(error, previous), { cause: error });
  }
  const userinfo = await fetchUserinfoIfNeeded(config, response, previous.groupsClaim);
  const credentials = buildCredentials({ issuer: previous.issuer, clientId: previous.clientId, groupsClaim: previous.groupsClaim, response, userinfo, previous, now: now() });
  if (!credentials) throw new GuardError('GUARD_CREDENTIALS_UNAVAILABLE', 'the refreshed tokens name nobody (no `sub`)');
  if (credentials.profile.sub !== previous.profile.sub) {
    // A refresh must never turn one person into another.
    throw new GuardError('GUARD_CREDENTIALS_UNAVAILABLE', `the refreshed tokens name another subject than the login did`);
  }
  return credentials;
}
