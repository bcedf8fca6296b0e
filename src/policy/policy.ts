/**
 * The policy model, after validation. Policies are files (YAML or JSON);
 * `policy/load.ts` parses and validates them into this shape.
 *
 * @see ../../../shared/DESIGN.md "Policy"
 */
import type { Identity } from '../identity/identity.js';

export type MaskingTarget = 'client' | 'audit';
export type MaskingStyle = 'redact' | 'partial' | 'pseudonym';

export interface MaskingPolicy {
  /** Where masking applies: the stream to the agent, the audit trail. */
  in: MaskingTarget[];
  /** Detector names (`email`, `phone`, `iban`, `credit_card`, `ip`, `eu_national_ids`, `us_ssn`, or a single national id). */
  detectors: string[];
  /** JSON keys whose values are personal data (`first_name`, `date_of_birth`, ...). */
  fields: string[];
  style: MaskingStyle;
}

export interface BulkPolicy {
  maxFindingsPerResult: number;
  action: 'deny' | 'approve' | 'allow';
}

export type PinningMode = 'off' | 'warn' | 'block';

/** What a rule does with the requests it matches. `approve` holds the call for a reviewer (fails closed until approvals exist). */
export type RuleAction = 'allow' | 'deny' | 'approve';

/**
 * How strongly the caller must be identified. `verified-when-issuer` is what
 * the built-in packs declare: `any` in local mode (no issuer configured),
 * `verified` once an issuer is configured. The loader resolves it.
 */
export type IdentityRequirement = 'verified' | 'any';
export type DeclaredIdentityRequirement = IdentityRequirement | 'verified-when-issuer';

/** A policy role: who holds it, by IdP group glob or by user (`sub` or e-mail) glob. */
export interface RoleMapping {
  /** Group globs (`cs-*`). The local OS user (unverified) is in the pseudo-group `@local`. */
  groups: string[];
  /** Globs on the identity's `sub` or `email` (for the local OS user: the user name). */
  users?: string[];
}

/**
 * One test on an argument, named by a dot path into the call's arguments
 * (`filter.owner`). Every operator present must hold; `not` negates the whole.
 * A missing argument satisfies nothing but `exists: false`.
 */
export interface ArgumentCondition {
  arg: string;
  equals?: unknown;
  /** Glob on a string value (`*`, `?`, `[a-z]`, `{a,b}`). */
  glob?: string;
  /** Regular expression source as written; a leading `(?i)`, `(?s)`, `(?m)` becomes a flag. */
  matches?: string;
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
  /** Absolute roots: the value (a path, a `file://` URI, or an array of them) must normalise to a path under one. */
  under?: string[];
  /** Base for relative paths in `under`; without it a relative path is under no root. */
  cwd?: string;
  exists?: boolean;
  not?: boolean;
}

/** One ordered rule of `tools:`. The first rule that matches decides. */
export interface PolicyRule {
  /** Globs on the target: tool name (tools/call), prompt name (prompts/get), resource URI (resources/read). Absent = any. */
  match: string[];
  /** Globs on the JSON-RPC method; default `tools/call`. */
  method: string[];
  /** The caller must hold one of these roles; absent = anyone. */
  roles?: string[];
  /** Every condition must hold. */
  when: ArgumentCondition[];
  action: RuleAction;
  reason?: string;
  /** For `approve`: roles that may approve (used by the approval flow). */
  approvers?: string[];
  /** For `approve`: how long an approval stays valid, in ms. */
  ttlMs?: number;
}

/** A `tests:` case: a request and the decision the policy must reach. */
export interface PolicyTestCase {
  name: string;
  /** `null`: no identity at all. */
  identity: Identity | null;
  /** For `verified-when-issuer` policies: evaluate as if an issuer were (true) or were not (false) configured. */
  issuer?: boolean;
  method: string;
  tool?: string;
  arguments?: Record<string, unknown>;
  expect: { action: RuleAction; rule?: string };
}

/** A validated policy. `policy/validate.ts` builds it from the file's YAML or JSON. */
export interface Policy {
  version: 1;
  name: string;
  description?: string;
  identity: {
    require: IdentityRequirement;
    /** What the file said, before `verified-when-issuer` was resolved. */
    declared: DeclaredIdentityRequirement;
    roles: Record<string, RoleMapping>;
  };
  /** Rules from `tools:`, in order. */
  rules: PolicyRule[];
  /** The decision when no rule matches (`default:`, deny when absent). */
  defaultAction: RuleAction;
  masking: MaskingPolicy;
  bulk: BulkPolicy | undefined;
  pinning: PinningMode;
  tests: PolicyTestCase[];
}
