/**
 * Finds, reads, parses and validates a policy: a file path (YAML, or JSON
 * for `.json`) or the name of a built-in pack in the package's `policies/`.
 *
 * Which one: the `spec` given (from `--policy`), else `MCP_GUARD_POLICY`,
 * else `configPolicy` (the config file's `policy`), else `gdpr-default`.
 * A spec with a slash or a `.yaml`/`.yml`/`.json` ending is a path; a bare
 * name is a pack, or a file in the working directory when no pack has it.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GuardError } from '../errors.js';
import { compilePolicy } from './evaluate.js';
import { isObject } from '../lib/is-object.js';
import { readParsedPolicy, rememberParsedPolicy } from './parsed-cache.js';
import type { Policy } from './policy.js';
import { validatePolicy, type ValidationResult } from './validate.js';

/** A policy ready to enforce, and what the audit trail says about it. */
export interface LoadedPolicy {
  /** The policy's `name`, else the file name without extension. */
  name: string;
  /** SHA-256 (hex) of the file's bytes, recorded with every session. */
  hash: string;
  /** The resolved file path, or `pack:<name>` for a built-in pack. */
  source: string;
  /** The path actually read (for packs: inside the package). */
  path: string;
  policy: Policy;
  warnings: string[];
}

export interface LoadPolicyOptions {
  env?: NodeJS.ProcessEnv;
  /** Resolves `require: verified-when-issuer` (built-in packs): verified when an issuer is configured. */
  issuerConfigured?: boolean;
  /** The config file's `policy`, used when neither the spec nor MCP_GUARD_POLICY names one. */
  configPolicy?: string;
  /** Working directory for relative paths (default: process.cwd()). */
  cwd?: string;
  /** Where parsed YAML documents are remembered between starts (see `parsed-cache.ts`); none when unset. */
  cacheDirectory?: string;
}

/** The default pack when no policy is named anywhere. */
export const DEFAULT_PACK = 'gdpr-default';

/** The built-in packs, by name. */
export const PACKS = ['gdpr-default', 'monitor', 'strict'] as const;

/** Where the packs live: `<package>/policies/` (from dist/src/policy/). */
export function packDirectory(): string {
  return fileURLToPath(new URL('../../../policies/', import.meta.url));
}

/**
 * Loads and validates a policy.
 * @throws GuardError GUARD_POLICY_INVALID listing every problem (dot path and fix), or when the file cannot be read or parsed.
 */
export async function loadPolicy(spec: string | undefined, options: LoadPolicyOptions = {}): Promise<LoadedPolicy> {
  const inspected = await inspectPolicy(spec, options);
  const { policy, warnings, errors } = inspected.result;
  if (!policy || errors.length > 0) {
    throw new GuardError('GUARD_POLICY_INVALID', `policy ${inspected.path} is invalid (${errors.length} problem${errors.length === 1 ? '' : 's'}):\n  ${errors.join('\n  ')}`);
  }
  compilePolicy(policy);
  return { name: policy.name, hash: inspected.hash, source: inspected.source, path: inspected.path, policy, warnings };
}

/** A policy file read and parsed, and what validation said about it (for `mcp-guard policy check`). */
export interface InspectedPolicy {
  path: string;
  source: string;
  hash: string;
  result: ValidationResult;
}

/**
 * Reads, parses and validates without throwing for validation problems.
 * @throws GuardError GUARD_POLICY_INVALID when the policy cannot be found, read or parsed.
 */
export async function inspectPolicy(spec: string | undefined, options: LoadPolicyOptions = {}): Promise<InspectedPolicy> {
  const env = options.env ?? process.env;
  const chosen = spec ?? nonEmpty(env.MCP_GUARD_POLICY) ?? nonEmpty(options.configPolicy) ?? DEFAULT_PACK;
  const { path, source } = locate(chosen, options.cwd ?? process.cwd());
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const hint = (error as NodeJS.ErrnoException).code === 'ENOENT' ? ` — check the path, or use a built-in pack: ${PACKS.join(', ')}` : '';
    throw new GuardError('GUARD_POLICY_INVALID', `cannot read policy ${path}: ${(error as Error).message}${hint}`, { cause: error });
  }
  const hash = createHash('sha256').update(bytes).digest('hex');
  const value = await parseOrRecall(bytes.toString('utf8'), path, hash, options.cacheDirectory);
  const result = validatePolicy(value, { issuerConfigured: options.issuerConfigured === true });
  // A policy without a name is called after its file.
  if (result.policy && isObject(value) && value.name === undefined) result.policy.name = basename(path, extname(path));
  return { path, source, hash, result };
}

async function parseOrRecall(text: string, path: string, hash: string, cacheDirectory: string | undefined): Promise<unknown> {
  if (cacheDirectory === undefined || isJsonPath(path)) return parsePolicyText(text, path);
  const recalled = readParsedPolicy(cacheDirectory, hash);
  if (recalled !== undefined) return recalled;
  const parsed = await parsePolicyText(text, path);
  rememberParsedPolicy(cacheDirectory, hash, parsed);
  return parsed;
}

function isJsonPath(path: string): boolean {
  return extname(path).toLowerCase() === '.json';
}

/**
 * Parses policy text: JSON for `.json` files, YAML otherwise (YAML 1.2 is a
 * superset of JSON). Duplicate keys are errors: the second would silently win.
 * @throws GuardError GUARD_POLICY_INVALID with the parser's line and column.
 */
export async function parsePolicyText(text: string, path: string): Promise<unknown> {
  if (isJsonPath(path)) {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new GuardError('GUARD_POLICY_INVALID', `policy ${path} is not valid JSON: ${(error as Error).message} — fix the syntax`, { cause: error });
    }
  }
  // Loaded on first use: a start whose policy is JSON or cached never loads it.
  const { parseDocument } = await import('yaml');
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => error.message.split('\n')[0]);
    throw new GuardError('GUARD_POLICY_INVALID', `policy ${path} is not valid YAML:\n  ${problems.join('\n  ')}`, { cause: document.errors[0] });
  }
  return document.toJS({ maxAliasCount: 100 }) as unknown;
}

function locate(spec: string, cwd: string): { path: string; source: string } {
  const looksLikePath = /[\\/]/.test(spec) || /\.(ya?ml|json)$/i.test(spec);
  if (!looksLikePath) {
    const pack = resolve(packDirectory(), `${spec}.yaml`);
    if ((PACKS as readonly string[]).includes(spec) || existsSync(pack)) return { path: pack, source: `pack:${spec}` };
    const local = resolve(cwd, spec);
    if (existsSync(local)) return { path: local, source: local };
    throw new GuardError('GUARD_POLICY_INVALID', `no built-in pack and no file named "${spec}" — use a pack (${PACKS.join(', ')}) or a path to a .yaml/.json file`);
  }
  const path = resolve(cwd, spec);
  return { path, source: path };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
