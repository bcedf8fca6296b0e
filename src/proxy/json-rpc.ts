/**
 * JSON-RPC 2.0 message shapes as MCP uses them, classification of untrusted
 * input, and the error objects mcp-guard itself puts on the wire.
 *
 * @see https://www.jsonrpc.org/specification
 * @see https://modelcontextprotocol.io/specification/2025-06-18/basic
 */

export type JsonRpcId = string | number;

export interface JsonRpcRequest {
  jsonrpc: '2.0';
  id: JsonRpcId;
  method: string;
  params?: Record<string, unknown>;
}

export interface JsonRpcNotification {
  jsonrpc: '2.0';
  method: string;
  params?: Record<string, unknown>;
}

export interface JsonRpcSuccess {
  jsonrpc: '2.0';
  id: JsonRpcId;
  result: Record<string, unknown>;
}

export interface JsonRpcErrorObject {
  code: number;
  message: string;
  data?: unknown;
}

export interface JsonRpcFailure {
  jsonrpc: '2.0';
  id: JsonRpcId | null;
  error: JsonRpcErrorObject;
}

export type JsonRpcResponse = JsonRpcSuccess | JsonRpcFailure;
export type JsonRpcMessage = JsonRpcRequest | JsonRpcNotification | JsonRpcResponse;
export type MessageKind = 'request' | 'notification' | 'response';

/** Wire error codes (JSON-RPC reserved range plus MCP's own). */
export const ErrorCode = {
  ParseError: -32700,
  InvalidRequest: -32600,
  MethodNotFound: -32601,
  InvalidParams: -32602,
  InternalError: -32603,
  /** The server went away before it answered (mcp-guard's own, in the server-error range). */
  ServerGone: -32000,
  /** A message exceeded the configured line cap. */
  MessageTooLarge: -32001,
  /** mcp-guard refused the request by policy (for non-tool methods). */
  PolicyDenied: -32003,
} as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is JsonRpcId {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/**
 * Classifies one parsed JSON value. Untrusted input: anything that is not a
 * well-formed JSON-RPC 2.0 request, notification or response yields `null`.
 */
export function classifyMessage(value: unknown): { kind: MessageKind; message: JsonRpcMessage } | null {
  if (!isPlainObject(value) || value.jsonrpc !== '2.0') return null;
  if (value.params !== undefined && !isPlainObject(value.params) && !Array.isArray(value.params)) return null;
  if (typeof value.method === 'string') {
    if ('id' in value) {
      if (!isId(value.id)) return null;
      return { kind: 'request', message: value as unknown as JsonRpcRequest };
    }
    return { kind: 'notification', message: value as unknown as JsonRpcNotification };
  }
  if ('result' in value && isId(value.id) && !('error' in value)) {
    return { kind: 'response', message: value as unknown as JsonRpcSuccess };
  }
  if ('error' in value && (isId(value.id) || value.id === null) && !('result' in value)) {
    const error = value.error;
    if (!isPlainObject(error) || typeof error.code !== 'number' || typeof error.message !== 'string') return null;
    return { kind: 'response', message: value as unknown as JsonRpcFailure };
  }
  return null;
}

export function errorResponse(id: JsonRpcId | null, code: number, message: string, data?: unknown): JsonRpcFailure {
  const error: JsonRpcErrorObject = { code, message };
  if (data !== undefined) error.data = data;
  return { jsonrpc: '2.0', id, error };
}

/**
 * A tools/call result that reports a failure to the agent (MCP "tool error":
 * `isError: true`), which agents read and act on, unlike a protocol error.
 */
export function toolErrorResponse(id: JsonRpcId, text: string): JsonRpcSuccess {
  return { jsonrpc: '2.0', id, result: { content: [{ type: 'text', text }], isError: true } };
}

/** Map key for a request id: ids 1 and "1" are different requests. */
export function idKey(id: JsonRpcId): string {
  return typeof id === 'number' ? `n:${id}` : `s:${id}`;
}
