import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { test } from 'node:test';
import { deviceKeyPaths, knownDeviceKeys, loadDeviceKey, readDeviceKeyInfo } from '../../src/audit/device-key.js';
import type { Keychain } from '../../src/identity/keychain.js';
import { tempHome } from './fixtures.js';

test('without a keychain the key is created once, in a 0600 file, and reused', async () => {
  const home = tempHome();
  assert.equal(await loadDeviceKey(home, { create: false, keychain: null }), null);
  const first = await loadDeviceKey(home, { create: true, keychain: null });
  assert.ok(first);
  assert.equal(statSync(deviceKeyPaths(home).pem).mode & 0o777, 0o600);
  const again = await loadDeviceKey(home, { create: true, keychain: null });
  assert.equal(again?.keyId, first.keyId);
  assert.deepEqual(readDeviceKeyInfo(home), { ...readDeviceKeyInfo(home), keyId: first.keyId, publicKey: first.publicKey, storage: 'file' });
  assert.deepEqual([...(await knownDeviceKeys(home, null))], [[first.keyId, first.publicKey]]);
});

test('concurrent first uses agree on one key', async () => {
  const home = tempHome();
  const signers = await Promise.all(Array.from({ length: 5 }, () => loadDeviceKey(home, { create: true, keychain: null })));
  assert.equal(new Set(signers.map((signer) => signer?.keyId)).size, 1);
});

test('with a keychain the private key goes there, not to a file', async () => {
  const home = tempHome();
  const store = new Map<string, string>();
  const keychain: Keychain = {
    get: async (account) => store.get(account) ?? null,
    set: async (account, secret) => void store.set(account, secret),
    delete: async (account) => store.delete(account),
  };
  const signer = await loadDeviceKey(home, { create: true, keychain });
  assert.ok(signer);
  assert.throws(() => statSync(deviceKeyPaths(home).pem), { code: 'ENOENT' });
  assert.equal(store.size, 1);
  assert.match([...store.values()][0] ?? '', /BEGIN PRIVATE KEY/);
  assert.equal(readDeviceKeyInfo(home)?.storage, 'keychain');
  assert.equal((await loadDeviceKey(home, { create: false, keychain }))?.keyId, signer.keyId);
  await assert.rejects(loadDeviceKey(home, { create: true, keychain: null }), { code: 'GUARD_AUDIT_IO' });
});

test('a key kept in a file is loaded without opening the keychain; a new key opens it once', async () => {
  const home = tempHome();
  let opened = 0;
  const keychain = async (): Promise<Keychain | null> => {
    opened += 1;
    return null;
  };
  const created = await loadDeviceKey(home, { create: true, keychain });
  assert.equal(opened, 1, 'creating a key asks whether a keychain can hold it');
  opened = 0;
  assert.equal((await loadDeviceKey(home, { create: true, keychain }))?.keyId, created?.keyId);
  assert.deepEqual([...(await knownDeviceKeys(home, keychain))], [[created?.keyId, created?.publicKey]]);
  assert.equal(opened, 0, 'the key is in its 0600 file: no keychain is needed');
});
