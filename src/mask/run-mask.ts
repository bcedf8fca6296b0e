/**
 * `mcp-guard mask`: reads stdin, masks it with the active policy's masking
 * (or prints the findings with `--json`), so a user can see what a policy
 * does to their own data before relying on it.
 */
import type { MaskOptions } from '../cli/mask.js';
import { loadConfig } from '../config/config.js';
import { resolveHome } from '../config/home.js';
import { loadPolicy } from '../policy/load.js';
import { createMasker } from './masker.js';
import { loadMaskingKey } from './masking-key.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Masks stdin to stdout. Input that is one JSON document is parsed, so field
 * names (`first_name`) apply too; anything else is scanned as text. With
 * `json`, prints `{ findings: [{type, start, end}], counts }`: spans found by
 * the detectors in the raw input (UTF-16 offsets), and counts of everything
 * that would be masked, field names included. A summary goes to stderr.
 */
export async function runMask(options: MaskOptions, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = loadConfig(env);
  const loaded = await loadPolicy(options.policy, { env, configPolicy: config.policy, issuerConfigured: config.issuer !== undefined });
  for (const warning of loaded.warnings) process.stderr.write(`mcp-guard: policy ${loaded.name}: ${warning}\n`);
  const masking = { ...loaded.policy.masking, style: options.style ?? loaded.policy.masking.style };
  const key = loadMaskingKey({ home: resolveHome(env), configured: config.maskingKey, env });
  const masker = createMasker(masking, key);

  const input = await readStdin();
  const masked = masker.maskValue(input);
  const total = Object.values(masked.findings).reduce((sum, count) => sum + count, 0);
  if (options.json === true) {
    process.stdout.write(`${JSON.stringify({ findings: masker.findAll(input), counts: masked.findings })}\n`);
  } else {
    process.stdout.write(masked.value as string);
  }
  const summary = Object.entries(masked.findings).map(([type, count]) => `${type} ${count}`).join(', ');
  process.stderr.write(`mcp-guard: policy ${loaded.name}, style ${masking.style}: ${total} finding${total === 1 ? '' : 's'}${total > 0 ? ` (${summary})` : ''}\n`);
}
