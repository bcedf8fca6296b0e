import * as oidc from 'openid-client';
import { describeOidcError } from './issuer.js';
import type { StoredCredentials } from './stored-credentials.js';

/**
 * Revokes the refresh token (RFC 7009) — which ends the grant, so the access
 * token with it on most IdPs — or the access token when there is no refresh
 * token. Returns what happened, for `logout` to say; never throws: logging
 * out must delete local tokens even when the issuer is down.
 */
export async function revokeCredentials(config: oidc.Configuration | undefined, credentials: StoredCredentials): Promise<{ revoked: boolean; detail: string }> {
  if (!config) return { revoked: false, detail: 'the issuer could not be reached, so the tokens were not revoked there' };
  if (!config.serverMetadata().revocation_endpoint) return { revoked: false, detail: 'the issuer offers no revocation endpoint; the tokens stay valid there until they expire' };
  const token = credentials.refreshToken ?? credentials.accessToken;
  try {
    await oidc.tokenRevocation(config, token, { token_type_hint: credentials.refreshToken ? 'refresh_token' : 'access_token' });
    return { revoked: true, detail: `revoked the ${credentials.refreshToken ? 'refresh' : 'access'} token at the issuer` };
  } catch (error) {
    return { revoked: false, detail: `revocation failed: ${describeOidcError(error, credentials)}` };
  }
}
