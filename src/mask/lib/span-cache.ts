/**
 * A bounded map from a span of a text, under a small integer kind, to a
 * value, looked up without building the span's string. Values recur in tool
 * output, and the obvious `Map<string, …>` keyed by a fresh slice made V8
 * hash (and first flatten) a new string on every lookup: that was the
 * largest single cost of masking dense text. Here the span is hashed and
 * compared in place, in the text's code units (`ScanInput.codeUnits`,
 * `Scan.codes`), where a read costs a fraction of a `charCodeAt`; keys are
 * copied into a code-unit arena, so a cached key never keeps a large text
 * alive. Cleared when `limit` keys are held.
 *
 * The hash is not keyed, and the values come from untrusted tool output:
 * spans crafted to collide could make every lookup walk one long cluster
 * (quadratic time). Probes are therefore capped at MAX_PROBES: a key that
 * finds no free slot that near is simply not cached, which costs its
 * recomputation and nothing else.
 */
const MAX_PROBES = 32;

export class SpanCache<V> {
  private slotMask: number;
  /**
   * The hash table: per slot, its entry (-1: empty slot). Entries are
   * numbered in insertion order and their fields (hash, key, kind, value)
   * kept in that order, apart from the table: values recur in the order
   * they first appeared, so consecutive lookups read neighbouring entries
   * and only the table is read at random. The table holds one number per
   * slot and grows with the entries (at most half full), so that it stays
   * in the processor's caches as long as it can.
   */
  private slots: Int32Array;
  /** Per entry: its hash, the arena offset of the key, its length and its kind. */
  private readonly entries: Int32Array;
  private readonly values: (V | undefined)[];
  private arena = new Uint16Array(1024);
  private arenaUsed = 0;
  private size = 0;

  constructor(private readonly limit: number) {
    this.slots = new Int32Array(MIN_SLOTS).fill(-1);
    this.slotMask = MIN_SLOTS - 1;
    this.entries = new Int32Array(limit * 4);
    this.values = new Array<V | undefined>(limit).fill(undefined);
  }

  /** The value stored for the span `codes[start, end)` under `kind`, or undefined. */
  get(kind: number, codes: Uint16Array, start: number, end: number): V | undefined {
    const { slots, entries, slotMask } = this;
    const hash = spanHash(kind, codes, start, end);
    const length = end - start;
    for (let slot = hash & slotMask, probes = 0; probes < MAX_PROBES; slot = (slot + 1) & slotMask, probes++) {
      const entry = slots[slot]!;
      if (entry === -1) return undefined;
      if (entries[4 * entry] === hash && entries[4 * entry + 2] === length && entries[4 * entry + 3] === kind && this.keyEquals(entries[4 * entry + 1]!, codes, start, length)) {
        return this.values[entry];
      }
    }
    return undefined;
  }

  /** Stores `value` for a span that `get` did not find (unless its slot's neighbourhood is full, see MAX_PROBES). */
  set(kind: number, codes: Uint16Array, start: number, end: number, value: V): void {
    if (this.size >= this.limit) this.clear();
    if (2 * (this.size + 1) > this.slots.length) this.grow();
    const hash = spanHash(kind, codes, start, end);
    if (!this.place(hash, this.size)) return;
    const length = end - start;
    if (this.arenaUsed + length > this.arena.length) {
      const grown = new Uint16Array(Math.max(this.arena.length * 2, this.arenaUsed + length));
      grown.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = grown;
    }
    this.arena.set(codes.subarray(start, end), this.arenaUsed);
    const entry = this.size++;
    const { entries } = this;
    entries[4 * entry] = hash;
    entries[4 * entry + 1] = this.arenaUsed;
    entries[4 * entry + 2] = length;
    entries[4 * entry + 3] = kind;
    this.values[entry] = value;
    this.arenaUsed += length;
  }

  /** Puts `entry` in the first free slot from its hash's; false when none is within MAX_PROBES. */
  private place(hash: number, entry: number): boolean {
    const { slots, slotMask } = this;
    let slot = hash & slotMask;
    for (let probes = 0; slots[slot] !== -1; slot = (slot + 1) & slotMask) {
      if (++probes >= MAX_PROBES) return false;
    }
    slots[slot] = entry;
    return true;
  }

  /** Doubles the table and places every entry anew (one that no longer finds a slot near its hash is dropped from the table). */
  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    this.slotMask = this.slots.length - 1;
    for (let entry = 0; entry < this.size; entry++) this.place(this.entries[4 * entry]!, entry);
  }

  private keyEquals(keyStart: number, codes: Uint16Array, start: number, length: number): boolean {
    const arena = this.arena;
    for (let k = 0; k < length; k++) if (arena[keyStart + k] !== codes[start + k]) return false;
    return true;
  }

  private clear(): void {
    this.slots = new Int32Array(MIN_SLOTS).fill(-1);
    this.slotMask = MIN_SLOTS - 1;
    this.values.fill(undefined);
    this.arenaUsed = 0;
    this.size = 0;
  }
}

/** The table's size when empty. */
const MIN_SLOTS = 1024;

/** FNV-1a over the kind and the span's UTF-16 code units. */
export function spanHash(kind: number, codes: Uint16Array, start: number, end: number): number {
  let hash = Math.imul(0x811c9dc5 ^ kind, 0x01000193);
  for (let k = start; k < end; k++) hash = Math.imul(hash ^ codes[k]!, 0x01000193);
  return hash;
}
