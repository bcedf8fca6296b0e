/**
 * Reading how much memory a piece of code or a process holds on to, for the
 * tests and the benchmark that bound it: `gc()` without `--expose-gc` on the
 * command line, the array-buffer figure once the collector has settled, and
 * a process's resident memory.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { collector as wrapperCollector } from '../../src/proxy/reclaim.js';

/** The collector the wrapper reclaims large messages with; a test that needs it cannot run without. */
export function collector(): () => void {
  const gc = wrapperCollector();
  if (!gc) throw new Error('gc() cannot be made callable in this process');
  return gc;
}

/**
 * `arrayBuffers` once the collector has freed what it can: after `gc()` a
 * background sweeper releases the backing stores, so read until it stops moving.
 */
export async function settledArrayBuffers(gc: () => void): Promise<number> {
  let last = -1;
  for (let round = 0; round < 40; round += 1) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 25));
    const now = process.memoryUsage().arrayBuffers;
    if (now === last) break;
    last = now;
  }
  return last;
}

/** A process's current (`VmRSS`) or peak (`VmHWM`) resident memory, in bytes (Linux). */
export function residentBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : Number.NaN;
}

/** Starts a process's peak (`VmHWM`) over at its current resident memory (Linux 4.0+); false where it cannot. */
export function resetPeakResident(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
