import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluate, toolVisibility } from '../../src/policy/evaluate.js';
import { person, policyFrom } from './helpers.js';

const call = (tool: string, args?: Record<string, unknown>) => ({ identity: person(), method: 'tools/call', tool, ...(args ? { arguments: args } : {}) });

describe('evaluate: order and globs', () => {
  const policy = policyFrom({
    tools: [
      { match: 'delete_*', action: 'deny', reason: 'destructive' },
      { match: ['export_?', 'dump_{all,db}'], action: 'approve', reason: 'bulk' },
      { match: 'read_[a-m]*', action: 'allow' },
      { match: '*', action: 'deny', reason: 'catch-all' },
    ],
  });
  it('lets the first matching rule win', () => {
    assert.deepEqual(evaluate(policy, call('delete_record')), { action: 'deny', rule: 'tools[0]', reason: 'destructive' });
    assert.deepEqual(evaluate(policy, call('read_file')), { action: 'allow', rule: 'tools[2]' });
  });
  it('supports ?, [...] and {a,b}', () => {
    assert.equal(evaluate(policy, call('export_x')).rule, 'tools[1]');
    assert.equal(evaluate(policy, call('export_xy')).rule, 'tools[3]');
    assert.equal(evaluate(policy, call('dump_db')).rule, 'tools[1]');
    assert.equal(evaluate(policy, call('dump_logs')).rule, 'tools[3]');
    assert.equal(evaluate(policy, call('read_zebra')).rule, 'tools[3]');
  });
  it('matches globs against the whole name, literally otherwise', () => {
    const literal = policyFrom({ tools: [{ match: 'a.b', action: 'allow' }] });
    assert.equal(evaluate(literal, call('a.b')).action, 'allow');
    assert.equal(evaluate(literal, call('axb')).action, 'deny');
    assert.equal(evaluate(literal, call('xa.b')).action, 'deny');
  });
  it('falls back to the default', () => {
    const open = policyFrom({ default: 'allow', tools: [{ match: 'x', action: 'deny', reason: 'no' }] });
    assert.deepEqual(evaluate(open, call('y')).action, 'allow');
    assert.equal(evaluate(open, call('y')).rule, 'default');
    const closed = policyFrom({ tools: [] });
    assert.equal(evaluate(closed, call('y')).action, 'deny');
  });
  it('applies rules to tools/call only unless they name a method', () => {
    const p = policyFrom({
      tools: [
        { match: 'secret://*', method: 'resources/read', action: 'deny', reason: 'secrets' },
        { method: ['resources/*', 'prompts/get'], action: 'allow' },
        { method: 'sampling/createMessage', action: 'deny', reason: 'no sampling' },
        { match: '*', action: 'allow' },
      ],
    });
    assert.equal(evaluate(p, { identity: person(), method: 'resources/read', tool: 'secret://keys' }).rule, 'tools[0]');
    assert.equal(evaluate(p, { identity: person(), method: 'resources/read', tool: 'file:///a' }).rule, 'tools[1]');
    assert.equal(evaluate(p, { identity: person(), method: 'prompts/get', tool: 'p' }).rule, 'tools[1]');
    assert.equal(evaluate(p, { identity: person(), method: 'sampling/createMessage' }).action, 'deny');
    assert.equal(evaluate(p, { identity: person(), method: 'elicitation/create' }).rule, 'default');
    assert.equal(evaluate(p, call('anything')).rule, 'tools[3]');
  });
});

describe('evaluate: roles and identity', () => {
  const policy = policyFrom({
    identity: {
      require: 'any',
      roles: {
        support: { groups: ['support', 'cs-*'] },
        admin: { users: ['root', '*@ops.acme.eu'] },
        local: { groups: ['@local'] },
      },
    },
    tools: [
      { match: 'admin_*', roles: ['admin'], action: 'allow' },
      { match: 'ticket_*', roles: ['support'], action: 'allow' },
      { match: 'local_*', roles: ['local'], action: 'allow' },
      { match: 'own_*', roles: ['owner'], action: 'allow' },
    ],
  });
  it('maps group globs to roles', () => {
    assert.equal(evaluate(policy, { identity: person({ groups: ['cs-tier2'] }), method: 'tools/call', tool: 'ticket_open' }).action, 'allow');
    assert.equal(evaluate(policy, { identity: person({ groups: ['sales'] }), method: 'tools/call', tool: 'ticket_open' }).action, 'deny');
  });
  it('maps users by sub or e-mail', () => {
    assert.equal(evaluate(policy, { identity: person({ sub: 'root' }), method: 'tools/call', tool: 'admin_x' }).action, 'allow');
    assert.equal(evaluate(policy, { identity: person({ email: 'bob@ops.acme.eu' }), method: 'tools/call', tool: 'admin_x' }).action, 'allow');
    assert.equal(evaluate(policy, { identity: person(), method: 'tools/call', tool: 'admin_x' }).action, 'deny');
  });
  it('puts the unverified local user in @local, and only them', () => {
    assert.equal(evaluate(policy, { identity: person({ verified: false }), method: 'tools/call', tool: 'local_x' }).action, 'allow');
    assert.equal(evaluate(policy, { identity: person({ verified: true }), method: 'tools/call', tool: 'local_x' }).action, 'deny');
  });
  it("honours the identity's own roles and refuses role rules without an identity", () => {
    assert.equal(evaluate(policy, { identity: person({ roles: ['owner'] }), method: 'tools/call', tool: 'own_x' }).action, 'allow');
    assert.equal(evaluate(policy, { identity: null, method: 'tools/call', tool: 'ticket_open' }).action, 'deny');
  });
  it('refuses unverified and missing identities when verified is required', () => {
    const strict = policyFrom({ identity: { require: 'verified' }, default: 'allow' });
    assert.equal(evaluate(strict, { identity: person({ verified: false }), method: 'tools/call', tool: 'x' }).rule, 'identity.require');
    assert.match(evaluate(strict, { identity: null, method: 'tools/call', tool: 'x' }).reason ?? '', /mcp-guard login/);
    assert.equal(evaluate(strict, { identity: person(), method: 'tools/call', tool: 'x' }).action, 'allow');
  });
  it('resolves verified-when-issuer by whether an issuer is configured', () => {
    const local = policyFrom({ identity: { require: 'verified-when-issuer' }, default: 'allow' }, { issuerConfigured: false });
    const org = policyFrom({ identity: { require: 'verified-when-issuer' }, default: 'allow' }, { issuerConfigured: true });
    const unverified = { identity: person({ verified: false }), method: 'tools/call', tool: 'x' };
    assert.equal(evaluate(local, unverified).action, 'allow');
    assert.equal(evaluate(org, unverified).action, 'deny');
  });
});

describe('evaluate: argument conditions', () => {
  const rule = (when: unknown) => policyFrom({ tools: [{ match: 't', when, action: 'allow' }] });
  const decide = (when: unknown, args: Record<string, unknown> | undefined) => evaluate(rule(when), call('t', args)).action;

  it('equals compares JSON values deeply', () => {
    assert.equal(decide({ arg: 'mode', equals: 'read' }, { mode: 'read' }), 'allow');
    assert.equal(decide({ arg: 'mode', equals: 'read' }, { mode: 'write' }), 'deny');
    assert.equal(decide({ arg: 'f', equals: { a: [1, 2] } }, { f: { a: [1, 2] } }), 'allow');
    assert.equal(decide({ arg: 'f', equals: { a: [1, 2] } }, { f: { a: [2, 1] } }), 'deny');
    assert.equal(decide({ arg: 'n', equals: 1 }, { n: '1' }), 'deny');
  });
  it('glob matches strings only', () => {
    assert.equal(decide({ arg: 'table', glob: 'public_*' }, { table: 'public_orders' }), 'allow');
    assert.equal(decide({ arg: 'table', glob: 'public_*' }, { table: 'users' }), 'deny');
    assert.equal(decide({ arg: 'table', glob: '*' }, { table: 5 }), 'deny');
  });
  it('matches searches with a regular expression, (?i) as a flag', () => {
    const when = { arg: 'sql', matches: '(?i)\\b(drop|truncate)\\b' };
    assert.equal(decide(when, { sql: 'DROP TABLE users' }), 'allow');
    assert.equal(decide(when, { sql: 'select * from dropbox' }), 'deny');
    assert.equal(decide({ arg: 'id', matches: '^[0-9]+$' }, { id: '123' }), 'allow');
    assert.equal(decide({ arg: 'id', matches: '^[0-9]+$' }, { id: '12a' }), 'deny');
  });
  it('compares numbers, and strings that are plainly numbers', () => {
    const when = { arg: 'limit', gt: 0, lte: 100 };
    assert.equal(decide(when, { limit: 100 }), 'allow');
    assert.equal(decide(when, { limit: 101 }), 'deny');
    assert.equal(decide(when, { limit: 0 }), 'deny');
    assert.equal(decide(when, { limit: '50' }), 'allow');
    assert.equal(decide(when, { limit: '1e3' }), 'deny');
    assert.equal(decide(when, { limit: '50 rows' }), 'deny');
    assert.equal(decide({ arg: 'n', gte: 5 }, { n: 5 }), 'allow');
    assert.equal(decide({ arg: 'n', lt: 5 }, { n: 5 }), 'deny');
  });
  it('under normalises the path first', () => {
    const when = { arg: 'path', under: ['/data', '/srv/share/'] };
    assert.equal(decide(when, { path: '/data/a.csv' }), 'allow');
    assert.equal(decide(when, { path: '/srv/share/x' }), 'allow');
    assert.equal(decide(when, { path: '/data/../etc/passwd' }), 'deny');
    assert.equal(decide(when, { path: '/data-evil/a' }), 'deny');
    assert.equal(decide(when, { path: '/data/%2e%2e/etc' }), 'deny');
    assert.equal(decide({ arg: 'path', under: '/data', cwd: '/data' }, { path: 'a/b' }), 'allow');
  });
  it('exists and not', () => {
    assert.equal(decide({ arg: 'force', exists: true }, { force: false }), 'allow');
    assert.equal(decide({ arg: 'force', exists: true }, {}), 'deny');
    assert.equal(decide({ arg: 'force', exists: false }, {}), 'allow');
    assert.equal(decide({ arg: 'path', under: '/data', not: true }, { path: '/etc/x' }), 'allow');
    assert.equal(decide({ arg: 'path', under: '/data', not: true }, { path: '/data/x' }), 'deny');
    // A missing argument under `not` counts as "not under": deny-outside rules still bite.
    assert.equal(decide({ arg: 'path', under: '/data', not: true }, {}), 'allow');
  });
  it('follows dot paths, own properties only', () => {
    assert.equal(decide({ arg: 'filter.owner', equals: 'me' }, { filter: { owner: 'me' } }), 'allow');
    assert.equal(decide({ arg: 'items.0', equals: 'a' }, { items: ['a'] }), 'allow');
    assert.equal(decide({ arg: 'constructor', exists: true }, {}), 'deny');
    assert.equal(decide({ arg: 'x.toString', exists: true }, { x: {} }), 'deny');
  });
  it('requires every condition of a rule', () => {
    const when = [
      { arg: 'a', equals: 1 },
      { arg: 'b', equals: 2 },
    ];
    assert.equal(decide(when, { a: 1, b: 2 }), 'allow');
    assert.equal(decide(when, { a: 1, b: 3 }), 'deny');
    assert.equal(decide(when, undefined), 'deny');
  });
  it('uses a deny condition before a broader allow', () => {
    const p = policyFrom({
      tools: [
        { match: 'query', when: { arg: 'sql', matches: '(?i)\\bdrop\\b' }, action: 'deny', reason: 'no drops' },
        { match: 'read_file', when: { arg: 'path', under: '/data' }, action: 'allow' },
        { match: 'read_file', action: 'deny', reason: 'outside /data' },
        { match: '*', action: 'allow' },
      ],
    });
    assert.equal(evaluate(p, call('query', { sql: 'drop table x' })).reason, 'no drops');
    assert.equal(evaluate(p, call('query', { sql: 'select 1' })).action, 'allow');
    assert.equal(evaluate(p, call('read_file', { path: '/data/../../etc/shadow' })).reason, 'outside /data');
    assert.equal(evaluate(p, call('read_file', { path: '/data/ok' })).action, 'allow');
  });
});

describe('toolVisibility', () => {
  const policy = policyFrom({
    identity: { roles: { admin: { groups: ['admins'] } } },
    tools: [
      { match: 'delete_*', action: 'deny', reason: 'no' },
      { match: 'export_*', action: 'approve', reason: 'bulk' },
      { match: 'read_file', when: { arg: 'path', under: '/data' }, action: 'allow' },
      { match: 'query', when: { arg: 'sql', matches: 'drop' }, action: 'deny', reason: 'no' },
      { match: 'admin_*', roles: ['admin'], action: 'allow' },
      { match: ['query', 'list_*'], action: 'allow' },
    ],
  });
  it('hides tools every call to which is denied', () => {
    assert.equal(toolVisibility(policy, person(), 'delete_x'), 'hidden');
    assert.equal(toolVisibility(policy, person(), 'unknown'), 'hidden');
    assert.equal(toolVisibility(policy, person(), 'admin_x'), 'hidden');
    assert.equal(toolVisibility(policy, person({ groups: ['admins'] }), 'admin_x'), 'visible');
  });
  it('keeps tools that some arguments allow', () => {
    assert.equal(toolVisibility(policy, person(), 'read_file'), 'visible');
    assert.equal(toolVisibility(policy, person(), 'query'), 'visible');
  });
  it('flags tools that need approval', () => {
    assert.equal(toolVisibility(policy, person(), 'export_all'), 'approval');
  });
  it('keeps tools visible to an unverified user of a verified-only policy, so a call can say "log in"', () => {
    const strict = policyFrom({ identity: { require: 'verified' }, tools: [{ match: '*', action: 'allow' }] });
    assert.equal(toolVisibility(strict, person({ verified: false }), 'x'), 'visible');
  });
});

describe('evaluate: compiled once, cached safely', () => {
  it('decides the same after the candidate cache overflows', () => {
    const policy = policyFrom({ tools: [{ match: 'keep_*', action: 'allow' }, { match: 'x_{1,2}', action: 'approve', reason: 'r' }] });
    for (let i = 0; i < 10_000; i += 1) {
      assert.equal(evaluate(policy, call(`keep_${i}`)).action, 'allow');
      assert.equal(evaluate(policy, call(`other_${i}`)).action, 'deny');
    }
    assert.equal(evaluate(policy, call('x_2')).action, 'approve');
    assert.equal(evaluate(policy, call('x_3')).action, 'deny');
  });
});
