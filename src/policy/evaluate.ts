/**
 * Policy evaluation: pure, ordered, first matching rule wins.
 *
 * Globs and regular expressions are compiled once per policy object (on the
 * first call, or by `compilePolicy` at load). Which rules can match a given
 * method and target depends on nothing else, so those candidate lists are
 * cached; a decision then only checks roles and argument conditions.
 *
 * @see ../../../shared/DESIGN.md "Policy"
 */
import type { Identity } from '../identity/identity.js';
import type { Decision } from '../proxy/interceptor.js';
import { compileGlobs, isLiteralGlob } from './lib/glob.js';
import { isPathUnder } from './lib/path-under.js';
import { compilePolicyRegex } from './lib/regex.js';
import type { ArgumentCondition, Policy, PolicyRule, RuleAction } from './policy.js';
import { resolveRoles } from './roles.js';

/** What is being asked: the method, its target (tool or prompt name, resource URI) and arguments, by whom. */
export interface PolicyRequest {
  identity: Identity | null;
  method: string;
  /** Tool name for tools/call, prompt name for prompts/get, URI for resources/read. */
  tool?: string;
  arguments?: Record<string, unknown>;
}

type Test = (value: string) => boolean;

interface CompiledCondition {
  path: string[];
  test: (value: unknown) => boolean;
  exists: boolean | undefined;
  not: boolean;
}

interface CompiledRule {
  label: string;
  rule: PolicyRule;
  method: Test;
  target: Test | null;
  /** Literal text every target this rule matches starts with: a cheap check before the glob. */
  prefix: string;
  roles: ReadonlySet<string> | null;
  conditions: CompiledCondition[];
}

interface CompiledPolicy {
  rules: CompiledRule[];
  /** method → rules whose method globs match it. */
  byMethod: Map<string, CompiledRule[]>;
  /** `method \0 target` → rules whose method and target globs match. */
  candidates: Map<string, CompiledRule[]>;
}

const CANDIDATE_CACHE_LIMIT = 4096;
const compiledPolicies = new WeakMap<Policy, CompiledPolicy>();

/** Compiles the policy's globs and regexes now rather than on the first decision. */
export function compilePolicy(policy: Policy): void {
  compiled(policy);
}

/**
 * Decides one request. Unverified or missing identities are refused first
 * when the policy requires `verified` (rule `identity.require`); otherwise the
 * first rule whose method, target, roles and conditions all match decides, and
 * when none does, the policy's `default` (rule `default`).
 */
export function evaluate(policy: Policy, request: PolicyRequest): Decision {
  if (policy.identity.require === 'verified' && !request.identity?.verified) {
    return {
      action: 'deny',
      rule: 'identity.require',
      reason: request.identity
        ? `policy ${policy.name} requires a verified identity and ${request.identity.sub} is not verified — run \`mcp-guard login\``
        : `policy ${policy.name} requires a verified identity and there is none — run \`mcp-guard login\``,
    };
  }
  let roles: ReadonlySet<string> | undefined;
  for (const rule of candidatesFor(compiled(policy), request.method, request.tool ?? '')) {
    if (rule.roles) {
      roles ??= new Set(resolveRoles(request.identity, policy.identity.roles));
      if (!holdsAny(roles, rule.roles)) continue;
    }
    if (!rule.conditions.every((condition) => holds(condition, request.arguments))) continue;
    return decision(rule.rule.action, rule.label, rule.rule.reason);
  }
  return decision(policy.defaultAction, 'default', `no rule matched, and the policy's default is ${policy.defaultAction}`);
}

/**
 * How a tool should appear in `tools/list` for this identity, whatever its
 * arguments: `hidden` when every call to it would be denied, `approval` when
 * some calls would need a reviewer, else `visible`. The identity requirement
 * is left out on purpose: an unverified user should still see the tools, and
 * calling one tells them to log in.
 */
export function toolVisibility(policy: Policy, identity: Identity | null, tool: string): 'hidden' | 'approval' | 'visible' {
  const possible = new Set<RuleAction>();
  let roles: ReadonlySet<string> | undefined;
  let settled = false;
  for (const rule of candidatesFor(compiled(policy), 'tools/call', tool)) {
    if (rule.roles) {
      roles ??= new Set(resolveRoles(identity, policy.identity.roles));
      if (!holdsAny(roles, rule.roles)) continue;
    }
    possible.add(rule.rule.action);
    // A conditional rule may or may not apply to a given call: keep looking.
    if (rule.conditions.length === 0) {
      settled = true;
      break;
    }
  }
  if (!settled) possible.add(policy.defaultAction);
  if (possible.has('approve')) return 'approval';
  return possible.has('allow') ? 'visible' : 'hidden';
}

function decision(action: RuleAction, rule: string, reason: string | undefined): Decision {
  return reason === undefined ? { action, rule } : { action, rule, reason };
}

function holdsAny(roles: ReadonlySet<string>, wanted: ReadonlySet<string>): boolean {
  for (const role of wanted) if (roles.has(role)) return true;
  return false;
}

function candidatesFor(policy: CompiledPolicy, method: string, target: string): CompiledRule[] {
  const key = `${method}\0${target}`;
  let list = policy.candidates.get(key);
  if (!list) {
    let forMethod = policy.byMethod.get(method);
    if (!forMethod) {
      forMethod = policy.rules.filter((rule) => rule.method(method));
      // Methods and targets come from the wire: bound the caches so a flood of names cannot grow them.
      if (policy.byMethod.size >= CANDIDATE_CACHE_LIMIT) policy.byMethod.clear();
      policy.byMethod.set(method, forMethod);
    }
    list = [];
    for (const rule of forMethod) {
      if (rule.target === null || (target.startsWith(rule.prefix) && rule.target(target))) list.push(rule);
    }
    if (policy.candidates.size >= CANDIDATE_CACHE_LIMIT) policy.candidates.clear();
    policy.candidates.set(key, list);
  }
  return list;
}

function compiled(policy: Policy): CompiledPolicy {
  let result = compiledPolicies.get(policy);
  if (!result) {
    result = {
      rules: policy.rules.map((rule, index) => ({
        label: `tools[${index}]`,
        rule,
        method: compileTest(rule.method),
        target: rule.match.length === 0 ? null : compileTest(rule.match),
        prefix: commonPrefix(rule.match.map(literalPrefix)),
        roles: rule.roles ? new Set(rule.roles) : null,
        conditions: rule.when.map(compileCondition),
      })),
      byMethod: new Map(),
      candidates: new Map(),
    };
    compiledPolicies.set(policy, result);
  }
  return result;
}

function compileTest(globs: string[]): Test {
  if (globs.includes('*')) return () => true;
  if (globs.every(isLiteralGlob)) {
    const names = new Set(globs);
    return (value) => names.has(value);
  }
  const pattern = compileGlobs(globs);
  return (value) => pattern.test(value);
}

/** The glob's text before its first special character. */
function literalPrefix(glob: string): string {
  const special = glob.search(/[*?[\]{}\\]/);
  return special === -1 ? glob : glob.slice(0, special);
}

function commonPrefix(prefixes: string[]): string {
  if (prefixes.length === 0) return '';
  let common = prefixes[0] as string;
  for (const prefix of prefixes) {
    let i = 0;
    while (i < common.length && i < prefix.length && common[i] === prefix[i]) i += 1;
    common = common.slice(0, i);
  }
  return common;
}

function compileCondition(condition: ArgumentCondition): CompiledCondition {
  const tests: ((value: unknown) => boolean)[] = [];
  if ('equals' in condition) {
    const expected = condition.equals;
    tests.push((value) => deepEqual(value, expected));
  }
  if (condition.glob !== undefined) {
    const glob = compileGlobs([condition.glob]);
    tests.push((value) => typeof value === 'string' && glob.test(value));
  }
  if (condition.matches !== undefined) {
    const regex = compilePolicyRegex(condition.matches);
    tests.push((value) => typeof value === 'string' && regex.test(value));
  }
  const { gt, gte, lt, lte } = condition;
  if (gt !== undefined) tests.push((value) => compare(value, (n) => n > gt));
  if (gte !== undefined) tests.push((value) => compare(value, (n) => n >= gte));
  if (lt !== undefined) tests.push((value) => compare(value, (n) => n < lt));
  if (lte !== undefined) tests.push((value) => compare(value, (n) => n <= lte));
  if (condition.under !== undefined) {
    const roots = condition.under;
    const cwd = condition.cwd;
    tests.push((value) => isPathUnder(value, roots, cwd));
  }
  return {
    path: condition.arg.split('.'),
    test: (value) => tests.every((test) => test(value)),
    exists: condition.exists,
    not: condition.not === true,
  };
}

function holds(condition: CompiledCondition, args: Record<string, unknown> | undefined): boolean {
  const value = lookup(args, condition.path);
  let result: boolean;
  if (value === undefined) {
    // A missing argument satisfies only `exists: false`.
    result = condition.exists === false;
  } else {
    result = condition.exists !== false && condition.test(value);
  }
  return condition.not ? !result : result;
}

function lookup(args: Record<string, unknown> | undefined, path: string[]): unknown {
  let current: unknown = args;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    // Own properties only: `__proto__` or `constructor` in a dot path must not reach Object.prototype.
    if (!Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Numbers, and strings that are plainly numbers (servers often coerce "1000" to 1000). */
function compare(value: unknown, test: (n: number) => boolean): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && test(value);
  if (typeof value === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(value)) return test(Number(value));
  return false;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  return aKeys.length === bKeys.length && aKeys.every((key) => Object.hasOwn(b, key) && deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
