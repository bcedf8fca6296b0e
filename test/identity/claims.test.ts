import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeJwtPayload, profileFromClaims, readClaim, readGroups } from '../../src/identity/claims.js';
import { buildCredentials } from '../../src/identity/build-credentials.js';

function jwt(payload: Record<string, unknown>): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256' })}.${part(payload)}.c2ln`;
}

describe('readClaim / readGroups', () => {
  it('reads claim names with colons and dots as exact keys first', () => {
    assert.deepEqual(readGroups({ 'cognito:groups': ['a', 'b'] }, 'cognito:groups'), ['a', 'b']);
    assert.deepEqual(readGroups({ 'https://acme.eu/groups': ['x'] }, 'https://acme.eu/groups'), ['x']);
  });
  it('falls back to a dot path into nested objects', () => {
    assert.deepEqual(readGroups({ realm_access: { roles: ['admin'] } }, 'realm_access.roles'), ['admin']);
    assert.equal(readClaim({ realm_access: ['not', 'an', 'object'] }, 'realm_access.roles'), undefined);
  });
  it('accepts a single string and a space- or comma-separated list', () => {
    assert.deepEqual(readGroups({ groups: 'support' }), ['support']);
    assert.deepEqual(readGroups({ groups: 'a b,c' }), ['a', 'b', 'c']);
  });
  it('drops non-string members and treats other shapes as absent', () => {
    assert.deepEqual(readGroups({ groups: ['a', 3, null, '', 'b'] }), ['a', 'b']);
    assert.equal(readGroups({ groups: { a: 1 } }), undefined);
    assert.equal(readGroups({}), undefined);
  });
  it('does not walk the prototype chain', () => {
    assert.equal(readGroups({}, 'constructor'), undefined);
    assert.equal(readClaim({ a: {} }, 'a.toString'), undefined);
  });
});

describe('decodeJwtPayload', () => {
  it('decodes a JWT and returns undefined for opaque or broken tokens', () => {
    assert.deepEqual(decodeJwtPayload(jwt({ sub: 'alice' })), { sub: 'alice' });
    assert.equal(decodeJwtPayload('opaque-token-value'), undefined);
    assert.equal(decodeJwtPayload('a.!!!.c'), undefined);
    assert.equal(decodeJwtPayload(`a.${Buffer.from('[1]').toString('base64url')}.c`), undefined);
    assert.equal(decodeJwtPayload(undefined), undefined);
  });
});

describe('profileFromClaims', () => {
  it('takes groups from the first source that has the claim and profile fields ID token first', () => {
    const profile = profileFromClaims([{ sub: 'alice', email: 'a@x.eu' }, { sub: 'alice', groups: ['from-access-token'], name: 'Alice' }, { groups: ['from-userinfo'] }]);
    assert.deepEqual(profile, { sub: 'alice', email: 'a@x.eu', name: 'Alice', groups: ['from-access-token'] });
  });
  it('uses the configured claim and yields no groups when none has it', () => {
    assert.deepEqual(profileFromClaims([{ sub: 's', roles: ['r1'] }], 'roles')?.groups, ['r1']);
    assert.deepEqual(profileFromClaims([{ sub: 's', roles: ['r1'] }], 'groups')?.groups, []);
  });
  it('returns undefined without a subject', () => {
    assert.equal(profileFromClaims([{ email: 'a@x.eu' }, undefined]), undefined);
  });
});

describe('buildCredentials', () => {
  const base = { issuer: 'https://id.acme.eu/', clientId: 'cli', groupsClaim: 'groups', now: 1_000_000 };
  it('computes the expiry, normalises the issuer and reads groups from a JWT access token', () => {
    const credentials = buildCredentials({ ...base, response: { access_token: jwt({ sub: 'bob', groups: ['sales'] }), id_token: jwt({ sub: 'bob', email: 'b@acme.eu' }), refresh_token: 'r1', expires_in: 300 } });
    assert.equal(credentials?.issuer, 'https://id.acme.eu');
    assert.equal(credentials?.expiresAt, 1_000_000 + 300_000);
    assert.deepEqual(credentials?.profile, { sub: 'bob', email: 'b@acme.eu', groups: ['sales'] });
  });
  it('keeps the previous refresh token and ID token when a refresh response omits them', () => {
    const previous = buildCredentials({ ...base, response: { access_token: 'a1', id_token: jwt({ sub: 'bob', groups: ['g'] }), refresh_token: 'r1', expires_in: 60 } });
    assert.ok(previous);
    const next = buildCredentials({ ...base, previous, response: { access_token: 'a2', expires_in: 60 }, now: 2_000_000 });
    assert.equal(next?.refreshToken, 'r1');
    assert.equal(next?.idToken, previous.idToken);
    assert.equal(next?.accessToken, 'a2');
    assert.deepEqual(next?.profile.groups, ['g']);
  });
  it('returns undefined when nothing names the subject', () => {
    assert.equal(buildCredentials({ ...base, response: { access_token: 'opaque' } }), undefined);
  });
});
