import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isGuardError } from '../../src/errors.js';
import { evaluate } from '../../src/policy/evaluate.js';
import { loadPolicy, PACKS, packDirectory } from '../../src/policy/load.js';
import { runPolicyTests } from '../../src/policy/run-tests.js';
import { defaultMasking } from '../helpers/default-masking.js';

const dir = mkdtempSync(join(tmpdir(), 'mcp-guard-policy-load-'));
const noEnv = {};

describe('built-in packs', () => {
  for (const pack of PACKS) {
    it(`${pack} loads without warnings, documents itself, and passes its own tests`, async () => {
      const loaded = await loadPolicy(pack, { env: noEnv });
      assert.equal(loaded.name, pack);
      assert.equal(loaded.source, `pack:${pack}`);
      assert.deepEqual(loaded.warnings, []);
      const bytes = readFileSync(join(packDirectory(), `${pack}.yaml`));
      assert.equal(loaded.hash, createHash('sha256').update(bytes).digest('hex'));
      assert.match(bytes.toString('utf8'), new RegExp(`^# ${pack} — `), 'starts with a comment header');
      assert.ok(loaded.policy.tests.length >= 3);
      for (const result of runPolicyTests(loaded.policy)) assert.ok(result.passed, `${pack}: ${result.case.name}: got ${JSON.stringify(result.decision)}`);
    });
  }

  it('gdpr-default is the default, masks for agent and trail, holds bulk results, warns on pin changes', async () => {
    const loaded = await loadPolicy(undefined, { env: noEnv });
    assert.equal(loaded.name, 'gdpr-default');
    assert.deepEqual(loaded.policy.masking, defaultMasking(), 'the masking that tests and the bench build maskers with');
    assert.deepEqual(loaded.policy.bulk, { maxFindingsPerResult: 50, action: 'approve' });
    assert.equal(loaded.policy.pinning, 'warn');
  });

  it('packs run in local mode until an issuer is configured', async () => {
    const local = await loadPolicy('gdpr-default', { env: noEnv, issuerConfigured: false });
    const org = await loadPolicy('gdpr-default', { env: noEnv, issuerConfigured: true });
    assert.equal(local.policy.identity.require, 'any');
    assert.equal(org.policy.identity.require, 'verified');
    const osUser = { sub: 'me', groups: [], roles: [], verified: false };
    assert.equal(evaluate(local.policy, { identity: osUser, method: 'tools/call', tool: 'read' }).action, 'allow');
    assert.equal(evaluate(org.policy, { identity: osUser, method: 'tools/call', tool: 'read' }).rule, 'identity.require');
  });

  it('monitor only masks the trail; strict blocks changed tools and denies by default', async () => {
    const monitor = await loadPolicy('monitor', { env: noEnv });
    assert.deepEqual(monitor.policy.masking.in, ['audit']);
    const strict = await loadPolicy('strict', { env: noEnv });
    assert.equal(strict.policy.pinning, 'block');
    assert.equal(strict.policy.defaultAction, 'deny');
  });
});

describe('loadPolicy', () => {
  it('chooses spec, then MCP_GUARD_POLICY, then the config, then gdpr-default', async () => {
    assert.equal((await loadPolicy('strict', { env: { MCP_GUARD_POLICY: 'monitor' } })).name, 'strict');
    assert.equal((await loadPolicy(undefined, { env: { MCP_GUARD_POLICY: 'monitor' }, configPolicy: 'strict' })).name, 'monitor');
    assert.equal((await loadPolicy(undefined, { env: {}, configPolicy: 'strict' })).name, 'strict');
  });

  it('reads YAML and JSON files, naming an unnamed policy after its file', async () => {
    const yamlPath = join(dir, 'team.yaml');
    writeFileSync(yamlPath, 'version: 1\ndefault: allow\ntools:\n  - match: "x"\n    action: deny\n    reason: no\n');
    const yaml = await loadPolicy(yamlPath, { env: noEnv });
    assert.equal(yaml.name, 'team');
    assert.equal(yaml.source, yamlPath);
    assert.equal(evaluate(yaml.policy, { identity: null, method: 'tools/call', tool: 'x' }).action, 'deny');
    const jsonPath = join(dir, 'team.json');
    writeFileSync(jsonPath, JSON.stringify({ version: 1, name: 'json-team', default: 'allow' }));
    assert.equal((await loadPolicy(jsonPath, { env: noEnv })).name, 'json-team');
  });

  it('throws GUARD_POLICY_INVALID listing every dot-path problem', async () => {
    const path = join(dir, 'bad.yaml');
    writeFileSync(path, 'version: 1\nname: bad\ntools:\n  - match: "delete_*"\n    action: alow\npinning: blok\n');
    await assert.rejects(loadPolicy(path, { env: noEnv }), (error: unknown) => {
      assert.ok(isGuardError(error));
      assert.equal(error.code, 'GUARD_POLICY_INVALID');
      assert.match(error.message, /tools\[0\]\.action: expected one of allow, deny, approve, got "alow"/);
      assert.match(error.message, /pinning: expected one of off, warn, block, got "blok"/);
      assert.match(error.message, /2 problems/);
      return true;
    });
  });

  it('refuses YAML syntax errors, duplicate keys and missing files', async () => {
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'tools: [\n');
    await assert.rejects(loadPolicy(broken, { env: noEnv }), /not valid YAML/);
    const duplicate = join(dir, 'dup.yaml');
    writeFileSync(duplicate, 'version: 1\ndefault: allow\ndefault: deny\n');
    await assert.rejects(loadPolicy(duplicate, { env: noEnv }), /not valid YAML[\s\S]*unique/i);
    await assert.rejects(loadPolicy(join(dir, 'missing.yaml'), { env: noEnv }), /cannot read policy .*missing\.yaml/);
    await assert.rejects(loadPolicy('no-such-pack', { env: noEnv, cwd: dir }), /no built-in pack and no file named "no-such-pack"/);
  });
});

describe('the parsed-document cache', () => {
  const policyText = 'version: 1\nname: cached\ndefault: allow\ntools:\n  - match: "*"\n    action: allow\n';

  it('stores a parsed YAML policy under the hash of its text and loads it back the same', async () => {
    const cacheDirectory = mkdtempSync(join(tmpdir(), 'mcp-guard-policy-cache-'));
    const path = join(cacheDirectory, 'policy.yaml');
    writeFileSync(path, policyText);
    const first = await loadPolicy(path, { env: noEnv, cacheDirectory });
    const entry = join(cacheDirectory, `policy-${first.hash}.json`);
    assert.equal(statSync(entry).mode & 0o777, 0o600);
    const second = await loadPolicy(path, { env: noEnv, cacheDirectory });
    assert.deepEqual(second.policy, first.policy);
  });

  it('validates a recalled document like a parsed one: the entry cannot make a policy pass', async () => {
    const cacheDirectory = mkdtempSync(join(tmpdir(), 'mcp-guard-policy-cache-'));
    const path = join(cacheDirectory, 'policy.yaml');
    writeFileSync(path, policyText);
    const hash = createHash('sha256').update(policyText).digest('hex');
    writeFileSync(join(cacheDirectory, `policy-${hash}.json`), JSON.stringify({ version: 1, name: 'cached', default: 'maybe' }));
    await assert.rejects(loadPolicy(path, { env: noEnv, cacheDirectory }), /default/);
  });

  it('does not store a document that JSON cannot hold exactly, and still loads when the cache cannot be written', async () => {
    const cacheDirectory = mkdtempSync(join(tmpdir(), 'mcp-guard-policy-cache-'));
    const path = join(cacheDirectory, 'policy.yaml');
    writeFileSync(path, `${policyText}bulk:\n  max_findings_per_result: .inf\n  action: deny\n`);
    const loaded = await loadPolicy(path, { env: noEnv, cacheDirectory }).catch((error: unknown) => error);
    assert.equal(readdirSync(cacheDirectory).filter((name) => name.endsWith('.json')).length, 0, String(loaded));
    const blocked = join(cacheDirectory, 'not-a-directory');
    writeFileSync(blocked, '');
    writeFileSync(path, policyText);
    assert.equal((await loadPolicy(path, { env: noEnv, cacheDirectory: blocked })).name, 'cached');
  });
});
