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
import { createPolicyGate } from '../interceptors/policy-gate.js';
import { createToolPinning } from '../interceptors/tool-pinning.js';
import { createResultMasking } from '../interceptors/mask-results.js';
import { loadPolicy } from '../policy/load.js';
import { createMasker } from '../mask/masker.js';
import { loadMaskingKey } from '../mask/masking-key.js';
import { configuredIssuer, selectIdentitySource } from '../identity/select-source.js';
import { mapRoles } from '../policy/roles.js';
import { openClientStdio } from './client-stdio.js';
import { DEFAULT_MAX_MESSAGE_BYTES } from './framing.js';
import type { SessionObserver } from './interceptor.js';
import { runSession } from './session.js';

const DEFAULT_GRACE_MS = 2000;

export async function runGuarded(command: string[], options: RunOptions, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const config = loadConfig(env);
  const maxMessageBytes = options.maxMessageBytes ?? numberFromEnv(env.MCP_GUARD_MAX_MESSAGE_BYTES) ?? config.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const graceMs = options.graceMs ?? numberFromEnv(env.MCP_GUARD_GRACE_MS) ?? DEFAULT_GRACE_MS;

  // Before anything starts: a bad policy stops mcp-guard here, and the server never runs unguarded.
  const policy = await loadPolicy(options.policy, { env, issuerConfigured: configuredIssuer(config, env).issuer !== undefined, ...(config.policy ? { configPolicy: config.policy } : {}) });
  for (const warning of policy.warnings) process.stderr.write(`mcp-guard: policy warning: ${warning}\n`);

  // Local OS user without an issuer, else OIDC tokens (refreshed silently; the policy gate asks on every tools/call).
  const { source: identitySource } = await selectIdentitySource({
    config,
    home: resolveHome(env),
    env,
    rolesFor: (groups) => mapRoles(groups, policy.policy.identity.roles),
    warn: (line) => process.stderr.write(`mcp-guard: warning: ${line}\n`),
  });
  // One masker for the client stream and the trail: the same value gets the same pseudonym in both.
  const masking = policy.policy.masking;
  const masker = createMasker(masking, loadMaskingKey({ home: resolveHome(env), env, ...(config.maskingKey ? { configured: config.maskingKey } : {}) }));
  const chain = guardChain({
    policyGate: createPolicyGate(policy),
    toolPinning: createToolPinning({ home: resolveHome(env), serverCommand: command, mode: policy.policy.pinning }),
    // Always in the chain: it counts findings for the trail and applies the bulk guard even when the client stream is not masked.
    resultMasking: createResultMasking({ masker, ...(policy.policy.bulk ? { bulk: policy.policy.bulk } : {}), toClient: masking.in.includes('client') }),
  });
  // The audit trail is masked under the policy's masking when `masking.in` includes `audit`.
  const auditMasker = masking.in.includes('audit') ? masker : undefined;
  const audit = await createAuditRecorder({
    home: resolveHome(env),
    durability: options.durability ?? config.durability ?? 'default',
    policy: { name: policy.name, hash: policy.hash },
    version: packageVersion(),
    ...(auditMasker ? { mask: (value: unknown) => auditMasker.maskValue(value) } : {}),
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
