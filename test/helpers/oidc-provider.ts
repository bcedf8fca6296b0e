/**
 * A real OpenID Provider (`oidc-provider`) on 127.0.0.1, port 0, for tests:
 * device flow, refresh tokens, revocation, a `groups` claim and JWT access
 * tokens for a resource server. Tests drive the device flow through the
 * provider's own pages (user-code form, dev login and consent) with fetch,
 * exactly as a person's browser would, so nothing of the grant is faked.
 *
 * Two knobs the real provider lacks and tests need: a short polling `interval`
 * in the device authorization response (oidc-provider sends none, so clients
 * would wait the RFC's default 5 s per poll), and a `slow_down` answer to the
 * first N polls of a device code (as a rate-limiting IdP would send).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A person the provider knows; `groups` go into the `groups` claim (and `roles`, for claim-name tests). */
export interface TestAccount {
  sub: string;
  email: string;
  name: string;
  groups: string[];
}

export interface TestProviderOptions {
  clientId?: string;
  accounts?: TestAccount[];
  /** Access token lifetime in seconds (default 3600). */
  accessTokenTtl?: number;
  /** Device code lifetime in seconds (default 600). */
  deviceCodeTtl?: number;
  /** Polling interval put in device authorization responses, seconds (default 0.2). */
  interval?: number;
  /** Answer the first N token-endpoint polls of each device code with `slow_down` (default 0). */
  slowDownPolls?: number;
  /** Resource server that gets JWT access tokens when a client asks for it as `resource` (default `urn:mcp-guard:test`). */
  resource?: string;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  resource: string;
  /** Times (ms) of each device_code poll at the token endpoint, in order. */
  polls: number[];
  /** Approves a user code as `accountId` through the device pages, login and consent. */
  approve(userCode: string, accountId: string): Promise<void>;
  /** Denies a user code through the device page's abort button (`access_denied`). */
  deny(userCode: string): Promise<void>;
  /** Revokes every grant of `accountId`: its refresh and access tokens stop working. */
  revokeGrants(accountId: string): Promise<void>;
  /** Refresh-token grants served so far. */
  refreshCount(): number;
  close(): Promise<void>;
}

export const DEFAULT_ACCOUNTS: TestAccount[] = [
  { sub: 'alice', email: 'alice@acme.test', name: 'Alice Support', groups: ['support', 'staff'] },
  { sub: 'bob', email: 'bob@acme.test', name: 'Bob Sales', groups: ['sales', 'staff'] },
];

interface KoaContext {
  path: string;
  method: string;
  status: number;
  body: unknown;
  request: { body?: Record<string, string> };
  req: NodeJS.ReadableStream;
}

interface ProviderInstance {
  callback(): (req: unknown, res: unknown) => void;
  use(middleware: (ctx: KoaContext, next: () => Promise<void>) => Promise<void>): void;
  on(event: string, listener: (...args: unknown[]) => void): void;
  Grant: { adapter: { destroy(id: string): Promise<void> } };
}

type ProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => ProviderInstance;

/** Starts the provider; close it in `after`. */
export async function startTestProvider(options: TestProviderOptions = {}): Promise<TestProvider> {
  const { default: Provider } = (await import('oidc-provider' as string)) as { default: ProviderConstructor };
  const clientId = options.clientId ?? 'mcp-guard-cli';
  const resource = options.resource ?? 'urn:mcp-guard:test';
  const accounts = new Map((options.accounts ?? DEFAULT_ACCOUNTS).map((account) => [account.sub, account]));
  const grantsByAccount = new Map<string, Set<string>>();
  const pollsByCode = new Map<string, number>();
  const polls: number[] = [];
  let refreshes = 0;

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        token_endpoint_auth_method: 'none',
        grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
        response_types: [],
        redirect_uris: [],
      },
    ],
    features: {
      deviceFlow: { enabled: true },
      revocation: { enabled: true },
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => undefined,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: unknown, indicator: string) => {
          if (indicator !== resource) throw new Error(`unknown resource ${indicator}`);
          return { scope: 'openid profile email groups offline_access', audience: resource, accessTokenFormat: 'jwt', accessTokenTTL: options.accessTokenTtl ?? 3600 };
        },
      },
    },
    scopes: ['openid', 'offline_access', 'profile', 'email', 'groups'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups', 'roles'] },
    // Real IdPs (Okta, Keycloak, Entra) put the groups in the ID token; so does this one.
    conformIdTokenClaims: false,
    ttl: {
      AccessToken: options.accessTokenTtl ?? 3600,
      DeviceCode: options.deviceCodeTtl ?? 600,
      IdToken: options.accessTokenTtl ?? 3600,
      RefreshToken: 86_400,
      Grant: 86_400,
      Session: 86_400,
      Interaction: 600,
    },
    findAccount: (_ctx: unknown, sub: string) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, email: account.email, email_verified: true, name: account.name, groups: account.groups, roles: account.groups }),
      };
    },
    extraTokenClaims: (_ctx: unknown, token: { kind: string; accountId?: string }) => {
      // JWT access tokens carry the groups too, as Cognito and Keycloak do.
      const account = token.accountId ? accounts.get(token.accountId) : undefined;
      return token.kind === 'AccessToken' && account ? { groups: account.groups } : undefined;
    },
    pkce: { required: () => false },
    cookies: { keys: ['mcp-guard-test-cookie-key'] },
  });

  provider.on('grant.saved', (grant: unknown) => {
    const { accountId, jti } = grant as { accountId: string; jti: string };
    const set = grantsByAccount.get(accountId) ?? new Set<string>();
    set.add(jti);
    grantsByAccount.set(accountId, set);
  });
  provider.on('grant.success', (ctx: unknown) => {
    const params = (ctx as { oidc?: { params?: { grant_type?: string } } }).oidc?.params;
    if (params?.grant_type === 'refresh_token') refreshes += 1;
  });

  provider.use(async (ctx, next) => {
    if (ctx.method === 'POST' && ctx.path === '/token') {
      // Answer slow_down before the provider sees the poll, as a rate-limiting IdP would.
      const body = await readForm(ctx);
      if (body.get('grant_type') === 'urn:ietf:params:oauth:grant-type:device_code') {
        polls.push(Date.now());
        const code = body.get('device_code') ?? '';
        const seen = (pollsByCode.get(code) ?? 0) + 1;
        pollsByCode.set(code, seen);
        if (seen <= (options.slowDownPolls ?? 0)) {
          ctx.status = 400;
          ctx.body = { error: 'slow_down', error_description: 'you are polling too quickly' };
          return;
        }
      }
    }
    await next();
    if (ctx.method === 'POST' && ctx.path === '/device/auth' && ctx.status === 200 && typeof ctx.body === 'object' && ctx.body !== null) {
      (ctx.body as Record<string, unknown>).interval = options.interval ?? 0.2;
    }
  });

  server.on('request', provider.callback());

  return {
    issuer,
    clientId,
    resource,
    polls,
    approve: (userCode, accountId) => driveDevicePages(issuer, userCode, { accountId }),
    deny: (userCode) => driveDevicePages(issuer, userCode, { abort: true }),
    async revokeGrants(accountId) {
      for (const grantId of grantsByAccount.get(accountId) ?? []) await provider.Grant.adapter.destroy(grantId);
    },
    refreshCount: () => refreshes,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Reads the urlencoded body ahead of the provider and leaves it parsed on
 * `ctx.request.body`, which oidc-provider uses once the stream is consumed.
 */
async function readForm(ctx: KoaContext): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.req) chunks.push(Buffer.from(chunk as Buffer));
  const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  ctx.request.body = Object.fromEntries(form);
  return form;
}

/** A browser in a few lines: follows redirects by hand and keeps cookies, so the provider's session works. */
async function driveDevicePages(issuer: string, userCode: string, action: { accountId?: string; abort?: boolean }): Promise<void> {
  const cookies = new Map<string, string>();
  const send = async (url: string, form?: Record<string, string>): Promise<{ status: number; location: string | null; text: string; url: string }> => {
    const headers: Record<string, string> = { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(url, { method: form ? 'POST' : 'GET', headers, body: form ? new URLSearchParams(form).toString() : undefined, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair?.indexOf('=') ?? -1;
      if (pair && index > 0) cookies.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim());
    }
    const location = response.headers.get('location');
    return { status: response.status, location: location ? new URL(location, url).href : null, text: await response.text(), url };
  };

  const start = await send(`${issuer}/device`);
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(start.text)?.[1];
  if (!xsrf) throw new Error(`device page has no xsrf field: ${start.text.slice(0, 200)}`);
  let page = await send(`${issuer}/device`, action.abort ? { xsrf, user_code: userCode, abort: 'yes' } : { xsrf, user_code: userCode, confirm: 'yes' });
  if (action.abort) {
    if (!/interrupted/.test(page.text)) throw new Error(`device abort not acknowledged: ${page.status} ${page.text.slice(0, 200)}`);
    return;
  }
  for (let step = 0; step < 12; step += 1) {
    if (page.location) {
      page = await send(page.location);
      continue;
    }
    if (/Sign-in Success/.test(page.text)) return;
    const prompt = /name="prompt" value="(\w+)"/.exec(page.text)?.[1];
    const submit = /<form[^>]*action="([^"]+)"/.exec(page.text)?.[1];
    if (!prompt || !submit) throw new Error(`unexpected provider page (${page.status} at ${page.url}): ${page.text.slice(0, 300)}`);
    const target = new URL(submit.replaceAll('&amp;', '&'), page.url).href;
    page = await send(target, prompt === 'login' ? { prompt, login: action.accountId ?? '', password: 'x' } : { prompt });
  }
  throw new Error('device approval did not finish within 12 steps');
}
