/**
 * A bounded map from a span of a text, under a small integer kind, to a
 * value, looked up without building the span's string. Values recur in tool
 * output, and the obvious `Map<string, …>` keyed by a fresh slice made V8
 * hash (and first flatten) a new string on every lookup: that was the
 * largest single cost of masking dense text. Here the span is hashed and
 * compared in place; keys are copied into a char-code arena, so a cached key
 * never keeps a large text alive. Cleared when `limit` keys are held.
 *
 * The hash is not keyed, and the values come from untrusted tool output:
 * spans crafted to collide could make every lookup walk one long cluster
 * (quadratic time). Probes are therefore capped at MAX_PROBES: a key that
 * finds no free slot that near is simply not cached, which costs its
 * recomputation and nothing else.
 */
const MAX_PROBES = 32;

export class SpanCache<V> {
  private readonly slotMask: number;
  /** Arena offset of each slot's key, -1 for an empty slot. */
  private readonly keyStarts: Int32Array;
  private readonly keyLengths: Int32Array;
  private readonly hashes: Int32Array;
  private readonly kinds: Int32Array;
  private readonly values: (V | undefined)[];
  private arena = new Uint16Array(1024);
  private arenaUsed = 0;
  private size = 0;

  constructor(private readonly limit: number) {
    // Power-of-two slots at most half full: short linear probes.
    let slots = 16;
    while (slots < limit * 2) slots *= 2;
    this.slotMask = slots - 1;
    this.keyStarts = new Int32Array(slots).fill(-1);
    this.keyLengths = new Int32Array(slots);
    this.hashes = new Int32Array(slots);
    this.kinds = new Int32Array(slots);
    this.values = new Array<V | undefined>(slots).fill(undefined);
  }

  /** The value stored for `text[start, end)` under `kind`, or undefined. */
  get(kind: number, text: string, start: number, end: number): V | undefined {
    const hash = spanHash(kind, text, start, end);
    const length = end - start;
    for (let slot = hash & this.slotMask, probes = 0; this.keyStarts[slot] !== -1 && probes < MAX_PROBES; slot = (slot + 1) & this.slotMask, probes++) {
      if (this.hashes[slot] === hash && this.kinds[slot] === kind && this.keyLengths[slot] === length && this.keyEquals(this.keyStarts[slot]!, text, start, length)) {
        return this.values[slot];
      }
    }
    return undefined;
  }

  /** Stores `value` for a span that `get` did not find (unless its slot's neighbourhood is full, see MAX_PROBES). */
  set(kind: number, text: string, start: number, end: number, value: V): void {
    if (this.size >= this.limit) this.clear();
    const hash = spanHash(kind, text, start, end);
    const length = end - start;
    let slot = hash & this.slotMask;
    for (let probes = 0; this.keyStarts[slot] !== -1; slot = (slot + 1) & this.slotMask) {
      if (++probes >= MAX_PROBES) return;
    }
    if (this.arenaUsed + length > this.arena.length) {
      const grown = new Uint16Array(Math.max(this.arena.length * 2, this.arenaUsed + length));
      grown.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = grown;
    }
    for (let k = 0; k < length; k++) this.arena[this.arenaUsed + k] = text.charCodeAt(start + k);
    this.keyStarts[slot] = this.arenaUsed;
    this.arenaUsed += length;
    this.keyLengths[slot] = length;
    this.hashes[slot] = hash;
    this.kinds[slot] = kind;
    this.values[slot] = value;
    this.size++;
  }

  private keyEquals(keyStart: number, text: string, start: number, length: number): boolean {
    for (let k = 0; k < length; k++) if (this.arena[keyStart + k] !== text.charCodeAt(start + k)) return false;
    return true;
  }

  private clear(): void {
    this.keyStarts.fill(-1);
    this.values.fill(undefined);
    this.arenaUsed = 0;
    this.size = 0;
  }
}

/** FNV-1a over the kind and the span's UTF-16 code units. */
export function spanHash(kind: number, text: string, start: number, end: number): number {
  let hash = Math.imul(0x811c9dc5 ^ kind, 0x01000193);
  for (let k = start; k < end; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193);
  return hash;
}
