import { trimmed } from './grow.js';

/** Runs of more digits than this share one list (no detector reads runs by length beyond a few digits). */
const LONGEST_LISTED = 24;

/**
 * A text's digit runs (`TextIndex.digitRuns`) listed by length, each list in
 * text order: sorted by a count of each length, once per text, when a
 * detector first asks. A detector whose numbers start with a run of one or
 * two lengths (a Finnish code's six digits, a DNI's eight) visits those runs
 * only, where it tested every run's length: on dense text a fifth of the
 * runs or fewer.
 */
export class RunsByLength {
  /** Offsets in the runs (of the start of each pair), by length. */
  private ordered = new Int32Array(64);
  /** Where the runs of each length start in `ordered` (those of one digit fewer end there). */
  private readonly starts = new Int32Array(LONGEST_LISTED + 3);
  /** Scratch of `sort`: where the next run of each length goes. */
  private readonly next = new Int32Array(LONGEST_LISTED + 3);
  /** The runs of two lengths merged in text order (see `ofLengths`). */
  merged = new Int32Array(64);
  private runs: Int32Array = new Int32Array(0);
  private sorted = false;

  /** Takes the runs of a new text. */
  reset(runs: Int32Array): void {
    this.runs = runs;
    this.sorted = false;
  }

  /** Where the runs of `length` digits start in `at`'s order; they end where those of `length + 1` start. */
  start(length: number): number {
    if (!this.sorted) this.sort();
    return this.starts[Math.min(Math.max(length, 1), LONGEST_LISTED + 2)]!;
  }

  /** The offset in the runs (of the start of its pair) of the run at `position` of the order by length. */
  at(position: number): number {
    return this.ordered[position]!;
  }

  /**
   * Puts the offsets of the runs of `first` or `second` digits into
   * `merged`, in text order, and returns how many there are: a detector's
   * findings stay in text order, which the scanner then need not sort.
   */
  ofLengths(first: number, second: number): number {
    let a = this.start(first);
    const aEnd = this.start(first + 1);
    let b = this.start(second);
    const bEnd = this.start(second + 1);
    if (this.merged.length < aEnd - a + bEnd - b) this.merged = new Int32Array(2 * (aEnd - a + bEnd - b));
    const { ordered, merged } = this;
    let count = 0;
    while (a < aEnd && b < bEnd) merged[count++] = ordered[a]! < ordered[b]! ? ordered[a++]! : ordered[b++]!;
    while (a < aEnd) merged[count++] = ordered[a++]!;
    while (b < bEnd) merged[count++] = ordered[b++]!;
    return count;
  }

  /** Lets go of the buffers a large text grew (see `KEEP_ENTRIES`). */
  release(): void {
    this.ordered = trimmed(this.ordered);
    this.merged = trimmed(this.merged);
    this.reset(new Int32Array(0));
  }

  private sort(): void {
    const { runs, starts } = this;
    const count = runs.length >> 1;
    if (this.ordered.length < count) this.ordered = new Int32Array(Math.max(count, 2 * this.ordered.length));
    starts.fill(0);
    // Counts, each at the next length's place; then running sums make them starts.
    for (let r = 0; r < runs.length; r += 2) starts[Math.min(runs[r + 1]! - runs[r]!, LONGEST_LISTED + 1) + 1]!++;
    for (let length = 1; length < starts.length; length++) starts[length]! += starts[length - 1]!;
    const next = this.next;
    next.set(starts);
    const ordered = this.ordered;
    for (let r = 0; r < runs.length; r += 2) ordered[next[Math.min(runs[r + 1]! - runs[r]!, LONGEST_LISTED + 1)]!++] = r;
    this.sorted = true;
  }
}
