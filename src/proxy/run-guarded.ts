/**
 * Wires one guarded session from configuration: config → policy → identity
 * source → interceptors → audit observer → session. Precedence: flags >
 * `MCP_GUARD_*` environment > config file > defaults.
 */
import { createAuditRecorder } from '../audit/recorder.js';
import type { RunOptions } from '../cli/run.js';
import { packageVersion } from '../cli/version.js';
import { resolveHome } from '../config/home.js';
import { loadConfig } from '../config/config.js';
import { guardChain } from '../interceptors/chain.js';
import { LocalUserSource } from '../identity/local-user.js';
import { openClientStdio } from './client-stdio.js';
import { DEFAULT_MAX_MESSAGE_BYTES } from './framing.js';
import type { SessionObserver } from './interceptor.js';
import { runSession } from './session.js';

const DEFAULT_GRACE_MS = 2000;

export async function runGuarded(command: string[], options: RunOptions, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const config = loadConfig(env);
  const maxMessageBytes = options.maxMessageBytes ?? numberFromEnv(env.MCP_GUARD_MAX_MESSAGE_BYTES) ?? config.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const graceMs = options.graceMs ?? numberFromEnv(env.MCP_GUARD_GRACE_MS) ?? DEFAULT_GRACE_MS;

  const identitySource = new LocalUserSource();
  const chain = guardChain({});
  // Policy name/hash and the audit masker (`mask`) join here once the policy is loaded in this file.
  const audit = await createAuditRecorder({
    home: resolveHome(env),
    durability: options.durability ?? config.durability ?? 'default',
    policy: { name: 'none', hash: 'none' },
    version: packageVersion(),
  });
  const observers: SessionObserver[] = [audit];

  return runSession({
    command,
    chain,
    observers,
    identitySource,
    client: openClientStdio(),
    maxMessageBytes,
    graceMs,
    log: (line) => process.stderr.write(`${line}\n`),
    env,
  });
}

function numberFromEnv(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : undefined;
}
