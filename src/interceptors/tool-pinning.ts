/**
 * Tool pinning: trust on first use for tool definitions. The first time a
 * server shows a tool, its fingerprint is pinned under `<home>/pins/`; when a
 * later `tools/list` shows a different definition under the same name, the
 * change is reported on stderr and, with `pinning: block`, the tool is hidden
 * and calls to it are refused.
 *
 * A changed definition is never re-pinned automatically, in either mode: a
 * rug pull must not become trusted by being seen twice. `mcp-guard pins
 * reset` accepts the new definitions.
 */
import type { PinningMode } from '../policy/policy.js';
import { isObject } from '../lib/is-object.js';
import { terminalSafe } from '../lib/terminal-safe.js';
import { addPins, fingerprintTool, pinFilePath, readPinFile, type PinFile, type ToolPin } from '../policy/pins.js';
import type { Interceptor, MessageContext, Verdict } from '../proxy/interceptor.js';
import { FORWARD } from '../proxy/interceptor.js';
import { toolErrorResponse, type JsonRpcRequest, type JsonRpcSuccess } from '../proxy/json-rpc.js';
import { APPROVAL_NOTE } from './policy-gate.js';

export interface ToolPinningOptions {
  home: string;
  serverCommand: readonly string[];
  mode: PinningMode;
  /** Where warnings go (default: stderr). */
  log?: (line: string) => void;
  now?: () => number;
}

/** Creates the pinning interceptor for one session (a no-op with `mode: off`). */
export function createToolPinning(options: ToolPinningOptions): Interceptor {
  const { home, serverCommand, mode } = options;
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const now = options.now ?? Date.now;
  const path = pinFilePath(home, serverCommand);
  const server = serverCommand.join(' ');
  let pins: PinFile | undefined;
  /** Tools whose changed definition this session has already reported. */
  const reported = new Set<string>();
  /** With `block`: tools whose current definition differs from the pin. */
  const blocked = new Map<string, string>();

  async function loadPins(): Promise<PinFile> {
    pins ??= await readPinFile(path, serverCommand);
    return pins;
  }

  async function checkToolList(context: MessageContext, message: JsonRpcSuccess): Promise<Verdict> {
    const tools = message.result.tools;
    if (!Array.isArray(tools)) return FORWARD;
    const current = await loadPins();
    // Null prototype: tool names are the server's, and `__proto__` is a legal one.
    const additions: Record<string, ToolPin> = Object.create(null) as Record<string, ToolPin>;
    const changed: string[] = [];
    const kept: unknown[] = [];
    for (const tool of tools) {
      if (!isObject(tool) || typeof tool.name !== 'string') {
        kept.push(tool);
        continue;
      }
      const fingerprint = fingerprintTool(withoutApprovalNote(tool));
      const pin = Object.hasOwn(current.tools, tool.name) ? current.tools[tool.name] : undefined;
      if (!pin) {
        additions[tool.name] = { fingerprint, pinnedAt: new Date(now()).toISOString() };
        kept.push(tool);
        continue;
      }
      if (pin.fingerprint === fingerprint) {
        blocked.delete(tool.name);
        kept.push(tool);
        continue;
      }
      changed.push(tool.name);
      if (!reported.has(tool.name)) {
        reported.add(tool.name);
        log(changeWarning(tool.name, pin, server, mode));
      }
      if (mode === 'block') blocked.set(tool.name, pin.pinnedAt);
      else kept.push(tool);
    }
    if (Object.keys(additions).length > 0) {
      pins = await addPins(path, serverCommand, additions);
      context.notes.pinsAdded = Object.keys(additions);
    }
    if (changed.length > 0) context.notes.toolsChanged = changed;
    if (mode !== 'block' || kept.length === tools.length) return FORWARD;
    return { action: 'rewrite', message: { ...message, result: { ...message.result, tools: kept } } };
  }

  return {
    name: 'tool-pinning',
    async start(): Promise<void> {
      if (mode !== 'off') await loadPins();
    },
    // Of the responses, only tools/list's strings are read (below).
    longStringUse: (method: string): 'ignores' | undefined => (method === 'tools/list' ? undefined : 'ignores'),
    intercept(context: MessageContext): Verdict | Promise<Verdict> {
      if (mode === 'off') return FORWARD;
      const { direction, kind, message } = context;
      if (kind === 'response' && direction === 'to-client' && context.request?.method === 'tools/list' && 'result' in message) {
        return checkToolList(context, message);
      }
      if (kind === 'request' && direction === 'to-server' && blocked.size > 0 && (message as JsonRpcRequest).method === 'tools/call') {
        const request = message as JsonRpcRequest;
        const name = request.params?.name;
        const pinnedAt = typeof name === 'string' ? blocked.get(name) : undefined;
        if (pinnedAt !== undefined) {
          context.notes.decision = { action: 'deny', rule: 'pinning', reason: `tool definition changed since it was pinned on ${pinnedAt}` };
          return {
            action: 'deny',
            reply: toolErrorResponse(
              request.id,
              `mcp-guard refused the call to tool "${String(name)}": its definition changed since it was pinned on ${day(pinnedAt)}, and the policy blocks changed tools (pinning: block). A person must review the change and run \`mcp-guard pins reset\`.`,
            ),
          };
        }
      }
      return FORWARD;
    },
  };
}

function changeWarning(tool: string, pin: ToolPin, server: string, mode: PinningMode): string {
  // The name is the server's own, and MCP clients keep stderr in log files: shown, never acted on.
  const name = terminalSafe(tool);
  const consequence = mode === 'block' ? 'it is hidden and calls to it are refused (pinning: block)' : 'it is still offered (pinning: warn)';
  return `mcp-guard: warning: tool "${name}" changed since it was pinned on ${day(pin.pinnedAt)} (server: ${server}); ${consequence} — review the new definition, then run \`mcp-guard pins reset --tool ${name} -- ${server}\` to accept it`;
}

function day(iso: string): string {
  return iso.slice(0, 10);
}

/** The definition as the server sent it: the policy gate may have appended its approval note. */
function withoutApprovalNote(tool: Record<string, unknown>): Record<string, unknown> {
  if (typeof tool.description !== 'string' || !tool.description.endsWith(APPROVAL_NOTE)) return tool;
  const description = tool.description.slice(0, -APPROVAL_NOTE.length);
  return { ...tool, description: description === '' ? undefined : description };
}
