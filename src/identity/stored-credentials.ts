/**
 * What `mcp-guard login` keeps for one issuer and client: the tokens and the
 * profile read from them. Only the credential store ever holds this object;
 * nothing else may print, log or audit it.
 */
import type { ProfileClaims } from './claims.js';

export interface StoredCredentials {
  version: 1;
  /** Issuer as configured (normalised by `normaliseIssuer`). */
  issuer: string;
  clientId: string;
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  /** Access token expiry, epoch ms; absent when the issuer gave no `expires_in`. */
  expiresAt?: number;
  scope?: string;
  audience?: string;
  /** The claim groups were read from, so a later refresh reads the same one. */
  groupsClaim: string;
  profile: ProfileClaims;
  /** The person accepted a plain-HTTP, non-loopback issuer at login (`--insecure`). */
  allowHttp?: boolean;
  /** When these tokens were obtained (login or refresh), epoch ms. */
  obtainedAt: number;
}

/** `https://id.acme.eu/` and `https://id.acme.eu` are one issuer: drop a lone trailing slash. */
export function normaliseIssuer(issuer: string): string {
  return issuer.endsWith('/') && new URL(issuer).pathname === '/' ? issuer.slice(0, -1) : issuer;
}

/** The key credentials are stored under: issuer and client id. */
export function credentialKey(issuer: string, clientId: string): string {
  return `${normaliseIssuer(issuer)} ${clientId}`;
}

/** Parses stored JSON defensively: a damaged entry reads as absent, never as an exception. */
export function parseStoredCredentials(value: unknown): StoredCredentials | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Partial<StoredCredentials>;
  if (record.version !== 1 || typeof record.issuer !== 'string' || typeof record.clientId !== 'string' || typeof record.accessToken !== 'string') return undefined;
  const profile = record.profile;
  if (typeof profile !== 'object' || profile === null || typeof profile.sub !== 'string' || !Array.isArray(profile.groups)) return undefined;
  if (record.expiresAt !== undefined && typeof record.expiresAt !== 'number') return undefined;
  return record as StoredCredentials;
}
