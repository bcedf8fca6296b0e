import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { wrappedCommand } from '../../src/cli/wrap-argv.js';

describe('wrappedCommand', () => {
  it('is the command after -- for the default and the run command, options before it allowed', () => {
    assert.deepEqual(wrappedCommand(['--', 'npx', '-y', 'server']), ['npx', '-y', 'server']);
    assert.deepEqual(wrappedCommand(['--policy', 'strict', '--', 'node', 'server.js', '--', 'x']), ['node', 'server.js', '--', 'x']);
    assert.deepEqual(wrappedCommand(['run', '--grace-ms', '10', '--', 'node']), ['node']);
  });

  it('is undefined without a command, for other subcommands, and when help or the version is asked for', () => {
    assert.equal(wrappedCommand(['--policy', 'strict']), undefined);
    assert.equal(wrappedCommand(['--']), undefined);
    assert.equal(wrappedCommand(['mask', '--', 'x']), undefined);
    assert.equal(wrappedCommand(['policy', 'check', '--', 'x']), undefined);
    assert.equal(wrappedCommand(['--help', '--', 'node']), undefined);
    assert.equal(wrappedCommand(['run', '-h', '--', 'node']), undefined);
    assert.equal(wrappedCommand(['-V', '--', 'node']), undefined);
  });
});
