/**
 * `mcp-guard login`, `whoami` and `logout` end to end: the built CLI against a
 * real oidc-provider on 127.0.0.1, the user code approved or denied through
 * the provider's own pages.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startTestProvider, type TestProvider } from '../helpers/oidc-provider.js';
import { filesUnder } from '../identity/login-helper.js';

const BIN = resolve(fileURLToPath(new URL('../../../bin/mcp-guard', import.meta.url)));
const SCOPE = 'openid profile email groups offline_access';

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI; `onCode` is called with the user code once login prints it. */
function runCli(args: string[], home: string, options: { onCode?: (code: string) => Promise<void>; env?: Record<string, string> } = {}): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, MCP_GUARD_HOME: home, MCP_GUARD_KEYCHAIN: 'off', DISPLAY: '', WAYLAND_DISPLAY: '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let handled = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      const code = /enter the code (\S+)/.exec(stderr)?.[1];
      if (code && !handled && options.onCode) {
        handled = true;
        options.onCode(code).catch(reject);
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

function home(): string {
  return mkdtempSync(join(tmpdir(), 'mcp-guard-login-'));
}

function loginArgs(provider: TestProvider, extra: string[] = []): string[] {
  return ['login', '--issuer', provider.issuer, '--client-id', provider.clientId, '--scope', SCOPE, '--no-browser', ...extra];
}

describe('mcp-guard login (device flow) against a real provider', () => {
  let provider: TestProvider;
  before(async () => {
    provider = await startTestProvider({ resource: 'urn:mcp-guard:test' });
  });
  after(() => provider.close());

  it('approve: prints URL and code to stderr, stores tokens 0600, whoami shows the person, logout revokes and deletes', async () => {
    const dir = home();
    const login = await runCli(loginArgs(provider, ['--audience', provider.resource]), dir, { onCode: (code) => provider.approve(code, 'alice') });
    assert.equal(login.code, 0, login.stderr);
    assert.equal(login.stdout, '', 'login prints nothing to stdout');
    assert.match(login.stderr, new RegExp(`To sign in, open ${provider.issuer}/device and enter the code [A-Z]{4}-[A-Z]{4}`));
    assert.match(login.stderr, new RegExp(`or open ${provider.issuer}/device\\?user_code=[A-Z]{4}-[A-Z]{4}`));
    assert.match(login.stderr, /Logged in to .* as Alice Support <alice@acme\.test> \(sub alice\)/);
    assert.match(login.stderr, /Tokens stored in .*credentials\.json \(mode 0600\) because the OS keychain is not available: the keychain is disabled by MCP_GUARD_KEYCHAIN=off/);

    const credentialsPath = join(dir, 'credentials.json');
    assert.equal(statSync(credentialsPath).mode & 0o777, 0o600);
    const stored = Object.values(JSON.parse(readFileSync(credentialsPath, 'utf8')).credentials as Record<string, { accessToken: string; refreshToken: string; idToken: string }>)[0];
    assert.ok(stored?.refreshToken && stored.idToken);
    assert.equal(stored.accessToken.split('.').length, 3, 'with --audience the access token is a JWT');
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
    assert.deepEqual(config, { issuer: provider.issuer, clientId: provider.clientId, scope: SCOPE, audience: provider.resource, groupsClaim: 'groups' });

    const whoami = await runCli(['whoami', '--json'], dir);
    assert.equal(whoami.code, 0, whoami.stderr);
    const report = JSON.parse(whoami.stdout);
    assert.deepEqual({ ...report, expiresAt: typeof report.expiresAt }, {
      sub: 'alice',
      email: 'alice@acme.test',
      name: 'Alice Support',
      groups: ['support', 'staff'],
      roles: report.roles,
      issuer: provider.issuer,
      expiresAt: 'string',
      store: 'file',
      verified: true,
    });
    assert.ok(Array.isArray(report.roles));
    assert.ok(Date.parse(report.expiresAt) > Date.now());
    const human = await runCli(['whoami'], dir);
    assert.match(human.stdout, /Alice Support <alice@acme\.test>\n {2}sub: {6}alice/);

    // Tokens appear nowhere but in the credential store: not in config, locks, stdout or stderr.
    const tokens = [stored.accessToken, stored.refreshToken, stored.idToken];
    for (const path of filesUnder(dir).filter((path) => path !== credentialsPath)) {
      const text = readFileSync(path, 'utf8');
      for (const token of tokens) assert.ok(!text.includes(token), `a token leaked into ${path}`);
    }
    for (const output of [login.stdout, login.stderr, whoami.stdout, whoami.stderr, human.stdout, human.stderr]) {
      for (const token of tokens) assert.ok(!output.includes(token), 'a token leaked into CLI output');
    }

    const logout = await runCli(['logout'], dir);
    assert.equal(logout.code, 0, logout.stderr);
    assert.match(logout.stderr, /Revoked the session at /);
    assert.match(logout.stderr, /Deleted the stored tokens/);
    assert.throws(() => statSync(credentialsPath), /ENOENT/);
    // The refresh token is dead at the issuer too.
    const refresh = await fetch(`${provider.issuer}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: stored.refreshToken, client_id: provider.clientId }) });
    assert.equal(((await refresh.json()) as { error?: string }).error, 'invalid_grant');
    const after = await runCli(['whoami'], dir);
    assert.equal(after.code, 1);
    assert.match(after.stderr, /no credentials for issuer .* — run `mcp-guard login`/);
  });

  it('deny: exits 1 saying the sign-in was denied and what to do', async () => {
    const dir = home();
    const run = await runCli(loginArgs(provider), dir, { onCode: (code) => provider.deny(code) });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /the sign-in was denied at .* \(access_denied.*\) — run `mcp-guard login` again and approve the request/);
    assert.throws(() => statSync(join(dir, 'credentials.json')), /ENOENT/);
    assert.throws(() => statSync(join(dir, 'config.json')), /ENOENT/, 'a failed login remembers nothing');
  });

  it('wrong client id: exits 1 naming the client id and the fix', async () => {
    const run = await runCli(['login', '--issuer', provider.issuer, '--client-id', 'no-such-client', '--no-browser'], home());
    assert.equal(run.code, 1);
    assert.match(run.stderr, /does not accept client id "no-such-client" \(invalid_client.*\) — check --client-id/);
  });

  it('http:// issuer off loopback: refused with exit 2 unless --insecure', async () => {
    const run = await runCli(['login', '--issuer', 'http://id.acme.test', '--no-browser'], home());
    assert.equal(run.code, 2);
    assert.match(run.stderr, /refusing the http:\/\/ issuer http:\/\/id\.acme\.test: tokens would cross the network unencrypted — use its https:\/\/ URL, or pass --insecure/);
  });

  it('whoami without an issuer: the local OS user, unverified, no store', async () => {
    const run = await runCli(['whoami', '--json'], home());
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.equal(report.verified, false);
    assert.equal(report.issuer, null);
    assert.equal(report.store, null);
    assert.equal(typeof report.sub, 'string');
    const logout = await runCli(['logout'], home());
    assert.equal(logout.code, 0);
    assert.match(logout.stderr, /No issuer is configured \(local mode\)/);
  });

  it('no issuer: usage error that says how to pass one', async () => {
    const run = await runCli(['login', '--no-browser'], home());
    assert.equal(run.code, 2);
    assert.match(run.stderr, /no issuer configured — pass --issuer/);
  });
});

describe('mcp-guard login with the OS keychain', async () => {
  const { openKeychain } = await import('../../src/identity/keychain.js');
  const { keychain, reason } = await openKeychain({ ...process.env, MCP_GUARD_KEYCHAIN: undefined });
  // CI starts a Secret Service (.ci/run), so there this must run; elsewhere it says why it skipped.
  const skip = keychain === null && !process.env.CI ? `no OS keychain answers here (${reason})` : false;

  it('stores the tokens in the keychain, says so, and logout removes them', { skip }, async () => {
    const provider = await startTestProvider();
    const dir = home();
    const withKeychain = { MCP_GUARD_KEYCHAIN: '' };
    try {
      const login = await runCli(loginArgs(provider), dir, { onCode: (code) => provider.approve(code, 'alice'), env: withKeychain });
      assert.equal(login.code, 0, login.stderr);
      assert.match(login.stderr, /Tokens stored in the OS keychain \(the OS keychain answered \(keytar\)\)\./);
      assert.throws(() => statSync(join(dir, 'credentials.json')), /ENOENT/, 'no credentials file next to the keychain');
      const whoami = await runCli(['whoami', '--json'], dir, { env: withKeychain });
      assert.equal(JSON.parse(whoami.stdout).store, 'keychain');
      const logout = await runCli(['logout'], dir, { env: withKeychain });
      assert.match(logout.stderr, /Deleted the stored tokens \(OS keychain\)/);
      assert.equal(await keychain?.get(`${provider.issuer} ${provider.clientId}`), null);
    } finally {
      await provider.close();
    }
  });
});

describe('mcp-guard login timing: expiry and slow_down', () => {
  it('expire: an unapproved code ends the login with the expired message', async () => {
    const provider = await startTestProvider({ deviceCodeTtl: 2 });
    try {
      const started = Date.now();
      const run = await runCli(loginArgs(provider), home());
      assert.equal(run.code, 1);
      assert.match(run.stderr, /the sign-in code expired before it was approved( \(expired_token\))? — run `mcp-guard login` again and enter the new code sooner/);
      assert.ok(Date.now() - started < 15_000);
    } finally {
      await provider.close();
    }
  });

  it('slow_down: polling backs off by 5 s (RFC 8628 3.5) and the login still succeeds', async () => {
    const provider = await startTestProvider({ slowDownPolls: 1, interval: 0.2 });
    try {
      const run = await runCli(loginArgs(provider), home(), { onCode: (code) => provider.approve(code, 'bob') });
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, /as Bob Sales/);
      assert.ok(provider.polls.length >= 2);
      const gap = (provider.polls[1] ?? 0) - (provider.polls[0] ?? 0);
      assert.ok(gap >= 5_000, `second poll came ${gap} ms after the slow_down`);
    } finally {
      await provider.close();
    }
  });

  it('issuer unreachable: exits 1 with the fix', async () => {
    const provider = await startTestProvider();
    const issuer = provider.issuer;
    await provider.close();
    const run = await runCli(['login', '--issuer', issuer, '--no-browser'], home());
    assert.equal(run.code, 1);
    assert.match(run.stderr, /is unreachable \(ECONNREFUSED\) — check the issuer URL and your network/);
  });
});
