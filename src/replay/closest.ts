/**
 * Suggestions for a session id that does not exist: ids it is a prefix of
 * first, then the nearest by edit distance. Pure.
 */

/** Levenshtein distance (insert, delete, substitute each cost 1). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** Up to `limit` ids closest to `query`, closest first. */
export function closestIds(query: string, ids: readonly string[], limit = 5): string[] {
  const needle = query.toLowerCase();
  const ranked = ids.map((id) => {
    const lower = id.toLowerCase();
    // A prefix (what people type from a listing) beats any edit distance; compare like-length heads otherwise.
    const score = lower.startsWith(needle) ? -1 : editDistance(needle, lower.slice(0, Math.max(needle.length, 1)));
    return { id, score };
  });
  return ranked
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map((entry) => entry.id);
}

/** The id `query` names: itself, or the only id it is a prefix of; null otherwise. */
export function resolveSessionId(query: string, ids: readonly string[]): string | null {
  if (ids.includes(query)) return query;
  // Short prefixes are too easy to mistype into another session.
  if (query.length < 4) return null;
  const matches = ids.filter((id) => id.startsWith(query));
  return matches.length === 1 ? (matches[0] as string) : null;
}
