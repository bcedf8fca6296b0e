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

/** `pseudonymToken` with a bounded cache of the tokens made (for values of up to CACHED_VALUE_CHARS). */
export function createPseudonymizer(key: Uint8Array): (type: string, value: string) => string {
  // One map per type, keyed by the value itself: no key string to build per lookup.
  const caches = new Map<string, Map<string, string>>();
  let size = 0;
  return (type, value) => {
    if (value.length > CACHED_VALUE_CHARS) return pseudonymToken(key, type, value);
    let cache = caches.get(type);
    if (cache === undefined) caches.set(type, (cache = new Map()));
    let token = cache.get(value);
    if (token === undefined) {
      token = pseudonymToken(key, type, value);
      if (size >= CACHE_LIMIT) {
        for (const typeCache of caches.values()) typeCache.clear();
        size = 0;
      }
      cache.set(value, token);
      size++;
    }
    return token;
  };
}
