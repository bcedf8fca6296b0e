/**
 * Returns the memory of a large message to the system promptly.
 *
 * V8 frees large strings and buffers only at a major collection, which its
 * heuristics postpone while the heap is small; a burst of multi-megabyte
 * tool results would otherwise stack up several copies each (the line, its
 * text, the parsed value) before the next one. After a large message the
 * wrapper asks for one major collection on the next turn of the event loop,
 * at most once per turn: a few milliseconds against a message that took far
 * longer to move, and a peak RSS that stays near one message's worth.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Messages at least this large trigger a collection. */
export const LARGE_MESSAGE_BYTES = 1024 * 1024;

let collect: (() => void) | null | undefined;
let scheduled = false;
let youngGenerationHeld = false;

/** `gc()` for this process, made callable without `--expose-gc` on the command line; null where V8 refuses. */
export function collector(): (() => void) | null {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  return collect;
}

export function reclaimAfterLargeMessage(): void {
  if (scheduled) return;
  const gc = collector();
  if (!gc) return;
  scheduled = true;
  setImmediate(() => {
    scheduled = false;
    gc();
  });
}

/**
 * Stops V8 from growing its young generation any further, from the first
 * large message on. Masking one fills the pseudonym caches, whose entries
 * survive their first collections; V8 answers survivors by doubling the
 * young generation (8 -> 32 MB measured on a 4 MiB result) and keeps it.
 * By the first large message the young generation has grown to what the
 * small traffic needs, so collections of small messages do not change.
 * Best effort: where V8 refuses the flag, memory is merely higher.
 */
export function holdYoungGeneration(): void {
  if (youngGenerationHeld) return;
  youngGenerationHeld = true;
  try {
    setFlagsFromString('--semi-space-growth-factor=1');
  } catch {
    // Flags frozen after start-up: nothing to hold.
  }
}
