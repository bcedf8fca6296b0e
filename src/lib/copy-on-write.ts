/**
 * Copy-on-write rewriting of JSON values: a list or an object is copied only
 * when one of its items changes, and returned itself otherwise, so callers
 * can tell "unchanged" by identity and unchanged values cost no copy.
 */

/** `items` with each item replaced by `map(item, index)`: a copy where one changed, else `items` itself. */
export function mapItems<T>(items: readonly T[], map: (item: T, index: number) => T): T[] {
  let out: T[] | undefined;
  for (let index = 0; index < items.length; index++) {
    const item = items[index] as T;
    const mapped = map(item, index);
    if (mapped === item) continue;
    out ??= items.slice();
    out[index] = mapped;
  }
  return out ?? (items as T[]);
}

/** `object` with each member replaced by `map(key, member)`: a copy where one changed, else `object` itself. */
export function mapMembers(object: Record<string, unknown>, map: (key: string, member: unknown) => unknown): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const key of Object.keys(object)) {
    const member = object[key];
    const mapped = map(key, member);
    if (mapped === member) continue;
    out ??= { ...object };
    out[key] = mapped;
  }
  return out ?? object;
}

/** A copy of `object` with its members, in order, under `names` (one per key, in `Object.keys` order); a `__proto__` stays a member. */
export function renamedMembers(object: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const keys = Object.keys(object);
  const out: Record<string, unknown> = {};
  for (let k = 0; k < keys.length; k++) Object.defineProperty(out, names[k]!, { value: object[keys[k]!], writable: true, enumerable: true, configurable: true });
  return out;
}
