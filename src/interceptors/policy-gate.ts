/**
 * The policy gate: decides every message that can touch data before it
 * reaches the other side, and shapes `tools/list` so the agent only sees what
 * it may call.
 *
 * - client → server `tools/call`, `resources/read`, `prompts/get`;
 *   server → client `sampling/createMessage`, `elicitation/create`,
 *   `roots/list`: evaluated; a denied request is answered here and never
 *   forwarded (tools/call with a tool error the agent can read, the others
 *   with a JSON-RPC error).
 * - `tools/list` results: tools every call to which would be denied are
 *   removed; tools that need approval say so in their description.
 * - `notifications/tools/list_changed` is forwarded: the client lists again,
 *   and the new list goes through the same filter (and the pinning check).
 *
 * `approve` fails closed until the approval flow exists.
 *
 * @see ../../../shared/DESIGN.md "Policy"
 */
import type { Identity, IdentityResolution } from '../identity/identity.js';
import { evaluate, toolVisibility, type PolicyRequest } from '../policy/evaluate.js';
import { isObject } from '../lib/is-object.js';
import type { LoadedPolicy } from '../policy/load.js';
import { resolveRoles } from '../policy/roles.js';
import type { Decision, Interceptor, MessageContext, SessionState, Verdict } from '../proxy/interceptor.js';
import { FORWARD } from '../proxy/interceptor.js';
import { ErrorCode, errorResponse, toolErrorResponse, type JsonRpcRequest, type JsonRpcSuccess } from '../proxy/json-rpc.js';

/**
 * Appended to the description of tools that need a reviewer's approval.
 * Tool pinning strips it before fingerprinting, so a policy change does not
 * look like a changed tool.
 */
export const APPROVAL_NOTE = "\n\n[mcp-guard: calls to this tool need a reviewer's approval]";

/** Client → server requests the gate decides, and how each names its target. */
const TO_SERVER_TARGETS = new Map([
  ['tools/call', 'name'],
  ['prompts/get', 'name'],
  ['resources/read', 'uri'],
]);
/** Server → client requests the gate decides. */
const TO_CLIENT_GATED = new Set(['sampling/createMessage', 'elicitation/create', 'roots/list']);

/** Creates the policy gate for one session. */
export function createPolicyGate(loaded: LoadedPolicy): Interceptor {
  const { policy } = loaded;

  function decide(context: MessageContext, request: PolicyRequest): Decision {
    const decision = evaluate(policy, request);
    context.notes.decision = decision;
    if (request.identity) {
      // The roles the decision was made with, for the audit trail.
      context.notes.roles = resolveRoles(request.identity, policy.identity.roles);
    }
    return decision;
  }

  function gateToServer(context: MessageContext, message: JsonRpcRequest, identity: Identity | null): Verdict {
    const params = message.params ?? {};
    const targetValue = params[TO_SERVER_TARGETS.get(message.method) as string];
    // A malformed target still gets a decision (the default, or catch-all rules): never a free pass.
    let target = typeof targetValue === 'string' ? targetValue : '';
    // URI schemes are case-insensitive: `SECRET://keys` must meet the rules written for `secret://*`.
    if (message.method === 'resources/read') target = target.replace(/^[a-zA-Z][a-zA-Z0-9+.-]*:/, (scheme) => scheme.toLowerCase());
    const args = isObject(params.arguments) ? params.arguments : undefined;
    const request: PolicyRequest = { identity, method: message.method, tool: target };
    if (args) request.arguments = args;
    if (message.method === 'tools/call') context.notes.tool = target;
    const decision = decide(context, request);
    if (decision.action === 'allow') return FORWARD;
    const text = refusalText(loaded, decision, message.method, target, context.session);
    if (message.method === 'tools/call') return { action: 'deny', reply: toolErrorResponse(message.id, text) };
    return { action: 'deny', reply: errorResponse(message.id, ErrorCode.PolicyDenied, text, { rule: decision.rule, action: decision.action }) };
  }

  return {
    name: 'policy-gate',
    // Of the responses, only tools/list's strings are read (below).
    longStringUse: (method: string): 'ignores' | undefined => (method === 'tools/list' ? undefined : 'ignores'),
    intercept(context: MessageContext): Verdict | Promise<Verdict> {
      const { direction, kind, message } = context;
      if (kind === 'request' && direction === 'to-server') {
        const request = message as JsonRpcRequest;
        if (!TO_SERVER_TARGETS.has(request.method)) return FORWARD;
        // Refresh per decided request: tokens expire or are revoked mid-session, and the source refreshes them cheaply.
        const fresh = context.session.identitySource.peek?.();
        if (fresh) return gateToServer(context, request, adoptIdentity(context.session, fresh));
        return refreshIdentity(context.session).then((identity) => gateToServer(context, request, identity));
      }
      if (kind === 'request' && direction === 'to-client') {
        const request = message as JsonRpcRequest;
        if (!TO_CLIENT_GATED.has(request.method)) return FORWARD;
        const decision = decide(context, { identity: context.session.identity, method: request.method });
        if (decision.action === 'allow') return FORWARD;
        const text = refusalText(loaded, decision, request.method, '', context.session);
        return { action: 'deny', reply: errorResponse(request.id, ErrorCode.PolicyDenied, text, { rule: decision.rule, action: decision.action }) };
      }
      if (kind === 'response' && direction === 'to-client' && context.request?.method === 'tools/list' && 'result' in message) {
        return filterToolList(message, context.session.identity);
      }
      return FORWARD;
    },
  };

  function filterToolList(message: JsonRpcSuccess, identity: Identity | null): Verdict {
    const tools = message.result.tools;
    if (!Array.isArray(tools)) return FORWARD;
    let changed = false;
    const shown: unknown[] = [];
    for (const tool of tools) {
      if (!isObject(tool) || typeof tool.name !== 'string') {
        shown.push(tool);
        continue;
      }
      const visibility = toolVisibility(policy, identity, tool.name);
      if (visibility === 'hidden') {
        changed = true;
      } else if (visibility === 'approval') {
        changed = true;
        const description = typeof tool.description === 'string' ? tool.description : '';
        shown.push({ ...tool, description: `${description}${APPROVAL_NOTE}` });
      } else {
        shown.push(tool);
      }
    }
    if (!changed) return FORWARD;
    return { action: 'rewrite', message: { ...message, result: { ...message.result, tools: shown } } };
  }
}

function adoptIdentity(session: SessionState, resolution: IdentityResolution): Identity | null {
  session.identity = resolution.identity;
  session.identityProblem = resolution.reason;
  return session.identity;
}

async function refreshIdentity(session: SessionState): Promise<Identity | null> {
  try {
    const resolution = await session.identitySource.current();
    session.identity = resolution.identity;
    session.identityProblem = resolution.reason;
  } catch (error) {
    // Sources promise not to throw; if one does, decide with what we had and say why.
    session.identityProblem = `the identity source failed: ${(error as Error).message}`;
  }
  return session.identity;
}

/** The text the refused party reads: what was refused, by which policy and rule, why, and what to do. */
function refusalText(loaded: LoadedPolicy, decision: Decision, method: string, target: string, session: SessionState): string {
  const what = method === 'tools/call' ? `tool "${target}"` : target === '' ? method : `${method} of "${target}"`;
  const where = `policy "${loaded.name}", rule ${decision.rule}`;
  if (decision.rule === 'identity.require') {
    const problem = session.identityProblem ? ` (${session.identityProblem})` : '';
    return `mcp-guard refused the call to ${what}: ${where} requires a verified identity${problem} — run \`mcp-guard login\`, then try again.`;
  }
  const reason = decision.reason ? `: ${decision.reason}` : '';
  if (decision.action === 'approve') {
    return `mcp-guard refused the call to ${what}: it needs a reviewer's approval (${where}${reason}). Approvals are not available yet, so the call was not made — ask a reviewer to run it, or change the policy.`;
  }
  return `mcp-guard refused the call to ${what}: denied by ${where}${reason}.`;
}
