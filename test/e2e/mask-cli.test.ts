/** `mcp-guard mask` through the built CLI: stdin → masked stdout, `--json` findings without values, usage errors. */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { BIN, tempHome } from '../helpers/guard.js';

function mask(args: string[], input: string, home = tempHome('mcp-guard-mask-cli-')): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, 'mask', ...args], {
    input,
    env: { ...process.env, MCP_GUARD_HOME: home, MCP_GUARD_KEYCHAIN: 'off', MCP_GUARD_POLICY: '' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const INPUT = 'Anna <anna@example.de>, IBAN DE89 3704 0044 0532 0130 00, order ORD-2024-000123\n';

describe('mcp-guard mask', () => {
  it('stops quietly, with success, when its reader goes away (`mcp-guard mask < big | head -c 100`)', async () => {
    const child = spawn(process.execPath, [BIN, 'mask', '--style', 'redact'], {
      env: { ...process.env, MCP_GUARD_HOME: tempHome('mcp-guard-mask-cli-'), MCP_GUARD_KEYCHAIN: 'off', MCP_GUARD_POLICY: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    // The reader takes the first chunk, then closes its end.
    child.stdout.once('data', () => child.stdout.destroy());
    child.stdin.end(INPUT.repeat(40_000));
    const [status] = (await once(child, 'exit')) as [number | null];
    assert.equal(status, 0, stderr);
    assert.doesNotMatch(stderr, /EPIPE|Error|at /);
  });

  it('masks stdin to stdout with the default policy (pseudonyms) and summarises on stderr', () => {
    const result = mask([], INPUT);
    assert.equal(result.status, 0, result.stderr);
    // The name before the address is the person's (the policy masks full names).
    assert.match(result.stdout, /^<full_name:[0-9a-f]{8}> <<email:[0-9a-f]{8}>>, IBAN <iban:[0-9a-f]{8}>, order ORD-2024-000123\n$/);
    assert.match(result.stderr, /3 findings \(full_name 1, email 1, iban 1\)/);
  });

  it('--style overrides the policy; a policy file applies its detectors and fields', () => {
    assert.equal(mask(['--style', 'redact'], INPUT).stdout, '[FULL_NAME] <[EMAIL]>, IBAN [IBAN], order ORD-2024-000123\n');
    const home = tempHome('mcp-guard-mask-cli-');
    const policy = join(home, 'p.yaml');
    writeFileSync(policy, ['version: 1', 'name: p', 'identity: { require: any }', 'default: allow', 'masking: { in: [client], detectors: [iban], fields: [name], style: partial }', ''].join('\n'));
    const result = mask(['--policy', policy], '{"name":"Anna","iban":"DE89370400440532013000","mail":"a@example.de"}', home);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '{"name":"[NAME]","iban":"DE****************3000","mail":"a@example.de"}');
  });

  it('masks what a clinical tool, a CLI and a Go service print: an HL7 message, a table aligned with blanks, a struct', () => {
    const input = [
      'MSH|^~\\&|HIS|CLINIC|LAB|CLINIC|20240102103000||ADT^A01|MSG1|P|2.5\rPID|1||12345^^^MRN||Schmidt^Anna||19800102|F|||Hauptstr. 5^^Berlin^^10115^DE\r',
      'ID  NAME          EMAIL',
      '7   Jean Dupont   jean@example.fr',
      'saved &{ID:9 Name:Maria Rossi Plan:Gold Email:maria@example.it}',
      '',
    ].join('\n');
    const result = mask(['--style', 'redact'], input);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(
      result.stdout,
      [
        'MSH|^~\\&|HIS|CLINIC|LAB|CLINIC|20240102103000||ADT^A01|MSG1|P|2.5\rPID|1||12345^^^MRN||[FULL_NAME]||[DATE_OF_BIRTH]|F|||[HOME_ADDRESS]\r',
        'ID  NAME          EMAIL',
        '7   [FULL_NAME]   [EMAIL]',
        'saved &{ID:9 Name:[FULL_NAME] Plan:Gold Email:[EMAIL]}',
        '',
      ].join('\n'),
    );
  });

  it('masks a letter\'s envelope, a chat\'s speakers, git blame, a WHOIS record and an RDAP contact', () => {
    const text = [
      'Anna Schmidt',
      'Hauptstr. 5',
      '10115 Berlin',
      '',
      '[10:02] Jean Dupont: see you',
      '^a1b2c3d (Maria Rossi 2024-01-01 10:00:00 +0100 1) x',
      'Registrant Name: Erik Larsson',
      '',
    ].join('\n');
    const result = mask(['--style', 'redact'], text);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, ['[FULL_NAME]', '[HOME_ADDRESS]', '[HOME_ADDRESS]', '', '[10:02] [FULL_NAME]: see you', '^a1b2c3d ([FULL_NAME] 2024-01-01 10:00:00 +0100 1) x', 'Registrant Name: [FULL_NAME]', ''].join('\n'));
    const rdap = JSON.stringify({ objectClassName: 'entity', vcardArray: ['vcard', [['version', {}, 'text', '4.0'], ['fn', {}, 'text', 'Daan de Vries'], ['adr', { label: 'Kalverstraat 12' }, 'text', ['', '', '', '', '', '', '']]]] });
    const masked = mask(['--style', 'redact'], rdap);
    assert.equal(masked.status, 0, masked.stderr);
    assert.equal(masked.stdout, rdap.replace('Daan de Vries', '[FULL_NAME]').replace('Kalverstraat 12', '[HOME_ADDRESS]'));
  });

  it('--json prints offsets and counts, never the values', () => {
    const result = mask(['--json'], INPUT);
    assert.equal(result.status, 0, result.stderr);
    const parsed = JSON.parse(result.stdout) as { findings: { type: string; start: number; end: number }[]; counts: Record<string, number> };
    assert.deepEqual(parsed.findings, [
      { type: 'full_name', start: 0, end: 4 },
      { type: 'email', start: 6, end: 21 },
      { type: 'iban', start: 29, end: 56 },
    ]);
    assert.deepEqual(parsed.counts, { full_name: 1, email: 1, iban: 1 });
    assert.ok(!result.stdout.includes('Anna') && !result.stdout.includes('anna@example.de') && !result.stdout.includes('DE89'));
  });

  it('exits 2 on a bad --style', () => {
    assert.equal(mask(['--style', 'blur'], INPUT).status, 2);
  });
});
