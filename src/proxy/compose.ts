/**
 * Composes interceptors into one chain and runs a message through it. The
 * chain stays synchronous while every interceptor answers synchronously, so
 * the common case pays for no promise.
 */
import type { JsonRpcMessage } from './json-rpc.js';
import type { Interceptor, MessageContext, Verdict } from './interceptor.js';

export interface Chain {
  readonly interceptors: readonly Interceptor[];
  /** Runs `context` through every interceptor in order; the first `deny` stops it. */
  run(context: MessageContext): Verdict | Promise<Verdict>;
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
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function runFrom(parts: Interceptor[], index: number, context: Mutable<MessageContext>, rewritten: JsonRpcMessage | undefined): Verdict | Promise<Verdict> {
  for (let i = index; i < parts.length; i += 1) {
    const verdict = (parts[i] as Interceptor).intercept(context);
    if (verdict instanceof Promise) {
      return verdict.then((settled) => {
        const next = apply(settled, context, rewritten);
        return next.done ? next.verdict : runFrom(parts, i + 1, context, next.rewritten);
      });
    }
    const next = apply(verdict, context, rewritten);
    if (next.done) return next.verdict;
    rewritten = next.rewritten;
  }
  return rewritten === undefined ? { action: 'forward' } : { action: 'rewrite', message: rewritten };
}

function apply(
  verdict: Verdict,
  context: Mutable<MessageContext>,
  rewritten: JsonRpcMessage | undefined,
): { done: true; verdict: Verdict } | { done: false; rewritten: JsonRpcMessage | undefined } {
  if (verdict.action === 'deny') return { done: true, verdict };
  if (verdict.action === 'rewrite') {
    // Later interceptors see the rewritten message (masking sees the filtered tools/list, ...).
    context.message = verdict.message;
    return { done: false, rewritten: verdict.message };
  }
  return { done: false, rewritten };
}
