/** Builds policies for the policy unit tests from plain values, failing loudly on validation errors. */
import type { Identity } from '../../src/identity/identity.js';
import type { Policy } from '../../src/policy/policy.js';
import { validatePolicy, type ValidateOptions } from '../../src/policy/validate.js';

export function policyFrom(value: Record<string, unknown>, options: ValidateOptions = {}): Policy {
  const { policy, errors } = validatePolicy({ version: 1, name: 'test', default: 'deny', ...value }, options);
  if (!policy) throw new Error(`test policy invalid:\n${errors.join('\n')}`);
  return policy;
}

export function person(overrides: Partial<Identity> = {}): Identity {
  return { sub: 'alice', email: 'alice@acme.eu', groups: [], roles: [], verified: true, ...overrides };
}
