import { createHmac } from 'node:crypto';

/** Distinct values remembered per masker; HMAC costs ~4 µs and values recur in tool output. */
const CACHE_LIMIT = 50_000;

/**
 * Keyed pseudonyms: `<type:8 hex>` where the hex is the first 8 of
 * HMAC-SHA256(key, type + ":" + normalised value). Stable for one value under
 * one organisation key, so an auditor can follow a data subject across
 * sessions; without the key the token cannot be linked back to the value
 * (short of guessing it, which is why the key must stay secret).
 */
export function createPseudonymizer(key: Uint8Array): (type: string, value: string) => string {
  const cache = new Map<string, string>();
  return (type, value) => {
    const input = `${type}:${value}`;
    let token = cache.get(input);
    if (token === undefined) {
      token = `<${type}:${createHmac('sha256', key).update(input, 'utf8').digest('hex').slice(0, 8)}>`;
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(input, token);
    }
    return token;
  };
}
