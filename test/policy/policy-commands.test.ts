import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkPolicyCommand, testPolicyCommand } from '../../src/policy/policy-commands.js';

const dir = mkdtempSync(join(tmpdir(), 'mcp-guard-policy-cli-'));
const env = { MCP_GUARD_HOME: dir };

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('mcp-guard policy check', () => {
  it('prints every problem and exits 1 on errors', async () => {
    const path = file('bad.yaml', 'version: 1\nname: bad\ndefault: deny\ntools:\n  - match: "delete_*"\n    action: alow\n');
    let out = '';
    assert.equal(await checkPolicyCommand(path, { env, out: (text) => (out += text) }), 1);
    assert.match(out, /^error: tools\[0\]\.action: expected one of allow, deny, approve, got "alow"/m);
    assert.match(out, /^warning: masking: not set/m);
    assert.match(out, /^invalid: .*bad\.yaml: 1 error, 2 warnings$/m);
  });
  it('exits 0 with warnings only, and prints JSON on request', async () => {
    const path = file('ok.yaml', 'version: 1\nname: ok\ndefault: allow\n');
    let out = '';
    assert.equal(await checkPolicyCommand(path, { env, json: true, out: (text) => (out += text) }), 0);
    const result = JSON.parse(out);
    assert.equal(result.valid, true);
    assert.equal(result.name, 'ok');
    assert.match(result.hash, /^[0-9a-f]{64}$/);
    assert.ok(result.warnings.length > 0);
  });
});

describe('mcp-guard policy test', () => {
  it('prints a pass/fail table and exits 1 when a case fails', async () => {
    const path = file(
      'cases.yaml',
      [
        'version: 1',
        'name: cases',
        'default: deny',
        'tools:',
        '  - { match: "read_*", action: allow }',
        'tests:',
        '  - { name: reads pass, tool: read_x, expect: allow }',
        '  - { name: wrong on purpose, tool: write_x, expect: { action: allow, rule: "tools[0]" } }',
        '',
      ].join('\n'),
    );
    let out = '';
    assert.equal(await testPolicyCommand(path, { env, out: (text) => (out += text) }), 1);
    assert.match(out, /^RESULT\s+CASE\s+EXPECTED\s+GOT$/m);
    assert.match(out, /^pass\s+reads pass\s+allow\s+allow tools\[0\]$/m);
    assert.match(out, /^FAIL\s+wrong on purpose\s+allow tools\[0\]\s+deny default$/m);
    assert.match(out, /^1 passed, 1 failed$/m);
  });
  it('exits 0 when every case of a pack passes', async () => {
    let out = '';
    assert.equal(await testPolicyCommand('gdpr-default', { env, json: true, out: (text) => (out += text) }), 0);
    assert.ok((JSON.parse(out) as { passed: boolean }[]).every((r) => r.passed));
  });
});
