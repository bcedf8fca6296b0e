import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CREDENTIALS_FILE, openCredentialStore } from '../../src/identity/credential-store.js';
import { openKeychain } from '../../src/identity/keychain.js';
import type { StoredCredentials } from '../../src/identity/stored-credentials.js';

function home(): string {
  return mkdtempSync(join(tmpdir(), 'mcp-guard-identity-'));
}

function credentials(overrides: Partial<StoredCredentials> = {}): StoredCredentials {
  return {
    version: 1,
    issuer: 'https://id.acme.eu',
    clientId: 'mcp-guard',
    accessToken: 'access-token-value',
    refreshToken: 'refresh-token-value',
    groupsClaim: 'groups',
    profile: { sub: 'alice', groups: ['support'] },
    obtainedAt: 1,
    ...overrides,
  };
}

const fileOnly = { MCP_GUARD_KEYCHAIN: 'off' };

describe('file credential store', () => {
  it('says why it is used, saves with mode 0600 and reads back by issuer and client id', async () => {
    const dir = home();
    const store = await openCredentialStore({ home: dir, env: fileOnly });
    assert.equal(store.kind, 'file');
    assert.match(store.reason, /MCP_GUARD_KEYCHAIN=off/);
    assert.equal(await store.save(credentials()), 'file');
    const path = join(dir, CREDENTIALS_FILE);
    assert.equal(statSync(path).mode & 0o777, 0o600);
    // A trailing slash names the same issuer; another client id is another entry.
    assert.equal((await store.load('https://id.acme.eu/', 'mcp-guard'))?.credentials.refreshToken, 'refresh-token-value');
    assert.equal(await store.load('https://id.acme.eu', 'other-client'), undefined);
  });

  it('keeps entries for several issuers and deletes one, then the file with the last', async () => {
    const dir = home();
    const store = await openCredentialStore({ home: dir, env: fileOnly });
    await store.save(credentials());
    await store.save(credentials({ issuer: 'https://login.other.eu', accessToken: 'other' }));
    assert.equal(await store.delete('https://id.acme.eu', 'mcp-guard'), true);
    assert.equal(await store.delete('https://id.acme.eu', 'mcp-guard'), false);
    assert.equal((await store.load('https://login.other.eu', 'mcp-guard'))?.credentials.accessToken, 'other');
    await store.delete('https://login.other.eu', 'mcp-guard');
    assert.throws(() => statSync(join(dir, CREDENTIALS_FILE)), /ENOENT/);
  });

  it('narrows a widened file to 0600 and warns', async () => {
    const dir = home();
    const warnings: string[] = [];
    const store = await openCredentialStore({ home: dir, env: fileOnly, warn: (message) => warnings.push(message) });
    await store.save(credentials());
    const path = join(dir, CREDENTIALS_FILE);
    chmodSync(path, 0o644);
    assert.ok(await store.load('https://id.acme.eu', 'mcp-guard'));
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /was readable by others \(mode 644\); set it to 0600/);
    assert.doesNotMatch(warnings[0] ?? '', /token-value/);
  });

  it('treats a damaged file or entry as absent, never as a crash', async () => {
    const dir = home();
    const warnings: string[] = [];
    const path = join(dir, CREDENTIALS_FILE);
    writeFileSync(path, '{ not json', { mode: 0o600 });
    const store = await openCredentialStore({ home: dir, env: fileOnly, warn: (message) => warnings.push(message) });
    assert.equal(await store.load('https://id.acme.eu', 'mcp-guard'), undefined);
    assert.match(warnings[0] ?? '', /not valid JSON/);
    writeFileSync(path, JSON.stringify({ version: 1, credentials: { 'https://id.acme.eu mcp-guard': { version: 1, issuer: 'x' } } }), { mode: 0o600 });
    assert.equal(await store.load('https://id.acme.eu', 'mcp-guard'), undefined);
    // Saving over a damaged file replaces it with a valid one.
    await store.save(credentials());
    assert.equal(JSON.parse(readFileSync(path, 'utf8')).version, 1);
  });
});

describe('keychain that refuses writes', () => {
  it('falls back to the 0600 file and says why', async () => {
    const dir = home();
    const store = await openCredentialStore({
      home: dir,
      openKeychain: async () => ({
        keychain: {
          get: async () => null,
          set: async () => {
            throw new Error('Cannot create an item in a locked collection');
          },
          delete: async () => false,
        },
      }),
    });
    assert.equal(store.kind, 'keychain');
    assert.equal(await store.save(credentials()), 'file');
    assert.equal(store.kind, 'file');
    assert.equal(store.reason, 'the OS keychain refused to store them (Cannot create an item in a locked collection)');
    assert.equal(statSync(join(dir, CREDENTIALS_FILE)).mode & 0o777, 0o600);
    assert.equal((await store.load('https://id.acme.eu', 'mcp-guard'))?.kind, 'file');
  });
});

describe('keychain credential store (Secret Service / Keychain / Credential Manager)', async () => {
  const { keychain, reason } = await openKeychain({ ...process.env, MCP_GUARD_KEYCHAIN: undefined });
  // In CI the keychain must answer (.ci/run starts one); on a workstation without one the test says why it skipped.
  const skip = keychain === null && !process.env.CI ? `no OS keychain answers here (${reason}); run under dbus-run-session with gnome-keyring, or set CI to require it` : false;

  it('stores, reads and deletes tokens in the OS keychain, leaving no file behind', { skip }, async () => {
    assert.ok(keychain, `CI requires a working keychain: ${reason}`);
    const dir = home();
    const env = { ...process.env, MCP_GUARD_KEYCHAIN: undefined };
    const issuer = `https://id-${process.pid}-${Date.now()}.acme.test`;
    const store = await openCredentialStore({ home: dir, env });
    assert.equal(store.kind, 'keychain');
    // A stale file entry is removed once the keychain holds the tokens.
    const fileStore = await openCredentialStore({ home: dir, env: fileOnly });
    await fileStore.save(credentials({ issuer, accessToken: 'stale' }));
    assert.equal(await store.save(credentials({ issuer })), 'keychain');
    assert.throws(() => statSync(join(dir, CREDENTIALS_FILE)), /ENOENT/);
    const found = await store.load(issuer, 'mcp-guard');
    assert.equal(found?.kind, 'keychain');
    assert.equal(found?.credentials.accessToken, 'access-token-value');
    // The raw keychain entry is the same JSON, under service mcp-guard.
    assert.match((await keychain.get(`${issuer} mcp-guard`)) ?? '', /refresh-token-value/);
    assert.equal(await store.delete(issuer, 'mcp-guard'), true);
    assert.equal(await store.load(issuer, 'mcp-guard'), undefined);
    assert.equal(await keychain.get(`${issuer} mcp-guard`), null);
  });

  it('reads a file login when the keychain answers (login made without a keychain)', { skip }, async () => {
    const dir = home();
    const issuer = `https://file-${process.pid}-${Date.now()}.acme.test`;
    await (await openCredentialStore({ home: dir, env: fileOnly })).save(credentials({ issuer }));
    const store = await openCredentialStore({ home: dir, env: { ...process.env, MCP_GUARD_KEYCHAIN: undefined } });
    const found = await store.load(issuer, 'mcp-guard');
    assert.equal(found?.kind, 'file');
    assert.equal(await store.delete(issuer, 'mcp-guard'), true);
  });
});
