import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, statSync, writeFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { GuardError } from '../../src/errors.js';
import { loadMaskingKey } from '../../src/mask/masking-key.js';

function home(): string {
  return mkdtempSync(join(tmpdir(), 'mcp-guard-mask-key-'));
}

describe('loadMaskingKey', () => {
  it('generates 32 bytes once per installation into <home>/masking.key, mode 0600, and reuses it', () => {
    const dir = home();
    const first = loadMaskingKey({ home: dir, env: {} });
    assert.equal(first.length, 32);
    assert.equal(statSync(join(dir, 'masking.key')).mode & 0o777, 0o600);
    assert.deepEqual(loadMaskingKey({ home: dir, env: {} }), first);
    assert.deepEqual(readdirSync(dir), ['masking.key'], 'no temporary file is left behind');
  });

  it('prefers MCP_GUARD_MASKING_KEY, then the configured key (hex or base64)', () => {
    const dir = home();
    const hex = 'ab'.repeat(32);
    assert.deepEqual(loadMaskingKey({ home: dir, env: { MCP_GUARD_MASKING_KEY: hex }, configured: Buffer.alloc(32, 1).toString('base64') }), new Uint8Array(Buffer.from(hex, 'hex')));
    assert.deepEqual(loadMaskingKey({ home: dir, env: {}, configured: Buffer.alloc(32, 1).toString('base64') }), new Uint8Array(32).fill(1));
    assert.deepEqual(readdirSync(dir), [], 'no key file when the key is given');
  });

  it('refuses a short or malformed key with GUARD_MASK_CONFIG and the fix', () => {
    for (const value of ['abcd', 'not a key!']) {
      assert.throws(
        () => loadMaskingKey({ home: home(), env: { MCP_GUARD_MASKING_KEY: value } }),
        (error: unknown) => error instanceof GuardError && error.code === 'GUARD_MASK_CONFIG' && /MCP_GUARD_MASKING_KEY.*openssl rand -hex 32/.test(error.message),
      );
    }
    const dir = home();
    writeFileSync(join(dir, 'masking.key'), 'short\n');
    assert.throws(() => loadMaskingKey({ home: dir, env: {} }), (error: unknown) => error instanceof GuardError && error.code === 'GUARD_MASK_CONFIG');
  });

  it('two processes racing for the first key agree on one', async () => {
    const dir = home();
    const module = fileURLToPath(new URL('../../src/mask/masking-key.js', import.meta.url));
    const script = `import { loadMaskingKey } from ${JSON.stringify(module)}; process.stdout.write(Buffer.from(loadMaskingKey({ home: process.argv[1], env: {} })).toString('hex'));`;
    const run = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', script, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
      });
    const keys = await Promise.all([run(), run(), run(), run()]);
    assert.equal(new Set(keys).size, 1, keys.join(' '));
    assert.equal(readFileSync(join(dir, 'masking.key'), 'utf8').trim(), keys[0]);
  });
});
