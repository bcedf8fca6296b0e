import { decodeJwtPayload, profileFromClaims } from './claims.js';
import { normaliseIssuer, type StoredCredentials } from './stored-credentials.js';

/** The token endpoint fields that matter here (RFC 6749 5.1, OIDC Core 3.1.3.3). */
export interface TokenResponseFields {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  expires_in?: number;
  scope?: string;
}

export interface BuildCredentialsInput {
  issuer: string;
  clientId: string;
  groupsClaim: string;
  audience?: string;
  response: TokenResponseFields;
  /** The userinfo response, when it was fetched (neither token carried the groups claim). */
  userinfo?: Record<string, unknown>;
  /** The credentials being refreshed: a refresh response may omit the refresh token or the ID token. */
  previous?: StoredCredentials;
  now: number;
}

/**
 * Pure: turns a token response into what the credential store keeps.
 * Returns `undefined` when no source names the subject (an issuer that sent
 * neither an ID token nor a JWT access token nor userinfo).
 * @see ./claims.ts for the order the claim sources are read in.
 */
export function buildCredentials(input: BuildCredentialsInput): StoredCredentials | undefined {
  const { response, previous } = input;
  const idToken = response.id_token ?? previous?.idToken;
  const profile = profileFromClaims([decodeJwtPayload(idToken), decodeJwtPayload(response.access_token), input.userinfo], input.groupsClaim);
  if (!profile) return undefined;
  const credentials: StoredCredentials = {
    version: 1,
    issuer: normaliseIssuer(input.issuer),
    clientId: input.clientId,
    accessToken: response.access_token,
    groupsClaim: input.groupsClaim,
    profile,
    obtainedAt: input.now,
  };
  const refreshToken = response.refresh_token ?? previous?.refreshToken;
  if (refreshToken) credentials.refreshToken = refreshToken;
  if (idToken) credentials.idToken = idToken;
  if (typeof response.expires_in === 'number' && Number.isFinite(response.expires_in)) credentials.expiresAt = input.now + response.expires_in * 1000;
  const scope = response.scope ?? previous?.scope;
  if (scope) credentials.scope = scope;
  if (previous?.allowHttp) credentials.allowHttp = true;
  const audience = input.audience ?? previous?.audience;
  if (audience) credentials.audience = audience;
  return credentials;
}
