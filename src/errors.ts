/**
 * Every local error mcp-guard raises, in one place, with a stable string code.
 *
 * Two tiers, as in the MCP SDK: errors that cross the wire are JSON-RPC error
 * objects built in `proxy/json-rpc.ts`; the errors here are local ones that
 * reach a person through stderr. Each message says what was expected, what
 * came, and the fix.
 */

export type GuardErrorCode =
  | 'GUARD_USAGE'
  | 'GUARD_CONFIG_INVALID'
  | 'GUARD_POLICY_INVALID'
  | 'GUARD_POLICY_DENIED'
  | 'GUARD_SPAWN_FAILED'
  | 'GUARD_IDENTITY_REQUIRED'
  | 'GUARD_LOGIN_FAILED'
  | 'GUARD_CREDENTIALS_UNAVAILABLE'
  | 'GUARD_AUDIT_IO'
  | 'GUARD_AUDIT_TAMPERED'
  | 'GUARD_SESSION_NOT_FOUND'
  | 'GUARD_MASK_CONFIG';

export class GuardError extends Error {
  readonly code: GuardErrorCode;
  /** Process exit code a CLI command should end with when this error escapes it. */
  readonly exitCode: number;

  constructor(code: GuardErrorCode, message: string, options: { cause?: unknown; exitCode?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GuardError';
    this.code = code;
    this.exitCode = options.exitCode ?? (code === 'GUARD_USAGE' ? 2 : 1);
  }
}

/** A usage error: exits 2, message ends with how to call the command right. */
export function usageError(message: string): GuardError {
  return new GuardError('GUARD_USAGE', message, { exitCode: 2 });
}

export function isGuardError(error: unknown): error is GuardError {
  return error instanceof GuardError;
}
