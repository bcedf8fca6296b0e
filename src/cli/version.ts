import { readFileSync } from 'node:fs';

/** mcp-guard's version, from package.json (read once). */
export function packageVersion(): string {
  const url = new URL('../../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}
