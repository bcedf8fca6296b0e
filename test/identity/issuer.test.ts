import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { describe, it } from 'node:test';
import { checkIssuerUrl, discoverIssuer } from '../../src/identity/issuer.js';
import { GuardError } from '../../src/errors.js';

describe('checkIssuerUrl', () => {
  it('accepts https and loopback http', () => {
    assert.equal(checkIssuerUrl('https://id.acme.eu', false).allowHttp, false);
    for (const url of ['http://127.0.0.1:8080', 'http://localhost:3000/realms/x', 'http://[::1]:9000']) assert.equal(checkIssuerUrl(url, false).allowHttp, true, url);
  });
  it('refuses http:// off loopback unless insecure, with the fix in the message', () => {
    assert.throws(() => checkIssuerUrl('http://id.acme.eu', false), (error: unknown) => error instanceof GuardError && error.exitCode === 2 && /--insecure/.test(error.message) && /https:\/\//.test(error.message));
    assert.equal(checkIssuerUrl('http://id.acme.eu', true).allowHttp, true);
  });
  it('refuses what is not an http(s) URL', () => {
    assert.throws(() => checkIssuerUrl('id.acme.eu', false), /expected an https:\/\/ URL/);
    assert.throws(() => checkIssuerUrl('ftp://id.acme.eu', false), /expected an https:\/\/ URL/);
  });
});

describe('discoverIssuer', () => {
  it('says an issuer is unreachable when nothing listens', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await assert.rejects(discoverIssuer({ issuer: `http://127.0.0.1:${port}`, clientId: 'c', allowHttp: true, timeoutSeconds: 2 }), (error: unknown) => {
      assert.ok(error instanceof GuardError);
      assert.equal(error.code, 'GUARD_LOGIN_FAILED');
      assert.match(error.message, /is unreachable \(ECONNREFUSED\) — check the issuer URL/);
      return true;
    });
  });
  it('says a server that is not an OpenID Provider is not one', async () => {
    const { createServer: createHttpServer } = await import('node:http');
    const server = createHttpServer((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>not here</h1>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      await assert.rejects(discoverIssuer({ issuer: `http://127.0.0.1:${port}`, clientId: 'c', allowHttp: true }), /does not look like an OpenID Provider/);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
