import type { Detection, Detector, NumericWindow, ScanInput } from './detector.js';
import { findNumericWindows } from './lib/numeric-windows.js';

/** A detection with the detector that made it. */
export interface TypedDetection extends Detection {
  detector: Detector;
}

/**
 * Runs `detectors` over `text` and returns non-overlapping detections sorted
 * by offset. Where two overlap, the higher priority wins (an IBAN over the
 * phone number its digits also form), then the longer one; so a value is
 * counted once. `hint` is the JSON key the text belongs to, if any.
 */
export function scanText(text: string, detectors: readonly Detector[], hint?: string): TypedDetection[] {
  let windows: NumericWindow[] | undefined;
  const input: ScanInput = {
    text,
    hint,
    numericWindows: () => (windows ??= findNumericWindows(text)),
  };
  const all: TypedDetection[] = [];
  for (const detector of detectors) {
    // An explicit literal: object spread costs several times more on this hot path.
    for (const detection of detector.detect(input)) all.push({ start: detection.start, end: detection.end, value: detection.value, detector });
  }
  if (all.length <= 1) return all;
  const kept: TypedDetection[] = [];
  for (const detection of byStart(all)) {
    const last = kept[kept.length - 1];
    if (last === undefined || detection.start >= last.end) {
      kept.push(detection);
      continue;
    }
    if (wins(detection, last)) {
      kept.pop();
      // The winner may also reach back over earlier kept spans; drop those it beats.
      while (kept.length > 0 && kept[kept.length - 1]!.end > detection.start && wins(detection, kept[kept.length - 1]!)) kept.pop();
      if (kept.length === 0 || kept[kept.length - 1]!.end <= detection.start) kept.push(detection);
    }
  }
  return kept;
}

/** Largest index that fits beside a start offset in one exactly representable double. */
const INDEX_BITS = 2 ** 21;

/**
 * Sorted by start offset. Ties need no order: overlap resolution decides by
 * priority and length. A typed-array sort of start·2²¹ + index avoids a
 * comparator call per comparison (several times faster on dense text).
 */
function byStart(all: TypedDetection[]): TypedDetection[] {
  if (all.length >= INDEX_BITS) return all.sort((a, b) => a.start - b.start);
  const keys = new Float64Array(all.length);
  for (let k = 0; k < all.length; k++) keys[k] = all[k]!.start * INDEX_BITS + k;
  keys.sort();
  const sorted = new Array<TypedDetection>(all.length);
  for (let k = 0; k < keys.length; k++) sorted[k] = all[keys[k]! % INDEX_BITS]!;
  return sorted;
}

function wins(challenger: TypedDetection, holder: TypedDetection): boolean {
  if (challenger.detector.priority !== holder.detector.priority) return challenger.detector.priority > holder.detector.priority;
  return challenger.end - challenger.start > holder.end - holder.start;
}
