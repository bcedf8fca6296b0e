import { createHmac } from 'node:crypto';

/** Distinct values remembered per masker; HMAC costs ~4 µs and values recur in tool output. */
export const CACHE_LIMIT = 50_000;

/** A longer value is not remembered (a field's value can be a whole document): the cache would hold it. */
const CACHED_VALUE_CHARS = 1024;

/**
 * Keyed pseudonyms: `<type:8 hex>` where the hex is the first 8 of
 * HMAC-SHA256(key, type + ":" + normalised value). Stable for one value under
 * one organisation key, so an auditor can follow a data subject across
 * sessions; without the key the token cannot be linked back to the value
 * (short of guessing it, which is why the key must stay secret).
 */
export function pseudonymToken(key: Uint8Array, type: string, value: string): string {
  return `<${type}:${createHmac('sha256', key).update(`${type}:${value}`, 'utf8').digest('hex').slice(0, 8)}>`;
}

/**
 * Tokens by type and value, at most CACHE_LIMIT of them (all are let go
 * when it is reached): one map per type, keyed by the value itself, so no
 * key string is built per lookup.
 */
export class TokenCache {
  private readonly byType = new Map<string, Map<string, string>>();
  private held = 0;

  get(type: string, value: string): string | undefined {
    return this.byType.get(type)?.get(value);
  }

  set(type: string, value: string, token: string): void {
    if (this.held >= CACHE_LIMIT) {
      for (const tokens of this.byType.values()) tokens.clear();
      this.held = 0;
    }
    let tokens = this.byType.get(type);
    if (tokens === undefined) this.byType.set(type, (tokens = new Map()));
    tokens.set(value, token);
    this.held++;
  }
}

/** `pseudonymToken` with a bounded cache of the tokens made (for values of up to CACHED_VALUE_CHARS). */
export function createPseudonymizer(key: Uint8Array): (type: string, value: string) => string {
  const cache = new TokenCache();
  return (type, value) => {
    if (value.length > CACHED_VALUE_CHARS) return pseudonymToken(key, type, value);
    let token = cache.get(type, value);
    if (token === undefined) {
      token = pseudonymToken(key, type, value);
      cache.set(type, value, token);
    }
    return token;
  };
}
