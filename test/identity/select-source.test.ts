import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LocalUserSource } from '../../src/identity/local-user.js';
import { OidcIdentitySource } from '../../src/identity/oidc-source.js';
import { configuredIssuer, selectIdentitySource } from '../../src/identity/select-source.js';

const home = (): string => mkdtempSync(join(tmpdir(), 'mcp-guard-select-'));
const env = { MCP_GUARD_KEYCHAIN: 'off' };

describe('selectIdentitySource', () => {
  it('uses the local OS user, unverified, when no issuer is configured', async () => {
    const { source, issuerConfigured } = await selectIdentitySource({ config: {}, home: home(), env });
    assert.equal(issuerConfigured, false);
    assert.ok(source instanceof LocalUserSource);
    const { identity } = await source.current();
    assert.equal(identity?.verified, false);
  });

  it('uses OIDC when the config or MCP_GUARD_ISSUER names an issuer (the environment wins)', async () => {
    const fromConfig = await selectIdentitySource({ config: { issuer: 'https://id.acme.eu' }, home: home(), env });
    assert.equal(fromConfig.issuerConfigured, true);
    assert.ok(fromConfig.source instanceof OidcIdentitySource);
    assert.deepEqual(configuredIssuer({ issuer: 'https://id.acme.eu', clientId: 'a' }, { MCP_GUARD_ISSUER: 'https://login.other.eu', MCP_GUARD_CLIENT_ID: 'b' }), { issuer: 'https://login.other.eu', clientId: 'b' });
    assert.deepEqual(configuredIssuer({}, {}), { clientId: 'mcp-guard' });
  });

  it('without a login, the OIDC source says to run mcp-guard login (and does not touch the network)', async () => {
    const { source } = await selectIdentitySource({ config: { issuer: 'https://id.acme.invalid', clientId: 'cli' }, home: home(), env });
    assert.deepEqual(await source.current(), { identity: null, reason: 'no credentials for issuer https://id.acme.invalid — run `mcp-guard login`' });
  });

  it('a malformed issuer still gives a source, one that explains the problem', async () => {
    const { source, issuerConfigured } = await selectIdentitySource({ config: { issuer: 'not a url' }, home: home(), env });
    assert.equal(issuerConfigured, true);
    const resolution = await source.current();
    assert.equal(resolution.identity, null);
    assert.match(resolution.reason ?? '', /the configured issuer "not a url" is not a URL/);
  });
});

describe('openBrowser', () => {
  it('does not try without a display or over SSH on Linux, and never throws', async () => {
    const { openBrowser } = await import('../../src/identity/open-browser.js');
    assert.equal(openBrowser('http://127.0.0.1/device', { DISPLAY: '', WAYLAND_DISPLAY: '' }, 'linux'), false);
    assert.equal(openBrowser('http://127.0.0.1/device', { DISPLAY: ':0', SSH_CONNECTION: '10.0.0.1 1 10.0.0.2 22' }, 'linux'), false);
  });
});
