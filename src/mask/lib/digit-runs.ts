import { doubled } from './grow.js';

/**
 * Maximal runs of ASCII digits in `text`, as [start0, end0, start1, end1, …].
 * Computed once per text and shared: most detectors' matches start at or just
 * before such a run, so they try their pattern there (a sticky regex at a few
 * offsets) instead of at every position of the text, which on digit-dense
 * text cost a regex step per character per detector.
 */
export function findDigitRuns(text: string): Int32Array {
  let runs = new Int32Array(Math.max(64, text.length >> 3));
  let count = 0;
  const length = text.length;
  let i = 0;
  while (i < length) {
    let code = text.charCodeAt(i);
    if (code < 48 || code > 57) {
      i++;
      continue;
    }
    const start = i++;
    while (i < length) {
      code = text.charCodeAt(i);
      if (code < 48 || code > 57) break;
      i++;
    }
    if (count + 2 > runs.length) runs = doubled(runs);
    runs[count++] = start;
    runs[count++] = i;
  }
  return runs.subarray(0, count);
}
