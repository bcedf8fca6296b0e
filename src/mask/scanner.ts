import { SpanList, valueOf, type Detection, type Detector, type ScanInput } from './detector.js';
import { findNumericWindows, NumericWindows } from './lib/numeric-windows.js';
import { trimmed } from './lib/grow.js';
import type { RunsByLength } from './lib/runs-by-length.js';
import { TextIndex } from './lib/text-index.js';

/** A detection with the detector that made it. */
export interface TypedDetection extends Detection {
  detector: Detector;
}

/**
 * The non-overlapping detections of a part of a text in offset order, as
 * parallel typed arrays (no object per finding): detection `k` spans
 * [starts[k], ends[k]) of the text and was made by detector `owners[k]` (an
 * index in the detector list scanned), as span `positions[k]` of
 * `found[owners[k]]`. `codes` are the code units of the text from offset
 * `codesFrom` on, around the detections (see `ScanInput.codeUnits`): a
 * reader of many spans reads them there rather than off the string.
 */
export interface Scan {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  owners: Int32Array;
  positions: Int32Array;
  found: readonly SpanList[];
  codes: Uint16Array;
  codesFrom: number;
}

/**
 * The input the detectors share for one text: the text index and numeric
 * windows are computed once, on first use. A scanner keeps one and `reset`s
 * it for each text, reusing the buffers of its `index` and `windows`: a
 * scan of a short text (a JSON value) must not pay for new objects.
 */
class SharedInput implements ScanInput {
  text = '';
  hint: string | undefined;
  joined = false;
  /** What was computed for this text: the code units alone, the whole index, the numeric windows. */
  private read = false;
  private indexed = false;
  private windowsFound = false;

  constructor(
    private readonly index: TextIndex,
    private readonly windows: NumericWindows,
  ) {}

  reset(text: string, hint: string | undefined, joined = false): this {
    this.text = text;
    this.hint = hint;
    this.joined = joined;
    this.read = this.indexed = this.windowsFound = false;
    return this;
  }

  numericWindows(): NumericWindows {
    if (!this.windowsFound) {
      findNumericWindows(this.text, this.digitRuns(), this.index.codeUnits, this.windows);
      this.windowsFound = true;
    }
    return this.windows;
  }

  digitRuns(): Int32Array {
    return this.textIndex().digitRuns;
  }

  digitRunsByLength(): RunsByLength {
    return this.textIndex().runsByLength;
  }

  asciiWords16(): Int32Array {
    return this.textIndex().asciiWords16;
  }

  runsAfterTwoLetters(): Int32Array {
    return this.textIndex().runsAfterTwoLetters;
  }

  runsAfterTwoLetterWord(): Int32Array {
    return this.textIndex().runsAfterTwoLetterWord;
  }

  codeUnits(): Uint16Array {
    // Copied without the rest of the index where no detector needs that.
    if (!this.indexed && !this.read) {
      this.index.read(this.text);
      this.read = true;
    }
    return this.index.codeUnits;
  }

  private textIndex(): TextIndex {
    if (!this.indexed) {
      this.index.index(this.text);
      this.indexed = true;
    }
    return this.index;
  }
}

/** The scan input of one text, with buffers of its own: to run a detector on its own. */
export function createScanInput(text: string, hint?: string): ScanInput {
  return new SharedInput(new TextIndex(), new NumericWindows()).reset(text, hint);
}

/**
 * A long text is scanned a chunk of at least this many characters at a time,
 * each cut after a line break, so the buffers of a scan (digit runs, numeric
 * windows, detections) grow to the size of a chunk rather than of the text:
 * a 4 MiB tool result no longer needs megabytes of them. The masking
 * replaces a chunk's detections as soon as it was scanned, while its code
 * units are at hand (see `Scan.codes`).
 */
export const CHUNK_CHARS = 64 * 1024;

/**
 * The text on each side of a chunk that its detectors see as well: the
 * context they read around a value (a label up to `LABEL_WINDOW` characters before it,
 * see `lib/context.ts`; the characters just before and after it). No
 * detection contains a line break, so each lies in one chunk; what is found
 * in the context belongs to a neighbouring chunk and is dropped.
 */
export const CONTEXT_CHARS = 256;

/** Where the chunk that starts at `start` ends: after the first line break at least `size` characters on, or at `end`. */
function chunkEnd(text: string, start: number, end: number, size: number): number {
  if (end - start <= size) return end;
  const lineBreak = text.indexOf('\n', start + size - 1);
  return lineBreak === -1 || lineBreak >= end ? end : lineBreak + 1;
}

/**
 * Scans `text[from, to)` a chunk at a time and calls `each` with the
 * detections of each chunk in turn, non-overlapping and sorted by offset,
 * the rest of the text being context (a piece of a longer text with the
 * text around it, see `Masker.maskPieces`). `from` and `to` must be 0, the
 * end of the text, or just after a line break. `joined`: the text is values
 * joined by VALUE_SEPARATOR (see `ScanInput.joined`). The buffers are reused: a
 * `Scan` is valid during its call only, and `release()` lets go of the
 * buffers a large text grew.
 */
export interface Scanner {
  (text: string, each: (scan: Scan) => void, hint?: string, from?: number, to?: number, joined?: boolean): void;
  release(): void;
}

/**
 * A scanner for `detectors`. Where two detections overlap, the higher
 * priority wins (an IBAN over the phone number its digits also form), then the
 * longer one; so a value is counted once. `hint` is the JSON key the text
 * belongs to, if any.
 */
export function createScanner(detectors: readonly Detector[], chunkChars = CHUNK_CHARS): Scanner {
  const found = detectors.map(() => new SpanList());
  const priorities = Int32Array.from(detectors, (detector) => detector.priority);
  const result: Scan = { count: 0, starts: new Int32Array(16), ends: new Int32Array(16), owners: new Int32Array(16), positions: new Int32Array(16), found, codes: new Uint16Array(0), codesFrom: 0 };
  // Per detector: the next unmerged span, and its start (Infinity once used up),
  // so the merge's inner loop reads one typed array.
  const heads = new Int32Array(detectors.length);
  const headStarts = new Float64Array(detectors.length);
  const index = new TextIndex();
  const windows = new NumericWindows();
  const input = new SharedInput(index, windows);

  /**
   * Runs every detector on `text[from, to)`, keeping what starts in [start,
   * end), and merges what they found into `result`. No detection holds a
   * line break, so none reaches past a chunk: merged a chunk at a time, the
   * detections are those of the whole text.
   */
  const scanChunk = (text: string, hint: string | undefined, joined: boolean, from: number, to: number, start: number, end: number): Scan => {
    // Kept whole only when the range is the whole text: then there is no context, and no slice either.
    const keepsAll = start === 0 && end === text.length;
    input.reset(keepsAll ? text : text.slice(from, to), hint, joined);
    let total = 0;
    for (let d = 0; d < detectors.length; d++) {
      const list = found[d]!;
      list.clear();
      detectors[d]!.detect(input, list);
      if (!keepsAll) list.rebase(from, start, end);
      sortByStart(list);
      total += list.length;
      heads[d] = 0;
      headStarts[d] = list.length > 0 ? list.starts[0]! : Infinity;
    }
    result.count = 0;
    if (total === 0) return result;
    result.codes = input.codeUnits();
    result.codesFrom = keepsAll ? 0 : from;
    if (result.starts.length < total) {
      const size = Math.max(total, result.starts.length * 2);
      result.starts = new Int32Array(size);
      result.ends = new Int32Array(size);
      result.owners = new Int32Array(size);
      result.positions = new Int32Array(size);
    }
    const { starts, ends, owners, positions } = result;
    let kept = 0;
    // A k-way merge of the per-detector lists, each in offset order: ties go to
    // the earlier detector, then to the earlier span of one detector.
    for (let merged = 0; merged < total; merged++) {
      let owner = 0;
      let start = headStarts[0]!;
      for (let d = 1; d < headStarts.length; d++) {
        if (headStarts[d]! < start) {
          owner = d;
          start = headStarts[d]!;
        }
      }
      const list = found[owner]!;
      const position = heads[owner]!++;
      headStarts[owner] = position + 1 < list.length ? list.starts[position + 1]! : Infinity;
      const end = list.ends[position]!;
      const priority = priorities[owner]!;
      if (kept > 0 && start < ends[kept - 1]!) {
        if (!wins(start, end, priority, starts[kept - 1]!, ends[kept - 1]!, priorities[owners[kept - 1]!]!)) continue;
        kept--;
        // The winner may also reach back over earlier kept spans; drop those it beats.
        while (kept > 0 && ends[kept - 1]! > start && wins(start, end, priority, starts[kept - 1]!, ends[kept - 1]!, priorities[owners[kept - 1]!]!)) kept--;
        if (kept > 0 && ends[kept - 1]! > start) continue;
      }
      starts[kept] = start;
      ends[kept] = end;
      owners[kept] = owner;
      positions[kept] = position;
      kept++;
    }
    result.count = kept;
    return result;
  };

  const scan = (text: string, each: (scan: Scan) => void, hint?: string, from = 0, to = text.length, joined = false): void => {
    try {
      for (let start = from, end = from; start < to; start = end) {
        end = chunkEnd(text, start, to, chunkChars);
        each(scanChunk(text, hint, joined, Math.max(0, start - CONTEXT_CHARS), Math.min(text.length, end + CONTEXT_CHARS), start, end));
      }
    } finally {
      // The input must not keep the text alive, not even after a detector threw.
      input.reset('', undefined);
    }
  };

  const release = (): void => {
    for (const list of found) list.release();
    result.count = 0;
    result.starts = trimmed(result.starts);
    result.ends = trimmed(result.ends);
    result.owners = trimmed(result.owners);
    result.positions = trimmed(result.positions);
    index.release();
    windows.release();
  };
  return Object.assign(scan, { release });
}

/** `createScanner` for one text, with a detection object (and value) per finding: for `findAll` and tests. */
export function scanText(text: string, detectors: readonly Detector[], hint?: string): TypedDetection[] {
  const out: TypedDetection[] = [];
  createScanner(detectors)(
    text,
    ({ count, starts, ends, owners, positions, found }) => {
      for (let k = 0; k < count; k++) {
        const detector = detectors[owners[k]!]!;
        out.push({ start: starts[k]!, end: ends[k]!, value: valueOf(detector, found[owners[k]!]!, positions[k]!, text), detector });
      }
    },
    hint,
  );
  return out;
}

/** Puts `list` in offset order, stably (detectors usually report in order already). */
function sortByStart(list: SpanList): void {
  const { starts, ends, values } = list;
  let sorted = true;
  for (let k = 1; k < list.length && sorted; k++) sorted = starts[k - 1]! <= starts[k]!;
  if (sorted) return;
  const order = Array.from({ length: list.length }, (_, k) => k).sort((a, b) => starts[a]! - starts[b]! || a - b);
  const oldStarts = starts.slice(0, list.length);
  const oldEnds = ends.slice(0, list.length);
  const oldValues = values.slice();
  list.values = [];
  order.forEach((from, to) => {
    starts[to] = oldStarts[from]!;
    ends[to] = oldEnds[from]!;
    if (oldValues[from] !== undefined) list.values[to] = oldValues[from];
  });
}

function wins(challengerStart: number, challengerEnd: number, challengerPriority: number, holderStart: number, holderEnd: number, holderPriority: number): boolean {
  if (challengerPriority !== holderPriority) return challengerPriority > holderPriority;
  return challengerEnd - challengerStart > holderEnd - holderStart;
}
