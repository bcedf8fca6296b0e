/**
 * The config file (`$MCP_GUARD_HOME/config.json`, or `MCP_GUARD_CONFIG`).
 * Precedence, applied by each command: flags > `MCP_GUARD_*` environment >
 * config file > defaults. Validation is pure and returns every problem with a
 * dot-path and the fix.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GuardError } from '../errors.js';
import { resolveHome } from './home.js';

export interface GuardConfig {
  /** OIDC issuer URL; absent means local mode. */
  issuer?: string;
  clientId?: string;
  scope?: string;
  audience?: string;
  /** Claim that holds the groups (`groups`, `roles`, `cognito:groups`, ...). */
  groupsClaim?: string;
  /** Policy file path or built-in pack name. */
  policy?: string;
  /** Masking key for pseudonyms (base64 or hex); else generated per installation. */
  maskingKey?: string;
  /** Default line cap in bytes. */
  maxMessageBytes?: number;
  durability?: 'default' | 'strict';
  /** Collector base URL (collector issue). */
  collector?: string;
}

const KNOWN: Record<keyof GuardConfig, 'string' | 'number'> = {
  issuer: 'string',
  clientId: 'string',
  scope: 'string',
  audience: 'string',
  groupsClaim: 'string',
  policy: 'string',
  maskingKey: 'string',
  maxMessageBytes: 'number',
  durability: 'string',
  collector: 'string',
};

export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.MCP_GUARD_CONFIG ?? join(resolveHome(env), 'config.json');
}

/** Pure: checks a parsed config value. */
export function validateConfig(value: unknown): { config: GuardConfig; warnings: string[]; errors: string[] } {
  const warnings: string[] = [];
  const errors: string[] = [];
  const config: GuardConfig = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { config, warnings, errors: ['(root): expected a JSON object — fix or delete the config file'] };
  }
  for (const [key, field] of Object.entries(value)) {
    const type = KNOWN[key as keyof GuardConfig];
    if (!type) {
      warnings.push(`${key}: unknown setting, ignored — remove it or check its spelling`);
      continue;
    }
    if (typeof field !== type) {
      errors.push(`${key}: expected a ${type}, got ${JSON.stringify(field)}`);
      continue;
    }
    (config as Record<string, unknown>)[key] = field;
  }
  if (config.durability !== undefined && config.durability !== 'default' && config.durability !== 'strict') {
    errors.push(`durability: expected one of default, strict, got ${JSON.stringify(config.durability)}`);
  }
  return { config, warnings, errors };
}

/** Reads the config file; a missing file is an empty config. Throws GUARD_CONFIG_INVALID on errors. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): GuardConfig {
  const path = configPath(env);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new GuardError('GUARD_CONFIG_INVALID', `cannot read config file ${path}: ${(error as Error).message}`, { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new GuardError('GUARD_CONFIG_INVALID', `config file ${path} is not valid JSON: ${(error as Error).message} — fix it or delete it`, { cause: error });
  }
  const { config, errors } = validateConfig(parsed);
  if (errors.length > 0) {
    throw new GuardError('GUARD_CONFIG_INVALID', `config file ${path}:\n  ${errors.join('\n  ')}`);
  }
  return config;
}

/** Merges `changes` into the config file (atomically: write then rename). */
export function updateConfig(changes: Partial<GuardConfig>, env: NodeJS.ProcessEnv = process.env): GuardConfig {
  const path = configPath(env);
  const next = { ...loadConfig(env), ...changes };
  for (const key of Object.keys(next) as (keyof GuardConfig)[]) {
    if (next[key] === undefined) delete next[key];
  }
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, path);
  return next;
}
