import type { Detection, Detector, ScanInput } from './detector.js';
import { findDigitRuns } from './lib/digit-runs.js';
import { findNumericWindows, type NumericWindows } from './lib/numeric-windows.js';

/** A detection with the detector that made it. */
export interface TypedDetection extends Detection {
  detector: Detector;
}

/**
 * The non-overlapping detections of a text in offset order, as parallel
 * arrays: `owners[k]` is the index (in the detector list scanned) of the
 * detector that made `detections[k]`. No object per finding beyond the
 * detectors' own: on dense text the copies cost as much as the detection.
 */
export interface Scan {
  detections: Detection[];
  owners: number[];
}

/** The input the detectors share for one text: numeric windows and digit runs are computed once, on first use. */
export function createScanInput(text: string, hint?: string): ScanInput {
  let windows: NumericWindows | undefined;
  let runs: Int32Array | undefined;
  const digitRuns = (): Int32Array => (runs ??= findDigitRuns(text));
  return { text, hint, numericWindows: () => (windows ??= findNumericWindows(text, digitRuns())), digitRuns };
}

/**
 * Runs `detectors` over `text` and returns non-overlapping detections sorted
 * by offset. Where two overlap, the higher priority wins (an IBAN over the
 * phone number its digits also form), then the longer one; so a value is
 * counted once. `hint` is the JSON key the text belongs to, if any.
 */
export function scanText(text: string, detectors: readonly Detector[], hint?: string): TypedDetection[] {
  const { detections, owners } = scan(text, detectors, hint);
  const out = new Array<TypedDetection>(detections.length);
  for (let k = 0; k < detections.length; k++) {
    const detection = detections[k]!;
    out[k] = { start: detection.start, end: detection.end, value: detection.value, detector: detectors[owners[k]!]! };
  }
  return out;
}

/** `scanText` without a copy per detection (see `Scan`). */
export function scan(text: string, detectors: readonly Detector[], hint?: string): Scan {
  const input = createScanInput(text, hint);
  const lists: Detection[][] = [];
  const listOwners: number[] = [];
  let total = 0;
  for (let d = 0; d < detectors.length; d++) {
    const list = detectors[d]!.detect(input);
    if (list.length === 0) continue;
    lists.push(sortedByStart(list));
    listOwners.push(d);
    total += list.length;
  }
  const detections: Detection[] = [];
  const owners: number[] = [];
  if (total === 0) return { detections, owners };
  const priorities = detectors.map((detector) => detector.priority);
  // A k-way merge of the per-detector lists, each already in offset order: ties
  // go to the earlier detector, then to the earlier detection of one detector.
  const heads = new Int32Array(lists.length);
  // The start offset at each list's head (Infinity once a list is used up): the
  // inner loop reads one typed array rather than an object per list.
  const headStarts = new Float64Array(lists.length);
  for (let l = 0; l < lists.length; l++) headStarts[l] = lists[l]![0]!.start;
  for (let merged = 0; merged < total; merged++) {
    let best = 0;
    let bestStart = headStarts[0]!;
    for (let l = 1; l < headStarts.length; l++) {
      if (headStarts[l]! < bestStart) {
        best = l;
        bestStart = headStarts[l]!;
      }
    }
    const list = lists[best]!;
    const detection = list[heads[best]!]!;
    const next = ++heads[best]!;
    headStarts[best] = next < list.length ? list[next]!.start : Infinity;
    const owner = listOwners[best]!;
    const last = detections.length - 1;
    if (last < 0 || detection.start >= detections[last]!.end) {
      detections.push(detection);
      owners.push(owner);
      continue;
    }
    if (wins(detection, priorities[owner]!, detections[last]!, priorities[owners[last]!]!)) {
      detections.pop();
      owners.pop();
      // The winner may also reach back over earlier kept spans; drop those it beats.
      while (detections.length > 0) {
        const top = detections.length - 1;
        if (detections[top]!.end <= detection.start || !wins(detection, priorities[owner]!, detections[top]!, priorities[owners[top]!]!)) break;
        detections.pop();
        owners.pop();
      }
      if (detections.length === 0 || detections[detections.length - 1]!.end <= detection.start) {
        detections.push(detection);
        owners.push(owner);
      }
    }
  }
  return { detections, owners };
}

/** The list itself when already in offset order (the usual case), else a stable sort of it. */
function sortedByStart(list: Detection[]): Detection[] {
  for (let k = 1; k < list.length; k++) {
    if (list[k]!.start < list[k - 1]!.start) return list.slice().sort((a, b) => a.start - b.start);
  }
  return list;
}

function wins(challenger: Detection, challengerPriority: number, holder: Detection, holderPriority: number): boolean {
  if (challengerPriority !== holderPriority) return challengerPriority > holderPriority;
  return challenger.end - challenger.start > holder.end - holder.start;
}
