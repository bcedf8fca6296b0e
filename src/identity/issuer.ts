/**
 * Talking to the issuer: URL checks, discovery with clear failures, and the
 * wording of every OIDC failure a person may see. Error texts never contain
 * tokens: they are built from error codes, URLs and the client id only.
 */
import * as oidc from 'openid-client';
import { GuardError, usageError } from '../errors.js';

/**
 * Checks an issuer URL before any request: `https://`, or `http://` on
 * loopback (a local IdP in development and tests), or any `http://` with
 * `insecure` (tokens would cross the network unencrypted).
 * @returns whether plain-HTTP requests must be allowed for this issuer.
 * @throws GUARD_USAGE for a malformed URL or a refused `http://` issuer.
 */
export function checkIssuerUrl(issuer: string, insecure: boolean): { url: URL; allowHttp: boolean } {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw usageError(`--issuer: expected an https:// URL such as https://id.acme.eu, got "${issuer}"`);
  }
  if (url.protocol === 'https:') return { url, allowHttp: false };
  if (url.protocol !== 'http:') throw usageError(`--issuer: expected an https:// URL, got "${issuer}"`);
  if (isLoopback(url.hostname) || insecure) return { url, allowHttp: true };
  throw usageError(`refusing the http:// issuer ${issuer}: tokens would cross the network unencrypted — use its https:// URL, or pass --insecure if you accept that risk`);
}

/** True for `localhost`, `127.x.y.z` and `[::1]`: traffic that never leaves the machine. */
export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

export interface DiscoverOptions {
  issuer: string;
  clientId: string;
  allowHttp: boolean;
  /** Seconds each request may take (default 10): the wrapper must never hang on a slow issuer. */
  timeoutSeconds?: number;
}

/**
 * OIDC discovery for `issuer`, configured as a public client (device flow
 * needs no secret).
 * @throws GUARD_LOGIN_FAILED saying whether the issuer is unreachable or not an OpenID Provider.
 */
export async function discoverIssuer(options: DiscoverOptions): Promise<oidc.Configuration> {
  try {
    return await oidc.discovery(new URL(options.issuer), options.clientId, undefined, oidc.None(), {
      execute: options.allowHttp ? [oidc.allowInsecureRequests] : [],
      timeout: options.timeoutSeconds ?? 10,
    });
  } catch (error) {
    throw new GuardError('GUARD_LOGIN_FAILED', describeOidcError(error, options), { cause: error });
  }
}

/** A person-readable account of an openid-client failure, ending with what to do. */
export function describeOidcError(error: unknown, context: { issuer: string; clientId: string }): string {
  if (error instanceof oidc.ResponseBodyError) {
    const detail = error.error_description ? `: ${error.error_description}` : '';
    switch (error.error) {
      case 'access_denied':
        return `the sign-in was denied at ${context.issuer} (access_denied${detail}) — run \`mcp-guard login\` again and approve the request`;
      case 'expired_token':
        return `the sign-in code expired before it was approved (expired_token) — run \`mcp-guard login\` again and enter the new code sooner`;
      case 'invalid_client':
      case 'unauthorized_client':
        return `${context.issuer} does not accept client id "${context.clientId}" (${error.error}${detail}) — check --client-id with your identity provider's administrator`;
      case 'invalid_grant':
        return `${context.issuer} refused the stored refresh token (invalid_grant${detail})`;
      case 'invalid_scope':
        return `${context.issuer} refused the requested scope (invalid_scope${detail}) — check --scope`;
      default:
        return `${context.issuer} answered with an error (${error.error}${detail})`;
    }
  }
  const codes = chainOf(error);
  if (codes.some((entry) => entry.code === 'OAUTH_TIMEOUT' || entry.name === 'TimeoutError')) {
    return `${context.issuer} did not answer in time — check the issuer URL and your network, then try again`;
  }
  if (codes.some((entry) => entry.code === 'ECONNREFUSED' || entry.code === 'ENOTFOUND' || entry.code === 'EAI_AGAIN' || entry.code === 'ECONNRESET' || entry.message === 'fetch failed')) {
    const reason = codes.find((entry) => entry.code && entry.code.startsWith('E'))?.code;
    return `${context.issuer} is unreachable${reason ? ` (${reason})` : ''} — check the issuer URL and your network, then try again`;
  }
  if (codes.some((entry) => entry.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || entry.code === 'OAUTH_RESPONSE_IS_NOT_JSON' || entry.code === 'OAUTH_JSON_ATTRIBUTE_COMPARISON')) {
    return `${context.issuer} does not look like an OpenID Provider (its discovery document is missing or does not match) — check --issuer`;
  }
  const first = codes[0];
  return `talking to ${context.issuer} failed (${first?.code ?? first?.name ?? 'error'}: ${first?.message ?? String(error)})`;
}

interface ChainEntry {
  code?: string;
  name?: string;
  message: string;
}

/** The error and its causes, so a network code buried under openid-client's wrapper is still seen. */
function chainOf(error: unknown): ChainEntry[] {
  const entries: ChainEntry[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    entries.push({ code: typeof code === 'string' ? code : undefined, name: current.name, message: current.message });
    current = (current as { cause?: unknown }).cause;
  }
  return entries;
}
