/**
 * Secrets never reach the audit trail: values under credential-like keys,
 * bearer credentials and JWTs are replaced before a payload is masked and
 * recorded. Pure.
 */

/** What a removed secret is recorded as. */
export const SECRET_PLACEHOLDER = '[SECRET]';

// Normalised (lower case, no '-', '_' or '.') key names whose values are credentials.
const SECRET_KEYS = new Set([
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'token',
  'authtoken',
  'bearertoken',
  'sessiontoken',
  'apikey',
  'xapikey',
  'password',
  'passwd',
  'passphrase',
  'secret',
  'clientsecret',
  'authorization',
  'proxyauthorization',
  'cookie',
  'setcookie',
  'devicecode',
  'usercode',
  'privatekey',
  'credentials',
]);

// Protocol fields that end like a credential name but are not one.
const NOT_SECRET = new Set(['progresstoken', 'maxtokens', 'nexttoken', 'pagetoken', 'nextpagetoken']);

function isSecretKey(key: string): boolean {
  const normalised = key.toLowerCase().replace(/[-_.]/g, '');
  if (NOT_SECRET.has(normalised)) return false;
  return SECRET_KEYS.has(normalised) || normalised.endsWith('token') || normalised.endsWith('secret') || normalised.endsWith('password');
}

const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/g;
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;

function scrubString(text: string): string {
  if (!text.includes('Bearer') && !text.includes('Basic') && !text.includes('eyJ')) return text;
  return text.replace(BEARER, `$1 ${SECRET_PLACEHOLDER}`).replace(JWT, SECRET_PLACEHOLDER);
}

/** A copy of `value` with every secret replaced by `[SECRET]`. */
export function scrubSecrets(value: unknown): unknown {
  if (typeof value === 'string') return scrubString(value);
  if (Array.isArray(value)) return value.map(scrubSecrets);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      out[key] = isSecretKey(key) && field !== null && field !== undefined ? SECRET_PLACEHOLDER : scrubSecrets(field);
    }
    return out;
  }
  return value;
}
