/**
 * Policy evaluation speed: a 200-rule policy (globs, roles, argument
 * conditions of every kind), decided for many tools/call requests. The
 * target is ≤ 20 µs per decision.
 */
import { performance } from 'node:perf_hooks';
import type { Identity } from '../../src/identity/identity.js';
import { compilePolicy, evaluate, type PolicyRequest } from '../../src/policy/evaluate.js';
import { validatePolicy } from '../../src/policy/validate.js';

export interface PolicyBenchResult {
  rules: number;
  /** Mean time per decision, tool names repeating as in a real session (candidate cache warm). */
  perDecisionMicros: number;
  /** Mean time per decision when every tool name is new (candidate cache cold). */
  coldPerDecisionMicros: number;
  decisions: number;
}

/** A 200-rule policy: 40 groups of five rules, each kind of condition, roles, and a catch-all last. */
export function benchPolicy(): ReturnType<typeof validatePolicy>['policy'] & object {
  const tools: unknown[] = [];
  for (let i = 0; i < 40; i += 1) {
    tools.push(
      { match: `svc${i}_delete_*`, action: 'deny', reason: 'destructive' },
      { match: `svc${i}_query`, when: { arg: 'sql', matches: '(?i)\\b(drop|truncate|delete)\\b' }, action: 'deny', reason: 'ddl' },
      { match: `svc${i}_read_file`, when: [{ arg: 'path', under: ['/data', '/srv/share'] }, { arg: 'limit', lte: 1000 }], action: 'allow' },
      { match: [`svc${i}_export_*`, `svc${i}_dump_*`], roles: ['reviewer'], action: 'approve', reason: 'bulk' },
      { match: `svc${i}_{get,list,search}_*`, roles: ['support', 'reviewer'], when: { arg: 'tenant', glob: 'acme-*' }, action: 'allow' },
    );
  }
  tools.pop();
  tools.push({ match: '*', roles: ['support'], action: 'allow' });
  const { policy, errors } = validatePolicy({
    version: 1,
    name: 'bench',
    default: 'deny',
    identity: { require: 'verified', roles: { support: { groups: ['support', 'cs-*'] }, reviewer: { groups: ['dpo'] } } },
    tools,
  });
  if (!policy) throw new Error(`bench policy invalid: ${errors.join('; ')}`);
  return policy;
}

export function benchPolicyEvaluation(): PolicyBenchResult {
  const policy = benchPolicy();
  compilePolicy(policy);
  const identity: Identity = { sub: 'alice', email: 'alice@acme.eu', groups: ['cs-tier2'], roles: [], verified: true };
  const requests: PolicyRequest[] = [];
  for (let i = 0; i < 400; i += 1) {
    const svc = `svc${(i * 7) % 40}`;
    const kind = i % 5;
    const tool = [`${svc}_query`, `${svc}_read_file`, `${svc}_get_orders`, `${svc}_export_all`, `other_tool_${i}`][kind] as string;
    requests.push({
      identity,
      method: 'tools/call',
      tool,
      arguments: { sql: 'select * from orders where id = 1', path: `/data/reports/../reports/q${i}.csv`, limit: 100, tenant: 'acme-eu' },
    });
  }
  const decisions = 200_000;
  // Warm up the JIT and the candidate cache, as a running session would.
  for (let i = 0; i < 20_000; i += 1) evaluate(policy, requests[i % requests.length]!);
  const start = performance.now();
  for (let i = 0; i < decisions; i += 1) evaluate(policy, requests[i % requests.length]!);
  const warm = performance.now() - start;

  const coldDecisions = 20_000;
  const coldStart = performance.now();
  for (let i = 0; i < coldDecisions; i += 1) {
    const base = requests[i % requests.length]!;
    evaluate(policy, { ...base, tool: `${base.tool}_${i}` });
  }
  const cold = performance.now() - coldStart;
  return {
    rules: policy.rules.length,
    perDecisionMicros: round((warm * 1000) / decisions),
    coldPerDecisionMicros: round((cold * 1000) / coldDecisions),
    decisions,
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
