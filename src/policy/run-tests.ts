/**
 * Runs a policy's own `tests:` cases (pure): each case's request is
 * evaluated and its decision compared with the expectation.
 */
import type { Decision } from '../proxy/interceptor.js';
import { evaluate } from './evaluate.js';
import type { Policy, PolicyTestCase } from './policy.js';

export interface PolicyTestResult {
  case: PolicyTestCase;
  decision: Decision;
  passed: boolean;
}

/**
 * Evaluates every case. A case with `issuer: true|false` on a
 * `verified-when-issuer` policy is evaluated as if an issuer were (not)
 * configured; other cases use the policy as loaded.
 */
export function runPolicyTests(policy: Policy): PolicyTestResult[] {
  const variants = new Map<boolean, Policy>();
  const variant = (issuer: boolean): Policy => {
    let found = variants.get(issuer);
    if (!found) {
      found = { ...policy, identity: { ...policy.identity, require: issuer ? 'verified' : 'any' } };
      variants.set(issuer, found);
    }
    return found;
  };
  return policy.tests.map((testCase) => {
    const target = testCase.issuer !== undefined && policy.identity.declared === 'verified-when-issuer' ? variant(testCase.issuer) : policy;
    const request: Parameters<typeof evaluate>[1] = { identity: testCase.identity, method: testCase.method };
    if (testCase.tool !== undefined) request.tool = testCase.tool;
    if (testCase.arguments !== undefined) request.arguments = testCase.arguments;
    const decision = evaluate(target, request);
    const passed = decision.action === testCase.expect.action && (testCase.expect.rule === undefined || decision.rule === testCase.expect.rule);
    return { case: testCase, decision, passed };
  });
}
