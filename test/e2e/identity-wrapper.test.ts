/**
 * Identity in the wrapper, end to end: the built CLI between the official SDK
 * client and a fixture server, a real oidc-provider, tokens from a real
 * device-flow login, and a policy that maps groups to roles.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { updateConfig } from '../../src/config/config.js';
import type { StoredCredentials } from '../../src/identity/stored-credentials.js';
import { connectThroughGuard, fixture, tempHome, type GuardConnection } from '../helpers/guard.js';
import { startTestProvider, type TestProvider } from '../helpers/oidc-provider.js';
import { filesUnder, loginAs, TEST_SCOPE } from '../identity/login-helper.js';

const POLICY = `version: 1
name: team
identity:
  require: verified
  roles:
    support: { groups: [support] }
    sales: { groups: ["sal*"] }
default: deny
tools:
  - match: read_record
    roles: [support]
    action: allow
  - match: export_all
    roles: [sales, support]
    action: allow
`;

interface Setup {
  home: string;
  log: string;
  credentials: StoredCredentials;
}

async function setUp(provider: TestProvider, account: string): Promise<Setup> {
  const home = tempHome('mcp-guard-identity-');
  const credentials = await loginAs(provider, account, home);
  updateConfig({ issuer: provider.issuer, clientId: provider.clientId, scope: TEST_SCOPE, policy: join(home, 'team.yaml') }, { MCP_GUARD_HOME: home });
  writeFileSync(join(home, 'team.yaml'), POLICY);
  return { home, log: join(home, 'server.log'), credentials };
}

function connect(setup: Setup): Promise<GuardConnection> {
  return connectThroughGuard({
    server: [process.execPath, fixture('policy-server')],
    env: { MCP_GUARD_HOME: setup.home, MCP_GUARD_KEYCHAIN: 'off', POLICY_FIXTURE_LOG: setup.log },
  });
}

function textOf(result: unknown): string {
  const content = (result as { content?: { type: string; text?: string }[] }).content ?? [];
  return content.map((part) => part.text ?? '').join('\n');
}

function serverSaw(setup: Setup): string[] {
  try {
    return readFileSync(setup.log, 'utf8').trim().split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { name: string }).name);
  } catch {
    return [];
  }
}

describe('identity through the wrapper', () => {
  let provider: TestProvider;
  before(async () => {
    provider = await startTestProvider({ accessTokenTtl: 3 });
  });
  after(() => provider.close());

  it('groups map to roles the policy applies: support may read_record, sales may not', async () => {
    const alice = await setUp(provider, 'alice');
    const bob = await setUp(provider, 'bob');
    const [a, b] = await Promise.all([connect(alice), connect(bob)]);
    try {
      const aliceTools = (await a.client.listTools()).tools.map((tool) => tool.name);
      const bobTools = (await b.client.listTools()).tools.map((tool) => tool.name);
      assert.ok(aliceTools.includes('read_record') && aliceTools.includes('export_all'), aliceTools.join());
      assert.ok(!bobTools.includes('read_record') && bobTools.includes('export_all'), bobTools.join());

      const allowed = await a.client.callTool({ name: 'read_record', arguments: { id: '7' } });
      assert.equal(allowed.isError, undefined);
      assert.equal(textOf(allowed), 'record 7: status active');

      const refused = await b.client.callTool({ name: 'read_record', arguments: { id: '7' } });
      assert.equal(refused.isError, true);
      assert.match(textOf(refused), /mcp-guard refused the call to tool "read_record": denied by policy "team", rule default/);
      assert.deepEqual(serverSaw(bob), [], 'the refused call never reached the server');
      assert.equal(textOf(await b.client.callTool({ name: 'export_all', arguments: {} })), 'exported 1000 records');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('refreshes the access token mid-session without the client noticing', async () => {
    const setup = await setUp(provider, 'alice');
    const connection = await connect(setup);
    try {
      assert.equal(textOf(await connection.client.callTool({ name: 'read_record', arguments: { id: '1' } })), 'record 1: status active');
      const before = provider.refreshCount();
      await sleep(3_200); // The 3 s access token has expired.
      const later = await connection.client.callTool({ name: 'read_record', arguments: { id: '2' } });
      assert.equal(textOf(later), 'record 2: status active');
      assert.ok(provider.refreshCount() > before, 'the wrapper refreshed the token');
    } finally {
      await connection.close();
    }
    // Tokens (old and renewed) are only in the credential store: not in the audit spool, pins, config, or stderr.
    const stored = JSON.parse(readFileSync(join(setup.home, 'credentials.json'), 'utf8')).credentials as Record<string, StoredCredentials>;
    const tokens = [setup.credentials, ...Object.values(stored)].flatMap((c) => [c.accessToken, c.refreshToken, c.idToken]).filter((t): t is string => typeof t === 'string');
    assert.ok(tokens.length >= 4);
    for (const path of filesUnder(setup.home).filter((path) => !path.endsWith('credentials.json'))) {
      const text = readFileSync(path, 'latin1');
      for (const token of tokens) assert.ok(!text.includes(token), `a token leaked into ${path}`);
    }
    for (const token of tokens) assert.ok(!connection.stderr().includes(token), 'a token leaked into stderr');
  });

  it('a revoked refresh token gives every tools/call the run-mcp-guard-login tool error, not a hang', async () => {
    const setup = await setUp(provider, 'alice');
    await provider.revokeGrants('alice');
    await sleep(3_200); // The access token has expired; the refresh token is revoked.
    const connection = await connect(setup);
    try {
      // The server still starts and answers (role-restricted tools are hidden without an identity).
      assert.ok(Array.isArray((await connection.client.listTools()).tools));
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const started = Date.now();
        const result = await connection.client.callTool({ name: 'read_record', arguments: { id: '1' } });
        assert.ok(Date.now() - started < 5_000, 'answered promptly');
        assert.equal(result.isError, true);
        assert.match(textOf(result), /requires a verified identity \(your session with http:\/\/127\.0\.0\.1:\d+ expired and could not be refreshed \(.*invalid_grant.*\) — run `mcp-guard login`\) — run `mcp-guard login`, then try again\./);
      }
      assert.deepEqual(serverSaw(setup), []);
    } finally {
      await connection.close();
    }
    // The session start in the audit trail records why there was no identity.
    const recorded = filesUnder(setup.home).some((path) => !path.endsWith('credentials.json') && readFileSync(path, 'latin1').includes('could not be refreshed'));
    assert.ok(recorded, 'the audit spool records the identity problem');
  });

  it('decides resources/read and prompts/get with the current identity too: revoked mid-session, they are refused', async () => {
    const setup = await setUp(provider, 'alice');
    writeFileSync(join(setup.home, 'team.yaml'), `${POLICY}  - method: resources/read
    roles: [support]
    action: allow
`);
    const connection = await connect(setup);
    try {
      const first = await connection.client.readResource({ uri: 'record://1' });
      assert.deepEqual(first.contents.map((content) => ('text' in content ? content.text : undefined)), ['record one']);
      await provider.revokeGrants('alice');
      await sleep(3_200); // The access token has expired; the refresh token is revoked.
      await assert.rejects(connection.client.readResource({ uri: 'record://1' }), /requires a verified identity \(your session with .* expired and could not be refreshed/);
      assert.equal(serverSaw(setup).length, 1, 'the refused read never reached the server');
    } finally {
      await connection.close();
    }
  });

  it('an issuer configured but never logged in: tools/call says to run mcp-guard login', async () => {
    const home = tempHome('mcp-guard-identity-');
    updateConfig({ issuer: provider.issuer, clientId: provider.clientId, policy: join(home, 'team.yaml') }, { MCP_GUARD_HOME: home });
    writeFileSync(join(home, 'team.yaml'), POLICY);
    const connection = await connect({ home, log: join(home, 'server.log'), credentials: undefined as never });
    try {
      const result = await connection.client.callTool({ name: 'export_all', arguments: {} });
      assert.equal(result.isError, true);
      assert.match(textOf(result), /no credentials for issuer http:\/\/127\.0\.0\.1:\d+ — run `mcp-guard login`/);
    } finally {
      await connection.close();
    }
  });
});
