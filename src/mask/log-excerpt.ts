/**
 * What mcp-guard's own stderr may show of a line it dropped (a server's log
 * line on stdout, a malformed message) when the policy masks personal data.
 * MCP clients keep a server's stderr in log files, and servers print such
 * lines at start-up, before the masking engine has loaded: so every word
 * that holds a digit or an `@` is hidden whole. What is left tells what the
 * line was (`listening on […]`) and nothing of a number, an identifier or
 * an address.
 */
export function redactExcerpt(text: string): string {
  return text.replace(/[^\s]*[0-9@][^\s]*/g, '[…]');
}
