import type { Findings } from './masker.js';

/** Adds the counts of `found` to `into`. Its own module: the wrapper imports it without loading the masking engine. */
export function addFindings(into: Findings, found: Findings): void {
  for (const [type, count] of Object.entries(found)) into[type] = (into[type] ?? 0) + count;
}
