/**
 * The masking engine, loaded in the background once something asks for it.
 *
 * Its modules (the phone numbering plans above all) take ~150 ms of the main
 * thread to load. Loaded during start-up they hold up the client's
 * `initialize`; loaded right after it, they are ready long before the first
 * tool result needs them. Whoever needs the masker calls `start()`; whoever
 * can wait for someone else to start it waits on `ready`.
 */
import type { MaskingPolicy } from '../policy/policy.js';
import type { Masker } from './masker.js';

export interface MaskerLoad {
  /** Settles with the masker once it has loaded; does not start the load. */
  readonly ready: Promise<Masker>;
  /** Starts the load unless it has started; returns `ready`. */
  start(): Promise<Masker>;
  /** The masker once it has loaded, else undefined: for callers that must not wait. */
  loaded(): Masker | undefined;
}

export function loadMaskerLater(policy: MaskingPolicy, key: Uint8Array): MaskerLoad {
  let resolve!: (masker: Masker) => void;
  let reject!: (error: unknown) => void;
  const ready = new Promise<Masker>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Each user reports a failure where it matters (a withheld result, an unrecorded payload).
  ready.catch(() => undefined);
  let started = false;
  let masker: Masker | undefined;
  return {
    ready,
    start() {
      if (!started) {
        started = true;
        import('./masker.js')
          .then(({ createMasker }) => (masker = createMasker(policy, key)))
          .then(resolve, reject);
      }
      return ready;
    },
    loaded: () => masker,
  };
}
