/**
 * Wires one guarded session from configuration: config → policy → identity
 * source → interceptors → audit observer → session. Precedence: flags >
 * `MCP_GUARD_*` environment > config file > defaults.
 *
 * `bin/mcp-guard` has started the server already (see `early-server.ts`);
 * no message reaches it before the config and the policy have loaded (a bad
 * policy stops mcp-guard, and the server, here) and the guards are built.
 */
import { join } from 'node:path';
import type { RunOptions } from '../cli/run.js';
import { loadConfig } from '../config/config.js';
import { resolveHome } from '../config/home.js';
import { configuredIssuer } from '../identity/issuer-config.js';
import { redactExcerpt } from '../mask/log-excerpt.js';
import type { MaskerLoad } from '../mask/masker-load.js';
import { loadPolicy } from '../policy/load.js';
import { openClientStdio } from './client-stdio.js';
import { takeEarlyServer } from './early-server.js';
import { DEFAULT_MAX_MESSAGE_BYTES } from './framing.js';
import { runSession, type SessionGuards } from './session.js';

const DEFAULT_GRACE_MS = 2000;

export async function runGuarded(command: string[], options: RunOptions, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const config = loadConfig(env);
  const home = resolveHome(env);
  const maxMessageBytes = options.maxMessageBytes ?? numberFromEnv(env.MCP_GUARD_MAX_MESSAGE_BYTES) ?? config.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const graceMs = options.graceMs ?? numberFromEnv(env.MCP_GUARD_GRACE_MS) ?? DEFAULT_GRACE_MS;
  const durability = options.durability ?? durabilityFromEnv(env.MCP_GUARD_DURABILITY) ?? config.durability ?? 'default';

  // Before any message flows: a bad policy stops mcp-guard here, and the server never runs unguarded.
  const policy = await loadPolicy(options.policy, {
    env,
    issuerConfigured: configuredIssuer(config, env).issuer !== undefined,
    cacheDirectory: join(home, 'cache'),
    ...(config.policy ? { configPolicy: config.policy } : {}),
  });
  for (const warning of policy.warnings) process.stderr.write(`mcp-guard: policy warning: ${warning}\n`);

  const setup = async (): Promise<SessionGuards> => {
    const [
      { createAuditRecorder },
      { packageVersion },
      { guardChain },
      { createPolicyGate },
      { createToolPinning },
      { selectIdentitySource },
      { mapRoles },
    ] = await Promise.all([
      import('../audit/recorder.js'),
      import('../cli/version.js'),
      import('../interceptors/chain.js'),
      import('../interceptors/policy-gate.js'),
      import('../interceptors/tool-pinning.js'),
      import('../identity/select-source.js'),
      import('../policy/roles.js'),
    ]);
    // Local OS user without an issuer, else OIDC tokens (refreshed silently; the policy gate asks on every tools/call).
    const { source: identitySource } = await selectIdentitySource({
      config,
      home,
      env,
      rolesFor: (groups) => mapRoles(groups, policy.policy.identity.roles),
      warn: (line) => process.stderr.write(`mcp-guard: warning: ${line}\n`),
    });
    const masking = policy.policy.masking;
    const bulk = policy.policy.bulk;
    // Masking has work to do when it masks somewhere or a bulk guard counts findings.
    const masks = masking.in.length > 0 && (masking.detectors.length > 0 || masking.fields.length > 0);
    const guardsBulk = bulk !== undefined && bulk.action !== 'allow';
    // One masker for the client stream and the trail: the same value gets the same pseudonym in both.
    // The masking modules (phone numbering plans among them) load in the background once the client's
    // initialize has been answered (see masker-load.ts). The key loads now: a bad key stops the start.
    let maskerLoad: MaskerLoad | undefined;
    let resultMasking: import('../proxy/interceptor.js').Interceptor | undefined;
    if (masks || guardsBulk) {
      const [{ loadMaskingKey }, { loadMaskerLater }, { createResultMasking }] = await Promise.all([
        import('../mask/masking-key.js'),
        import('../mask/masker-load.js'),
        import('../interceptors/mask-results.js'),
      ]);
      maskerLoad = loadMaskerLater(masking, loadMaskingKey({ home, env, ...(config.maskingKey ? { configured: config.maskingKey } : {}) }));
      const toClient = masking.in.includes('client');
      // Results wait for the masker only where they are masked on their way (see createResultMasking).
      const failed = toClient || guardsBulk ? 'results to mask are withheld' : 'the trail records no payload it cannot mask';
      maskerLoad.ready.catch((error: unknown) => process.stderr.write(`mcp-guard: the masking engine did not load (${(error as Error).message}): ${failed}\n`));
      resultMasking = createResultMasking({ masker: maskerLoad, ...(bulk ? { bulk } : {}), toClient });
    }
    const chain = guardChain({
      policyGate: createPolicyGate(policy),
      toolPinning: createToolPinning({ home, serverCommand: command, mode: policy.policy.pinning }),
      ...(resultMasking ? { resultMasking } : {}),
    });
    // The audit trail is masked under the policy's masking when `masking.in` includes `audit`.
    const auditMasking = maskerLoad && masking.in.includes('audit') ? maskerLoad : undefined;
    const audit = await createAuditRecorder({
      home,
      durability,
      policy: { name: policy.name, hash: policy.hash },
      version: packageVersion(),
      ...(auditMasking
        ? {
            // Recording waits for the load; a masker that failed to load throws here, and the payload is not recorded.
            mask: (value: unknown) => {
              const masker = auditMasking.loaded();
              if (!masker) throw new Error('the masking engine did not load');
              return masker.maskValue(value);
            },
            loading: auditMasking,
          }
        : {}),
    });
    // A line dropped from either side is shown on stderr, which MCP clients keep in log files.
    return { chain, observers: [audit], identitySource, ...(masks ? { excerpt: redactExcerpt } : {}) };
  };

  const server = takeEarlyServer(command);
  return runSession({
    command,
    ...(server ? { server } : {}),
    setup,
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

function durabilityFromEnv(value: string | undefined): 'default' | 'strict' | undefined {
  return value === 'strict' || value === 'default' ? value : undefined;
}
