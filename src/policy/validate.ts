/**
 * Pure validation of a parsed policy file (YAML or JSON) into a `Policy`.
 * Returns every problem at once, each located by dot path and ending with
 * the fix, so `mcp-guard policy check` can list them all.
 *
 * Inside rules and conditions an unknown key is an error, not a warning: a
 * misspelt `when` would silently widen the rule it belongs to.
 *
 * @see ../../../shared/DESIGN.md "Policy"
 */
import type { Identity } from '../identity/identity.js';
import { POLICY_DETECTOR_NAMES } from '../mask/detector-names.js';
import { compileGlob } from './lib/glob.js';
import { isObject } from '../lib/is-object.js';
import { normalisePosixPath } from './lib/path-under.js';
import { compilePolicyRegex } from './lib/regex.js';
import type {
  ArgumentCondition,
  BulkPolicy,
  DeclaredIdentityRequirement,
  MaskingPolicy,
  MaskingStyle,
  MaskingTarget,
  PinningMode,
  Policy,
  PolicyRule,
  PolicyTestCase,
  RoleMapping,
  RuleAction,
} from './policy.js';

export interface ValidationResult {
  policy?: Policy;
  warnings: string[];
  errors: string[];
}

export interface ValidateOptions {
  /** Resolves `require: verified-when-issuer`: verified when true, any when false (default). */
  issuerConfigured?: boolean;
}

const ACTIONS: readonly RuleAction[] = ['allow', 'deny', 'approve'];
const REQUIREMENTS: readonly DeclaredIdentityRequirement[] = ['verified', 'any', 'verified-when-issuer'];
const PINNING: readonly PinningMode[] = ['off', 'warn', 'block'];
const MASK_TARGETS: readonly MaskingTarget[] = ['client', 'audit'];
const MASK_STYLES: readonly MaskingStyle[] = ['redact', 'partial', 'pseudonym'];
const TOP_KEYS = ['version', 'name', 'description', 'identity', 'default', 'tools', 'masking', 'bulk', 'pinning', 'tests'];
const RULE_KEYS = ['match', 'method', 'roles', 'when', 'action', 'reason', 'approvers', 'ttl'];
const CONDITION_OPERATORS = ['equals', 'glob', 'matches', 'gt', 'gte', 'lt', 'lte', 'under', 'exists'] as const;
const CONDITION_KEYS = ['arg', 'not', 'cwd', ...CONDITION_OPERATORS];
const TEST_KEYS = ['name', 'identity', 'issuer', 'method', 'tool', 'arguments', 'expect'];
const IDENTITY_KEYS = ['sub', 'email', 'name', 'groups', 'roles', 'issuer', 'verified'];

/** The identity a test case gets when it names none: the local OS user, unverified. */
export const LOCAL_TEST_IDENTITY: Readonly<Identity> = Object.freeze({ sub: 'local-user', groups: [], roles: [], verified: false });

/**
 * Checks a parsed policy value. `policy` is set only when there are no
 * errors. Messages read `tools[3].action: expected one of allow, deny, approve, got "alow"`.
 */
export function validatePolicy(value: unknown, options: ValidateOptions = {}): ValidationResult {
  const v = new Validator();
  const policy = v.policy(value, options);
  return v.errors.length === 0 && policy ? { policy, warnings: v.warnings, errors: [] } : { warnings: v.warnings, errors: v.errors };
}

class Validator {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];

  policy(value: unknown, options: ValidateOptions): Policy | undefined {
    if (!isObject(value)) {
      this.errors.push(`(root): expected a mapping with version, tools, ... got ${describe(value)} — start from one of the packs in policies/`);
      return undefined;
    }
    this.unknownKeys('', value, TOP_KEYS, 'warning');

    if (value.version === undefined) this.warnings.push('version: not set — add `version: 1`');
    else if (value.version !== 1) this.errors.push(`version: expected 1, got ${describe(value.version)} — this mcp-guard reads version 1 policies`);

    let name = '(unnamed)';
    if (value.name === undefined) this.warnings.push('name: not set — add `name: <policy name>` so audit events say which policy decided');
    else name = this.string('name', value.name) ?? name;

    const description = value.description === undefined ? undefined : this.string('description', value.description);
    const identity = this.identity(value.identity, options);
    const rules = this.rules(value.tools, identity?.roles ?? {});

    let defaultAction: RuleAction = 'deny';
    if (value.default === undefined) {
      this.warnings.push('default: not set, so a request no rule matches is denied — write `default: deny` (or allow) to say so');
    } else {
      defaultAction = this.oneOf('default', value.default, ACTIONS) ?? 'deny';
    }

    const masking = this.masking(value.masking);
    const bulk = this.bulk(value.bulk);
    const pinning = value.pinning === undefined ? 'warn' : (this.oneOf('pinning', value.pinning, PINNING) ?? 'warn');
    const tests = this.tests(value.tests);

    if (!identity || !masking) return undefined;
    const policy: Policy = { version: 1, name, identity, rules, defaultAction, masking, bulk, pinning, tests };
    if (description !== undefined) policy.description = description;
    return policy;
  }

  identity(value: unknown, options: ValidateOptions): Policy['identity'] | undefined {
    if (value === undefined) {
      this.warnings.push('identity: not set, so any caller is accepted (local OS users too) — add `identity: { require: verified }` to demand a login');
      return { require: 'any', declared: 'any', roles: {} };
    }
    if (!isObject(value)) {
      this.errors.push(`identity: expected a mapping with require and roles, got ${describe(value)}`);
      return undefined;
    }
    this.unknownKeys('identity', value, ['require', 'roles'], 'error');
    const declared = value.require === undefined ? 'any' : (this.oneOf('identity.require', value.require, REQUIREMENTS) ?? 'verified');
    const require = declared === 'verified-when-issuer' ? (options.issuerConfigured ? 'verified' : 'any') : declared;
    // Null prototype: a role named `__proto__` or `constructor` must be a role, not an inherited property.
    const roles: Record<string, RoleMapping> = Object.create(null) as Record<string, RoleMapping>;
    if (value.roles !== undefined) {
      if (!isObject(value.roles)) {
        this.errors.push(`identity.roles: expected a mapping of role name to { groups: [...] }, got ${describe(value.roles)}`);
      } else {
        for (const [role, mapping] of Object.entries(value.roles)) {
          const path = `identity.roles.${role}`;
          if (!isObject(mapping)) {
            this.errors.push(`${path}: expected { groups: [...], users: [...] }, got ${describe(mapping)}`);
            continue;
          }
          this.unknownKeys(path, mapping, ['groups', 'users'], 'error');
          const groups = mapping.groups === undefined ? [] : (this.globList(`${path}.groups`, mapping.groups) ?? []);
          const users = mapping.users === undefined ? undefined : this.globList(`${path}.users`, mapping.users);
          if (mapping.groups === undefined && mapping.users === undefined) {
            this.warnings.push(`${path}: no groups and no users, so nobody holds this role — add groups: [...]`);
          }
          roles[role] = users === undefined ? { groups } : { groups, users };
        }
      }
    }
    return { require, declared, roles };
  }

  rules(value: unknown, roles: Record<string, RoleMapping>): PolicyRule[] {
    if (value === undefined) {
      this.warnings.push('tools: no rules, so every request gets the default decision — add rules under tools:');
      return [];
    }
    if (!Array.isArray(value)) {
      this.errors.push(`tools: expected a list of rules, got ${describe(value)} — write each rule as "- match: ..."`);
      return [];
    }
    const rules: PolicyRule[] = [];
    // Rules that match everything for some methods: anything later for those methods is dead.
    const catchAll: { index: number; methods: string[] }[] = [];
    value.forEach((raw, index) => {
      const rule = this.rule(`tools[${index}]`, raw, roles);
      if (!rule) return;
      const shadow = catchAll.find((c) => c.methods.includes('*') || rule.method.every((m) => c.methods.includes(m)));
      if (shadow) this.warnings.push(`tools[${index}]: never reached, tools[${shadow.index}] matches every request before it — move it up or remove it`);
      if ((rule.match.length === 0 || rule.match.includes('*')) && !rule.roles && rule.when.length === 0) {
        catchAll.push({ index, methods: rule.method });
      }
      rules.push(rule);
    });
    return rules;
  }

  rule(path: string, value: unknown, roles: Record<string, RoleMapping>): PolicyRule | undefined {
    if (!isObject(value)) {
      this.errors.push(`${path}: expected a rule mapping (match, action, ...), got ${describe(value)}`);
      return undefined;
    }
    const before = this.errors.length;
    this.unknownKeys(path, value, RULE_KEYS, 'error');
    const match = value.match === undefined ? [] : (this.globList(`${path}.match`, value.match) ?? []);
    const method = value.method === undefined ? ['tools/call'] : (this.globList(`${path}.method`, value.method) ?? []);
    let action: RuleAction | undefined;
    if (value.action === undefined) this.errors.push(`${path}.action: missing — add action: allow, deny or approve`);
    else action = this.oneOf(`${path}.action`, value.action, ACTIONS);
    const rule: PolicyRule = { match, method, when: [], action: action ?? 'deny' };
    if (value.roles !== undefined) {
      const list = this.stringList(`${path}.roles`, value.roles);
      if (list) {
        rule.roles = list;
        this.knownRoles(`${path}.roles`, list, roles);
      }
    }
    if (value.when !== undefined) {
      const conditions = Array.isArray(value.when) ? value.when : [value.when];
      conditions.forEach((condition, i) => {
        const parsed = this.condition(Array.isArray(value.when) ? `${path}.when[${i}]` : `${path}.when`, condition);
        if (parsed) rule.when.push(parsed);
      });
    }
    if (value.reason !== undefined) {
      const reason = this.string(`${path}.reason`, value.reason);
      if (reason !== undefined) rule.reason = reason;
    } else if (action === 'deny' || action === 'approve') {
      this.warnings.push(`${path}.reason: not set, so the refusal cannot say why — add reason: <why>`);
    }
    if (value.approvers !== undefined) {
      const list = this.stringList(`${path}.approvers`, value.approvers);
      if (list) {
        rule.approvers = list;
        this.knownRoles(`${path}.approvers`, list, roles);
      }
      if (action !== 'approve') this.warnings.push(`${path}.approvers: only used by action: approve — remove it`);
    }
    if (value.ttl !== undefined) {
      const ttl = parseDuration(value.ttl);
      if (ttl === undefined) this.errors.push(`${path}.ttl: expected a duration such as 30s, 15m, 2h or 1d, got ${describe(value.ttl)}`);
      else rule.ttlMs = ttl;
      if (action !== 'approve') this.warnings.push(`${path}.ttl: only used by action: approve — remove it`);
    }
    return this.errors.length === before ? rule : undefined;
  }

  condition(path: string, value: unknown): ArgumentCondition | undefined {
    if (!isObject(value)) {
      this.errors.push(`${path}: expected a condition such as { arg: path, under: /data }, got ${describe(value)}`);
      return undefined;
    }
    const before = this.errors.length;
    this.unknownKeys(path, value, CONDITION_KEYS, 'error');
    const condition: ArgumentCondition = { arg: '' };
    if (typeof value.arg !== 'string' || value.arg === '') {
      this.errors.push(`${path}.arg: expected the argument's name (a dot path such as filter.owner), got ${describe(value.arg)}`);
    } else {
      condition.arg = value.arg;
    }
    if (!CONDITION_OPERATORS.some((op) => value[op] !== undefined)) {
      this.errors.push(`${path}: no operator — add one of ${CONDITION_OPERATORS.join(', ')}`);
    }
    if ('equals' in value) condition.equals = value.equals;
    if (value.glob !== undefined) {
      const glob = this.string(`${path}.glob`, value.glob);
      if (glob !== undefined && this.checkGlob(`${path}.glob`, glob)) condition.glob = glob;
    }
    if (value.matches !== undefined) {
      const source = this.string(`${path}.matches`, value.matches);
      if (source !== undefined) {
        try {
          compilePolicyRegex(source);
          condition.matches = source;
        } catch (error) {
          this.errors.push(`${path}.matches: not a valid regular expression (${(error as Error).message}) — fix the pattern; quote it in YAML`);
        }
      }
    }
    for (const op of ['gt', 'gte', 'lt', 'lte'] as const) {
      if (value[op] === undefined) continue;
      if (typeof value[op] !== 'number' || !Number.isFinite(value[op])) {
        this.errors.push(`${path}.${op}: expected a number, got ${describe(value[op])}`);
      } else {
        condition[op] = value[op];
      }
    }
    if (value.under !== undefined) {
      const roots = this.stringList(`${path}.under`, value.under);
      if (roots) {
        const normalised: string[] = [];
        roots.forEach((root, i) => {
          const clean = normalisePosixPath(root);
          if (clean === null) this.errors.push(`${path}.under[${i}]: expected an absolute path, got ${describe(root)} — write it from / (no ~, no relative paths)`);
          else normalised.push(clean);
        });
        condition.under = normalised;
      }
    }
    if (value.cwd !== undefined) {
      const cwd = this.string(`${path}.cwd`, value.cwd);
      const clean = cwd === undefined ? null : normalisePosixPath(cwd);
      if (cwd !== undefined && clean === null) this.errors.push(`${path}.cwd: expected an absolute path, got ${describe(cwd)}`);
      else if (clean !== null) condition.cwd = clean;
      if (value.under === undefined) this.warnings.push(`${path}.cwd: only used with under — remove it`);
    }
    for (const flag of ['exists', 'not'] as const) {
      if (value[flag] === undefined) continue;
      if (typeof value[flag] !== 'boolean') this.errors.push(`${path}.${flag}: expected true or false, got ${describe(value[flag])}`);
      else condition[flag] = value[flag];
    }
    return this.errors.length === before ? condition : undefined;
  }

  masking(value: unknown): MaskingPolicy | undefined {
    if (value === undefined) {
      this.warnings.push('masking: not set, so nothing is masked — add masking: { in: [client, audit], detectors: [...] }');
      return { in: [], detectors: [], fields: [], style: 'redact' };
    }
    if (!isObject(value)) {
      this.errors.push(`masking: expected a mapping with in, detectors, fields, style, got ${describe(value)}`);
      return undefined;
    }
    this.unknownKeys('masking', value, ['in', 'detectors', 'fields', 'style'], 'error');
    const targets: MaskingTarget[] = [];
    if (value.in === undefined) targets.push('client', 'audit');
    else {
      (this.stringList('masking.in', value.in) ?? []).forEach((target, i) => {
        const parsed = this.oneOf(`masking.in[${i}]`, target, MASK_TARGETS);
        if (parsed && !targets.includes(parsed)) targets.push(parsed);
      });
    }
    const detectors = value.detectors === undefined ? [] : (this.stringList('masking.detectors', value.detectors) ?? []);
    detectors.forEach((name, i) => {
      // An error, not a warning: a policy that asks for data we cannot find must not run as if it masked it.
      if (!POLICY_DETECTOR_NAMES.includes(name)) {
        this.errors.push(`masking.detectors[${i}]: unknown detector "${name}" — use one of ${POLICY_DETECTOR_NAMES.join(', ')}`);
      }
    });
    const fields = value.fields === undefined ? [] : (this.stringList('masking.fields', value.fields) ?? []);
    const style = value.style === undefined ? 'redact' : (this.oneOf('masking.style', value.style, MASK_STYLES) ?? 'redact');
    return { in: targets, detectors, fields, style };
  }

  bulk(value: unknown): BulkPolicy | undefined {
    if (value === undefined) return undefined;
    if (!isObject(value)) {
      this.errors.push(`bulk: expected { max_findings_per_result: 50, action: approve }, got ${describe(value)}`);
      return undefined;
    }
    this.unknownKeys('bulk', value, ['max_findings_per_result', 'action'], 'error');
    const max = value.max_findings_per_result;
    if (typeof max !== 'number' || !Number.isInteger(max) || max < 1) {
      this.errors.push(`bulk.max_findings_per_result: expected a whole number of at least 1, got ${describe(max)}`);
    }
    const action = value.action === undefined ? 'approve' : this.oneOf('bulk.action', value.action, ACTIONS);
    return typeof max === 'number' && action ? { maxFindingsPerResult: max, action } : undefined;
  }

  tests(value: unknown): PolicyTestCase[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.errors.push(`tests: expected a list of cases ("- tool: ..., expect: deny"), got ${describe(value)}`);
      return [];
    }
    const cases: PolicyTestCase[] = [];
    value.forEach((raw, index) => {
      const path = `tests[${index}]`;
      if (!isObject(raw)) {
        this.errors.push(`${path}: expected a case mapping (tool, expect, ...), got ${describe(raw)}`);
        return;
      }
      this.unknownKeys(path, raw, TEST_KEYS, 'error');
      const name = raw.name === undefined ? `${path}` : (this.string(`${path}.name`, raw.name) ?? path);
      const method = raw.method === undefined ? 'tools/call' : this.string(`${path}.method`, raw.method);
      const tool = raw.tool === undefined ? undefined : this.string(`${path}.tool`, raw.tool);
      const identity = this.testIdentity(`${path}.identity`, raw.identity);
      let args: Record<string, unknown> | undefined;
      if (raw.arguments !== undefined) {
        if (isObject(raw.arguments)) args = raw.arguments;
        else this.errors.push(`${path}.arguments: expected a mapping of argument name to value, got ${describe(raw.arguments)}`);
      }
      let issuer: boolean | undefined;
      if (raw.issuer !== undefined) {
        if (typeof raw.issuer === 'boolean') issuer = raw.issuer;
        else this.errors.push(`${path}.issuer: expected true or false, got ${describe(raw.issuer)}`);
      }
      const expect = this.expectation(`${path}.expect`, raw.expect);
      if (method === undefined || identity === undefined || !expect) return;
      const testCase: PolicyTestCase = { name, identity, method, expect };
      if (tool !== undefined) testCase.tool = tool;
      if (args !== undefined) testCase.arguments = args;
      if (issuer !== undefined) testCase.issuer = issuer;
      cases.push(testCase);
    });
    return cases;
  }

  testIdentity(path: string, value: unknown): Identity | null | undefined {
    if (value === undefined || value === 'local') return { ...LOCAL_TEST_IDENTITY, groups: [], roles: [] };
    if (value === null || value === 'none') return null;
    if (!isObject(value)) {
      this.errors.push(`${path}: expected local, none, or { sub, groups, verified }, got ${describe(value)}`);
      return undefined;
    }
    this.unknownKeys(path, value, IDENTITY_KEYS, 'error');
    const sub = value.sub === undefined ? 'test-user' : this.string(`${path}.sub`, value.sub);
    const groups = value.groups === undefined ? [] : this.stringList(`${path}.groups`, value.groups);
    const roles = value.roles === undefined ? [] : this.stringList(`${path}.roles`, value.roles);
    if (value.verified !== undefined && typeof value.verified !== 'boolean') {
      this.errors.push(`${path}.verified: expected true or false, got ${describe(value.verified)}`);
    }
    if (sub === undefined || !groups || !roles) return undefined;
    const identity: Identity = { sub, groups, roles, verified: value.verified === true };
    for (const key of ['email', 'name', 'issuer'] as const) {
      if (value[key] === undefined) continue;
      const text = this.string(`${path}.${key}`, value[key]);
      if (text !== undefined) identity[key] = text;
    }
    return identity;
  }

  expectation(path: string, value: unknown): PolicyTestCase['expect'] | undefined {
    if (value === undefined) {
      this.errors.push(`${path}: missing — add expect: allow, deny or approve`);
      return undefined;
    }
    if (typeof value === 'string') {
      const action = this.oneOf(path, value, ACTIONS);
      return action ? { action } : undefined;
    }
    if (!isObject(value)) {
      this.errors.push(`${path}: expected allow, deny, approve or { action, rule }, got ${describe(value)}`);
      return undefined;
    }
    this.unknownKeys(path, value, ['action', 'rule'], 'error');
    const action = this.oneOf(`${path}.action`, value.action, ACTIONS);
    const rule = value.rule === undefined ? undefined : this.string(`${path}.rule`, value.rule);
    if (!action) return undefined;
    return rule === undefined ? { action } : { action, rule };
  }

  // --- small checks -------------------------------------------------------

  unknownKeys(path: string, value: Record<string, unknown>, known: readonly string[], level: 'error' | 'warning'): void {
    for (const key of Object.keys(value)) {
      if (known.includes(key)) continue;
      const where = path === '' ? key : `${path}.${key}`;
      const hint = closest(key, known);
      const message = `${where}: unknown key${hint ? ` — did you mean ${hint}?` : ` — expected one of ${known.join(', ')}`}`;
      (level === 'error' ? this.errors : this.warnings).push(message);
    }
  }

  string(path: string, value: unknown): string | undefined {
    if (typeof value === 'string') return value;
    this.errors.push(`${path}: expected a string, got ${describe(value)}`);
    return undefined;
  }

  stringList(path: string, value: unknown): string[] | undefined {
    if (typeof value === 'string') return [value];
    if (!Array.isArray(value)) {
      this.errors.push(`${path}: expected a string or a list of strings, got ${describe(value)}`);
      return undefined;
    }
    let ok = true;
    value.forEach((item, i) => {
      if (typeof item !== 'string') {
        this.errors.push(`${path}[${i}]: expected a string, got ${describe(item)} — quote it`);
        ok = false;
      }
    });
    return ok ? (value as string[]) : undefined;
  }

  globList(path: string, value: unknown): string[] | undefined {
    const list = this.stringList(path, value);
    if (!list) return undefined;
    const single = typeof value === 'string';
    return list.every((glob, i) => this.checkGlob(single ? path : `${path}[${i}]`, glob)) ? list : undefined;
  }

  checkGlob(path: string, glob: string): boolean {
    try {
      compileGlob(glob);
      return true;
    } catch (error) {
      this.errors.push(`${path}: bad glob ${describe(glob)}: ${(error as Error).message} — escape literal characters with \\`);
      return false;
    }
  }

  oneOf<T extends string>(path: string, value: unknown, allowed: readonly T[]): T | undefined {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    const hint = typeof value === 'string' ? closest(value, allowed) : undefined;
    this.errors.push(`${path}: expected one of ${allowed.join(', ')}, got ${describe(value)}${hint ? ` — did you mean ${hint}?` : ''}`);
    return undefined;
  }

  knownRoles(path: string, list: string[], roles: Record<string, RoleMapping>): void {
    list.forEach((role, i) => {
      if (!Object.hasOwn(roles, role)) {
        this.warnings.push(`${path}[${i}]: role "${role}" is not defined under identity.roles, so only identities that carry it themselves hold it — define it or check the spelling`);
      }
    });
  }
}


function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (isObject(value)) return 'a mapping';
  return JSON.stringify(value);
}

/** 30s, 15m, 2h, 1d, or a number of seconds → ms. */
function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value * 1000 : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^(\d+)\s*(s|m|h|d)$/.exec(value.trim());
  if (!match) return undefined;
  const scale = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as 's' | 'm' | 'h' | 'd'];
  const ms = Number(match[1]) * scale;
  return ms > 0 ? ms : undefined;
}

/** The known word within edit distance 2, for "did you mean". */
function closest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
