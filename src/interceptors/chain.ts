/**
 * The one place that shows the order of interception. Identity is resolved
 * by the session before the first message; then, for every message:
 * policy gate → tool pinning → result masking. The audit recorder is an
 * observer and sees the outcome of all of them.
 */
import { type Chain, composeChain } from '../proxy/compose.js';
import type { Interceptor } from '../proxy/interceptor.js';

export interface GuardInterceptors {
  policyGate?: Interceptor;
  toolPinning?: Interceptor;
  resultMasking?: Interceptor;
}

export function guardChain(parts: GuardInterceptors): Chain {
  const ordered = [parts.policyGate, parts.toolPinning, parts.resultMasking].filter((part): part is Interceptor => part !== undefined);
  return composeChain(ordered);
}
