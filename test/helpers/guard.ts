/**
 * Test helpers: a temporary MCP_GUARD_HOME, and an official SDK client
 * connected to a server through the built CLI (`node bin/mcp-guard ... -- <server>`).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

/** The repository root (dist/test/helpers → ../../..). */
export const ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
export const BIN = join(ROOT, 'bin', 'mcp-guard');
/** Path of a compiled fixture server: `fixture('flood-server')`. */
export function fixture(name: string): string {
  return join(ROOT, 'dist', 'test', 'fixtures', `${name}.js`);
}
/** A reference server's bin from node_modules, e.g. `referenceServer('mcp-server-everything')`. */
export function referenceServer(bin: string): string {
  return join(ROOT, 'node_modules', '.bin', bin);
}

export function tempHome(prefix = 'mcp-guard-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface GuardConnection {
  client: Client;
  transport: StdioClientTransport;
  /** Everything mcp-guard (and the server) wrote to stderr so far. */
  stderr(): string;
  /** Closes the client and waits for mcp-guard to exit. */
  close(): Promise<void>;
}

export interface ConnectOptions {
  guardArgs?: string[];
  server: string[];
  env?: Record<string, string>;
  /** Variables of this process's environment that the spawned process does not get. */
  unsetEnv?: readonly string[];
  /** Client capabilities (e.g. `{ sampling: {} }`). */
  capabilities?: Record<string, unknown>;
  /** Connect directly, without mcp-guard (for comparisons). */
  direct?: boolean;
}

export async function connectThroughGuard(options: ConnectOptions): Promise<GuardConnection> {
  const [command, args] = options.direct
    ? [options.server[0] as string, options.server.slice(1)]
    : [process.execPath, [BIN, ...(options.guardArgs ?? []), '--', ...options.server]];
  const env: Record<string, string> = { ...(process.env as Record<string, string>), ...options.env };
  for (const name of options.unsetEnv ?? []) delete env[name];
  const transport = new StdioClientTransport({
    command,
    args,
    env,
    stderr: 'pipe',
    // The SDK caps a client's read buffer at 10 MiB by default; large-result tests need more.
    maxBufferSize: 96 * 1024 * 1024,
  } as ConstructorParameters<typeof StdioClientTransport>[0]);
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const client = new Client({ name: 'mcp-guard-test', version: '1.0.0' }, { capabilities: options.capabilities ?? {} });
  await client.connect(transport);
  return {
    client,
    transport,
    stderr: () => stderr,
    close: async () => {
      await client.close();
    },
  };
}
