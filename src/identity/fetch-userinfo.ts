import * as oidc from 'openid-client';
import { hasGroupsClaim, decodeJwtPayload } from './claims.js';
import type { TokenResponseFields } from './build-credentials.js';

/**
 * Asks the userinfo endpoint only when neither the ID token nor a JWT access
 * token carries the groups claim. Best effort: an access token minted for
 * another audience is refused by userinfo on many IdPs, and that must not
 * fail a login, so failures yield `undefined`.
 */
export async function fetchUserinfoIfNeeded(config: oidc.Configuration, response: TokenResponseFields, groupsClaim: string): Promise<Record<string, unknown> | undefined> {
  const idClaims = decodeJwtPayload(response.id_token);
  if (hasGroupsClaim([idClaims, decodeJwtPayload(response.access_token)], groupsClaim)) return undefined;
  if (!config.serverMetadata().userinfo_endpoint) return undefined;
  const sub = typeof idClaims?.sub === 'string' ? idClaims.sub : oidc.skipSubjectCheck;
  try {
    return (await oidc.fetchUserInfo(config, response.access_token, sub)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
