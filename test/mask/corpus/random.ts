/** A seeded PRNG (mulberry32) so the corpus is the same on every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export function int(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function digits(random: Random, count: number): string {
  let out = '';
  for (let k = 0; k < count; k++) out += String(int(random, 0, 9));
  return out;
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[int(random, 0, items.length - 1)]!;
}
