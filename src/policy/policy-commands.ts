/**
 * `mcp-guard policy check` and `mcp-guard policy test`: results to stdout
 * (they are the commands' data), exit code 1 on errors or failed cases.
 */
import { loadConfig } from '../config/config.js';
import { inspectPolicy, loadPolicy } from './load.js';
import { runPolicyTests } from './run-tests.js';

interface CommandOptions {
  json?: boolean;
  env?: NodeJS.ProcessEnv;
  out?: (text: string) => void;
}

/** Validates a policy and prints every problem; returns the exit code (1 on errors). */
export async function checkPolicyCommand(file: string, options: CommandOptions = {}): Promise<number> {
  const env = options.env ?? process.env;
  const out = options.out ?? ((text: string) => void process.stdout.write(text));
  const inspected = await inspectPolicy(file, { env, issuerConfigured: issuerConfigured(env) });
  const { policy, warnings, errors } = inspected.result;
  if (options.json) {
    out(`${JSON.stringify({ path: inspected.path, source: inspected.source, name: policy?.name ?? null, hash: inspected.hash, valid: errors.length === 0, errors, warnings }, null, 2)}\n`);
    return errors.length === 0 ? 0 : 1;
  }
  const lines = [
    ...errors.map((problem) => `error: ${problem}`),
    ...warnings.map((problem) => `warning: ${problem}`),
  ];
  if (policy) {
    lines.push(`ok: policy "${policy.name}" (${inspected.path}): ${policy.rules.length} rule${policy.rules.length === 1 ? '' : 's'}, ${policy.tests.length} test${policy.tests.length === 1 ? '' : 's'}, identity ${policy.identity.require}, pinning ${policy.pinning}, sha256 ${inspected.hash}`);
  } else {
    lines.push(`invalid: ${inspected.path}: ${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`);
  }
  out(`${lines.join('\n')}\n`);
  return errors.length === 0 ? 0 : 1;
}

/** Runs a policy's `tests:` cases and prints a pass/fail table; returns the exit code (1 when any fails). */
export async function testPolicyCommand(file: string, options: CommandOptions = {}): Promise<number> {
  const env = options.env ?? process.env;
  const out = options.out ?? ((text: string) => void process.stdout.write(text));
  const loaded = await loadPolicy(file, { env, issuerConfigured: issuerConfigured(env) });
  const results = runPolicyTests(loaded.policy);
  const failed = results.filter((result) => !result.passed).length;
  if (options.json) {
    out(`${JSON.stringify(results.map((r) => ({ name: r.case.name, passed: r.passed, expected: r.case.expect, got: r.decision })), null, 2)}\n`);
    return failed === 0 ? 0 : 1;
  }
  if (results.length === 0) {
    process.stderr.write(`mcp-guard: policy "${loaded.name}" has no tests: cases — add some under tests:\n`);
    return 0;
  }
  const rows = results.map((r) => [
    r.passed ? 'pass' : 'FAIL',
    r.case.name,
    [r.case.expect.action, r.case.expect.rule].filter(Boolean).join(' '),
    `${r.decision.action} ${r.decision.rule}`,
  ]);
  out(`${table([['RESULT', 'CASE', 'EXPECTED', 'GOT'], ...rows])}\n${results.length - failed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}

function issuerConfigured(env: NodeJS.ProcessEnv): boolean {
  return loadConfig(env).issuer !== undefined;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ')).join('\n');
}
