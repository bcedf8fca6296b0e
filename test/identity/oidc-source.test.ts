import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { openCredentialStore, type CredentialStore } from '../../src/identity/credential-store.js';
import { OidcIdentitySource, type OidcIdentitySourceOptions } from '../../src/identity/oidc-source.js';
import { startTestProvider, type TestProvider } from '../helpers/oidc-provider.js';
import { loginAs } from './login-helper.js';

const fileOnly = { MCP_GUARD_KEYCHAIN: 'off' };

function home(): string {
  return mkdtempSync(join(tmpdir(), 'mcp-guard-source-'));
}

async function sourceFor(provider: TestProvider, dir: string, options: Partial<OidcIdentitySourceOptions> = {}): Promise<{ source: OidcIdentitySource; store: CredentialStore }> {
  const store = await openCredentialStore({ home: dir, env: fileOnly });
  const source = new OidcIdentitySource({ issuer: provider.issuer, clientId: provider.clientId, allowHttp: true, store, home: dir, ...options });
  return { source, store };
}

describe('OidcIdentitySource against a real provider', () => {
  let provider: TestProvider;
  before(async () => {
    provider = await startTestProvider({ accessTokenTtl: 120 });
  });
  after(() => provider.close());

  it('says to run mcp-guard login when nobody logged in', async () => {
    const { source } = await sourceFor(provider, home());
    const resolution = await source.current();
    assert.equal(resolution.identity, null);
    assert.equal(resolution.reason, `no credentials for issuer ${provider.issuer} — run \`mcp-guard login\``);
  });

  it('gives the verified identity with groups and the roles the policy maps them to', async () => {
    const dir = home();
    await loginAs(provider, 'alice', dir);
    const { source } = await sourceFor(provider, dir, { rolesFor: (groups) => (groups.includes('support') ? ['support'] : []) });
    const { identity } = await source.current();
    assert.deepEqual({ ...identity, expiresAt: typeof identity?.expiresAt }, {
      sub: 'alice',
      email: 'alice@acme.test',
      name: 'Alice Support',
      groups: ['support', 'staff'],
      roles: ['support'],
      issuer: provider.issuer,
      verified: true,
      expiresAt: 'number',
    });
  });

  it('refreshes silently before expiry and stores the rotated tokens', async () => {
    const dir = home();
    const login = await loginAs(provider, 'bob', dir);
    let offset = 0;
    const { source, store } = await sourceFor(provider, dir, { now: () => Date.now() + offset });
    const first = await source.current();
    const before = provider.refreshCount();
    offset = 70_000; // 50 s left: inside the 60 s refresh window, not yet expired.
    const second = await source.current();
    assert.equal(provider.refreshCount(), before + 1);
    assert.equal(second.identity?.sub, 'bob');
    assert.ok((second.identity?.expiresAt ?? 0) > (first.identity?.expiresAt ?? 0));
    const stored = (await store.load(provider.issuer, provider.clientId))?.credentials;
    assert.notEqual(stored?.refreshToken, login.refreshToken, 'a public client gets a rotated refresh token, and it is kept');
    assert.notEqual(stored?.accessToken, login.accessToken);
    // Fresh again: no further refresh.
    await source.current();
    assert.equal(provider.refreshCount(), before + 1);
  });

  it('concurrent callers share one refresh', async () => {
    const dir = home();
    await loginAs(provider, 'alice', dir);
    const { source } = await sourceFor(provider, dir, { now: () => Date.now() + 200_000 });
    const before = provider.refreshCount();
    const results = await Promise.all(Array.from({ length: 8 }, () => source.current()));
    assert.equal(provider.refreshCount(), before + 1);
    for (const result of results) assert.equal(result.identity?.sub, 'alice');
  });

  it('a second process that refreshes later adopts the first one\'s tokens instead of reusing the rotated refresh token', async () => {
    const dir = home();
    await loginAs(provider, 'bob', dir);
    const a = await sourceFor(provider, dir, { now: () => Date.now() + 200_000 });
    const b = await sourceFor(provider, dir, { now: () => Date.now() + 200_000 });
    const before = provider.refreshCount();
    assert.equal((await a.source.current()).identity?.sub, 'bob');
    assert.equal((await b.source.current()).identity?.sub, 'bob');
    assert.equal(provider.refreshCount(), before + 1);
    // Reuse of a rotated token would have revoked the grant; a later refresh still works.
    const c = await sourceFor(provider, dir, { now: () => Date.now() + 400_000 });
    assert.equal((await c.source.current()).identity?.sub, 'bob');
    assert.equal(provider.refreshCount(), before + 2);
  });

  it('a revoked refresh token gives the run-login reason, promptly and without tokens in it', async () => {
    const dir = home();
    const login = await loginAs(provider, 'alice', dir);
    await provider.revokeGrants('alice');
    const { source } = await sourceFor(provider, dir, { now: () => Date.now() + 200_000 });
    const started = Date.now();
    const resolution = await source.current();
    assert.ok(Date.now() - started < 5_000);
    assert.equal(resolution.identity, null);
    assert.match(resolution.reason ?? '', new RegExp(`^your session with ${provider.issuer.replaceAll('.', '\\.')} expired and could not be refreshed \\(.*invalid_grant.*\\) — run \`mcp-guard login\`$`));
    for (const token of [login.accessToken, login.refreshToken, login.idToken]) assert.ok(token && !(resolution.reason ?? '').includes(token));
  });
});

describe('OidcIdentitySource with short-lived tokens and an issuer that goes away', () => {
  it('refreshes after real expiry, keeps a valid token while the issuer is down, and explains once it has expired', async () => {
    const provider = await startTestProvider({ accessTokenTtl: 2 });
    const dir = home();
    try {
      await loginAs(provider, 'alice', dir);
      let offset = 0;
      const { source } = await sourceFor(provider, dir, { refreshSkewMs: 0, retryAfterMs: 0, now: () => Date.now() + offset });
      const first = await source.current();
      await sleep(2_100); // The access token has really expired at the provider.
      const before = provider.refreshCount();
      const renewed = await source.current();
      assert.equal(provider.refreshCount(), before + 1);
      assert.equal(renewed.identity?.sub, 'alice');
      assert.ok((renewed.identity?.expiresAt ?? 0) > (first.identity?.expiresAt ?? 0));

      await provider.close();
      const { source: nearExpiry } = await sourceFor(provider, dir, { refreshSkewMs: 60_000, retryAfterMs: 0, now: () => Date.now() + offset });
      // Within the refresh window but still valid: the refresh fails, the identity stays.
      assert.equal((await nearExpiry.current()).identity?.sub, 'alice');
      offset = 10_000;
      const expired = await nearExpiry.current();
      assert.equal(expired.identity, null);
      assert.match(expired.reason ?? '', /expired and could not be refreshed \(.*unreachable.*\) — run `mcp-guard login`/);
    } finally {
      await provider.close();
    }
  });
});
