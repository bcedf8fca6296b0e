import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { POLICY_DETECTOR_NAMES } from '../../src/mask/detector-names.js';
import { DETECTORS } from '../../src/mask/registry.js';
import { validatePolicy } from '../../src/policy/validate.js';

const base = { version: 1, name: 't', default: 'deny' };

describe('validatePolicy', () => {
  it('builds the model from the DESIGN sketch', () => {
    const { policy, errors } = validatePolicy({
      ...base,
      identity: { require: 'verified', roles: { support: { groups: ['support', 'cs-*'] }, reviewer: { groups: ['dpo'] } } },
      tools: [
        { match: 'delete_*', action: 'deny', reason: 'destructive' },
        { match: 'export_*', action: 'approve', approvers: ['reviewer'], ttl: '15m', reason: 'bulk' },
        { match: 'query', when: { arg: 'sql', matches: '(?i)\\b(drop|truncate)\\b' }, action: 'deny', reason: 'ddl' },
        { match: '*', roles: ['support', 'reviewer'], action: 'allow' },
      ],
      masking: { in: ['client', 'audit'], detectors: ['email', 'iban'], fields: ['first_name'], style: 'pseudonym' },
      bulk: { max_findings_per_result: 50, action: 'approve' },
      pinning: 'block',
    });
    assert.deepEqual(errors, []);
    assert.ok(policy);
    assert.equal(policy.identity.require, 'verified');
    assert.equal(policy.rules.length, 4);
    assert.deepEqual(policy.rules[0]?.method, ['tools/call']);
    assert.equal(policy.rules[1]?.ttlMs, 15 * 60_000);
    assert.deepEqual(policy.rules[2]?.when, [{ arg: 'sql', matches: '(?i)\\b(drop|truncate)\\b' }]);
    assert.deepEqual(policy.bulk, { maxFindingsPerResult: 50, action: 'approve' });
    assert.deepEqual(policy.masking, { in: ['client', 'audit'], detectors: ['email', 'iban'], fields: ['first_name'], style: 'pseudonym' });
    assert.equal(policy.pinning, 'block');
  });

  it('reports every problem with its dot path, what came and the fix', () => {
    const { policy, errors } = validatePolicy({
      ...base,
      identity: { require: 'sometimes', roles: { a: { groups: 'x', colour: 1 } } },
      tools: [
        { match: 'a', action: 'allow' },
        { match: 'b', action: 'allow' },
        { match: 'c', action: 'allow' },
        { match: 'd', action: 'alow' },
        { match: 'e', wen: { arg: 'x', equals: 1 }, action: 'deny' },
        { match: 'f', when: { arg: 'sql', matches: '([' }, action: 'deny' },
        { match: 'g', when: { arg: 'p', under: 'relative/dir' }, action: 'allow' },
        { match: 'h', when: { arg: 'n', gt: 'ten' }, action: 'allow' },
        { match: 'i[', action: 'allow' },
        { match: 'j', when: { arg: 'x' }, action: 'allow' },
        { match: 'k' },
        { match: 'l', action: 'approve', ttl: 'soon' },
        'not a rule',
      ],
      masking: { in: ['agent'], style: 'blur' },
      bulk: { max_findings_per_result: 0 },
      pinning: 'blok',
      tests: [{ tool: 'x', expect: 'maybe' }],
    });
    assert.equal(policy, undefined);
    const expected = [
      'identity.require: expected one of verified, any, verified-when-issuer, got "sometimes"',
      'identity.roles.a.colour: unknown key',
      'tools[3].action: expected one of allow, deny, approve, got "alow" — did you mean allow?',
      'tools[4].wen: unknown key — did you mean when?',
      'tools[5].when.matches: not a valid regular expression',
      'tools[6].when.under[0]: expected an absolute path, got "relative/dir"',
      'tools[7].when.gt: expected a number, got "ten"',
      'tools[8].match: bad glob "i["',
      'tools[9].when: no operator — add one of',
      'tools[10].action: missing — add action: allow, deny or approve',
      'tools[11].ttl: expected a duration such as 30s, 15m, 2h or 1d, got "soon"',
      'tools[12]: expected a rule mapping',
      'masking.in[0]: expected one of client, audit, got "agent"',
      'masking.style: expected one of redact, partial, pseudonym, got "blur"',
      'bulk.max_findings_per_result: expected a whole number of at least 1, got 0',
      'pinning: expected one of off, warn, block, got "blok" — did you mean block?',
      'tests[0].expect: expected one of allow, deny, approve, got "maybe"',
    ];
    for (const start of expected) {
      assert.ok(errors.some((error) => error.startsWith(start)), `missing: ${start}\ngot:\n${errors.join('\n')}`);
    }
    assert.equal(errors.length, expected.length, errors.join('\n'));
  });

  it('rejects a non-mapping and a wrong version', () => {
    assert.match(validatePolicy([1, 2]).errors[0] ?? '', /^\(root\): expected a mapping/);
    assert.match(validatePolicy('x').errors[0] ?? '', /^\(root\)/);
    assert.deepEqual(validatePolicy({ ...base, version: 2 }).errors, ['version: expected 1, got 2 — this mcp-guard reads version 1 policies']);
  });

  it('warns about what is legal but probably wrong', () => {
    const { policy, warnings } = validatePolicy({
      version: 1,
      tools: [
        { match: '*', action: 'allow' },
        { match: 'delete_*', roles: ['nobody'], action: 'deny' },
      ],
      colour: 'blue',
    });
    assert.ok(policy, 'warnings alone do not make a policy invalid');
    for (const start of [
      'colour: unknown key',
      'name: not set',
      'default: not set',
      'identity: not set',
      'masking: not set',
      'tools[1]: never reached, tools[0] matches every request before it',
      'tools[1].roles[0]: role "nobody" is not defined',
      'tools[1].reason: not set',
    ]) {
      assert.ok(warnings.some((warning) => warning.startsWith(start)), `missing warning: ${start}\ngot:\n${warnings.join('\n')}`);
    }
  });

  it('does not call a rule unreachable when the catch-all covers other methods only', () => {
    const { warnings } = validatePolicy({ ...base, tools: [{ method: 'resources/read', action: 'allow' }, { match: 'x', action: 'allow' }] });
    assert.ok(!warnings.some((w) => w.includes('never reached')), warnings.join('\n'));
  });

  it('reads test cases with identities, issuers and expectations', () => {
    const { policy, errors } = validatePolicy({
      ...base,
      tests: [
        { name: 'local', tool: 'x', expect: 'deny' },
        { identity: 'none', method: 'sampling/createMessage', expect: { action: 'allow', rule: 'default' } },
        { identity: { sub: 'a', groups: ['g'], verified: true }, issuer: true, tool: 'y', arguments: { n: 1 }, expect: 'approve' },
      ],
    });
    assert.deepEqual(errors, []);
    assert.deepEqual(policy?.tests[0]?.identity, { sub: 'local-user', groups: [], roles: [], verified: false });
    assert.equal(policy?.tests[1]?.identity, null);
    assert.deepEqual(policy?.tests[1]?.expect, { action: 'allow', rule: 'default' });
    assert.deepEqual(policy?.tests[2], { name: 'tests[2]', identity: { sub: 'a', groups: ['g'], roles: [], verified: true }, method: 'tools/call', tool: 'y', arguments: { n: 1 }, issuer: true, expect: { action: 'approve' } });
  });
});

describe('masking.detectors', () => {
  it('accepts every detector the registry has, and the national-id group', () => {
    assert.deepEqual([...POLICY_DETECTOR_NAMES].sort(), [...DETECTORS.map((detector) => detector.name), 'eu_national_ids'].sort());
    const { errors, policy } = validatePolicy({ ...base, masking: { detectors: ['es_dni_nie', 'eu_national_ids', 'phone'] } });
    assert.deepEqual(errors, []);
    assert.deepEqual(policy?.masking.detectors, ['es_dni_nie', 'eu_national_ids', 'phone']);
  });

  it('refuses an unknown detector with its path and the names it accepts', () => {
    const { errors } = validatePolicy({ ...base, masking: { detectors: ['email', 'es_dni'] } });
    assert.equal(errors.length, 1);
    assert.match(errors[0] ?? '', /^masking\.detectors\[1\]: unknown detector "es_dni" — use one of email, .*es_dni_nie/);
  });
});
