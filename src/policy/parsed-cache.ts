/**
 * Parsed policy documents, remembered by the SHA-256 of the file's bytes.
 *
 * Loading the YAML library costs about 50 ms, a third of what mcp-guard adds
 * to a server's start-up, and MCP clients start their servers on every
 * launch with the same policy. A document parsed once is stored as JSON under
 * `<home>/cache/`; the next start with byte-identical policy text reads that
 * instead. Only the parse is skipped: the document is validated and compiled
 * on every start, so a cached entry can never make a policy say more than
 * its text. Entries are written only when JSON holds the document exactly
 * (YAML's `.inf` and `.nan` do not survive JSON), and every failure to read
 * or write one just falls back to parsing.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

function entryPath(directory: string, hash: string): string {
  return join(directory, `policy-${hash}.json`);
}

/** The document parsed from text with SHA-256 `hash`, or undefined when none is stored. */
export function readParsedPolicy(directory: string, hash: string): unknown {
  try {
    return JSON.parse(readFileSync(entryPath(directory, hash), 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Stores the document parsed from text with SHA-256 `hash` (best effort; 0600, written whole or not at all). */
export function rememberParsedPolicy(directory: string, hash: string, document: unknown): void {
  try {
    const json = JSON.stringify(document);
    if (json === undefined || !isDeepStrictEqual(JSON.parse(json), document)) return;
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    const path = entryPath(directory, hash);
    const partial = `${path}.${process.pid}.tmp`;
    writeFileSync(partial, json, { mode: 0o600 });
    renameSync(partial, path);
  } catch {
    // A cache that cannot be written only costs the next start its parse.
  }
}
