/**
 * Composes interceptors into one chain and runs a message through it. The
 * chain stays synchronous while every interceptor answers synchronously, so
 * the common case pays for no promise.
 */
import type { JsonRpcMessage } from './json-rpc.js';
import { FORWARD, type Interceptor, type MessageContext, type Verdict } from './interceptor.js';

export interface Chain {
  readonly interceptors: readonly Interceptor[];
  /** Runs `context` through every interceptor in order; the first `deny` stops it. */
  run(context: MessageContext): Verdict | Promise<Verdict>;
  /**
   * Whether a response to `method` keeps its long strings as bytes: every
   * interceptor takes it that way. Those nobody reads are checked without
   * being decoded, and pass as they came.
   */
  keepsLongStrings(method: string): boolean;
}

/** Checks what it composes: every part is an interceptor, names are unique. */
export function composeChain(interceptors: readonly Interceptor[]): Chain {
  const names = new Set<string>();
  for (const interceptor of interceptors) {
    if (typeof interceptor?.intercept !== 'function') throw new TypeError(`not an interceptor: ${String(interceptor?.name ?? interceptor)}`);
    if (names.has(interceptor.name)) throw new TypeError(`interceptor "${interceptor.name}" is in the chain twice`);
    names.add(interceptor.name);
  }
  const parts = [...interceptors];
  return {
    interceptors: parts,
    run: (context) => runFrom(parts, 0, context as Mutable<MessageContext>, undefined),
    keepsLongStrings: (method) => parts.every((part) => part.longStringUse?.(method) !== undefined),
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function runFrom(parts: Interceptor[], index: number, context: Mutable<MessageContext>, rewritten: JsonRpcMessage | undefined): Verdict | Promise<Verdict> {
  for (let i = index; i < parts.length; i += 1) {
    const verdict = (parts[i] as Interceptor).intercept(context);
    if (verdict instanceof Promise) {
      return verdict.then((settled) => (settled.action === 'deny' ? settled : runFrom(parts, i + 1, context, apply(settled, context, rewritten))));
    }
    if (verdict.action === 'deny') return verdict;
    rewritten = apply(verdict, context, rewritten);
  }
  // The shared verdict: a message nothing changed costs no object here.
  return rewritten === undefined ? FORWARD : { action: 'rewrite', message: rewritten };
}

/** The message as rewritten so far, after a verdict that is not a denial. */
function apply(verdict: Verdict, context: Mutable<MessageContext>, rewritten: JsonRpcMessage | undefined): JsonRpcMessage | undefined {
  if (verdict.action !== 'rewrite') return rewritten;
  // Later interceptors see the rewritten message (masking sees the filtered tools/list, ...).
  context.message = verdict.message;
  return verdict.message;
}
