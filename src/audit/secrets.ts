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

/**
 * Verdicts by key name. Payloads repeat a few names, and normalising one
 * makes two new strings per member of every payload recorded. Bounded: a
 * peer that sends endless new names only makes it start over, and long
 * names are not kept.
 */
const verdicts = new Map<string, boolean>();
const MAX_VERDICTS = 1024;
const MAX_REMEMBERED_KEY_LENGTH = 64;

function isSecretKey(key: string): boolean {
  let verdict = verdicts.get(key);
  if (verdict === undefined) {
    const normalised = key.toLowerCase().replace(/[-_.]/g, '');
    verdict = !NOT_SECRET.has(normalised) && (SECRET_KEYS.has(normalised) || normalised.endsWith('token') || normalised.endsWith('secret') || normalised.endsWith('password'));
    if (key.length <= MAX_REMEMBERED_KEY_LENGTH) {
      if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
      verdicts.set(key, verdict);
    }
  }
  return verdict;
}

const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/g;
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
/**
 * An `Authorization` header written out in a text (`curl -H "authorization:
 * token ghp_…"`): header names and schemes are case-insensitive, and what
 * follows the scheme (any value, where no known scheme leads it) is a
 * credential, up to the end of the line or a quote.
 */
const AUTHORIZATION = /authorization/i;
const AUTHORIZATION_HEADER = /\b((?:proxy-)?authorization[ \t]*:[ \t]*(?:(?:bearer|basic|token|digest|negotiate|ntlm|apikey)[ \t]+)?)[^\r\n"'`]+/gi;

function scrubString(text: string): string {
  if (!text.includes('Bearer') && !text.includes('Basic') && !text.includes('eyJ') && !AUTHORIZATION.test(text)) return text;
  return text.replace(AUTHORIZATION_HEADER, `$1${SECRET_PLACEHOLDER}`).replace(BEARER, `$1 ${SECRET_PLACEHOLDER}`).replace(JWT, SECRET_PLACEHOLDER);
}

/** A URL's password: `postgres://user:PASSWORD@host` (user and host stay). */
const URL_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):[^\s/@]*@/gi;
/** `--name=value`, `-name=value` or `NAME=value`: the name decides whether the value is a secret. */
const NAMED_VALUE = /^(-{0,2})([A-Za-z_][\w.-]*)=(.*)$/s;
/** `--name` or `-name` alone: its value is the next argument. */
const FLAG = /^-{1,2}([A-Za-z_][\w.-]*)$/;

/**
 * A server command as the trail may hold it: MCP client configs put
 * credentials on the command line (`server-postgres postgres://u:pw@db`,
 * `--api-key KEY`, `TOKEN=…`), and the command is recorded with every
 * session. A URL's password, the value of an argument whose name is a
 * credential's (as `scrubSecrets` judges keys), and bearer tokens and JWTs
 * become `[SECRET]`.
 */
export function scrubCommand(command: readonly string[]): string[] {
  return command.map((argument, index) => {
    const flag = FLAG.exec(command[index - 1] ?? '');
    if (index > 0 && flag && isSecretKey(flag[1] as string)) return SECRET_PLACEHOLDER;
    const named = NAMED_VALUE.exec(argument);
    if (named && isSecretKey(named[2] as string)) return `${named[1]}${named[2]}=${SECRET_PLACEHOLDER}`;
    return scrubString(argument.replace(URL_PASSWORD, `$1:${SECRET_PLACEHOLDER}@`));
  });
}

/**
 * `value` with every secret replaced by `[SECRET]`. Copy on write: what holds
 * no secret is returned as it is (most payloads, whole), never changed in
 * place. Other objects than plain ones and arrays are always copied, as plain
 * objects of their own enumerable members.
 */
export function scrubSecrets(value: unknown): unknown {
  if (typeof value === 'string') return scrubString(value);
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      const scrubbed = scrubSecrets(item);
      if (scrubbed !== item) out ??= value.slice();
      if (out) out[i] = scrubbed;
    }
    return out ?? value;
  }
  if (typeof value === 'object' && value !== null) {
    const prototype: unknown = Object.getPrototypeOf(value);
    let out: Record<string, unknown> | undefined = prototype === Object.prototype || prototype === null ? undefined : {};
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i += 1) {
      const key = keys[i] as string;
      const field: unknown = (value as Record<string, unknown>)[key];
      const scrubbed = isSecretKey(key) && field !== null && field !== undefined ? SECRET_PLACEHOLDER : scrubSecrets(field);
      if (scrubbed !== field && !out) {
        // The members before this one, unchanged.
        out = {};
        for (let j = 0; j < i; j += 1) define(out, keys[j] as string, (value as Record<string, unknown>)[keys[j] as string]);
      }
      if (out) define(out, key, scrubbed);
    }
    return out ?? value;
  }
  return value;
}

/** Sets a member, `__proto__` included (a JSON name like any other, not the prototype). */
function define(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}
