import { closeSync, mkdirSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A lock between processes on one machine: a file created with O_EXCL.
 * Several wrapped servers share one login, and issuers that rotate refresh
 * tokens treat a reused one as theft and revoke the whole grant, so only one
 * process may refresh at a time. A lock older than `staleMs` is a crashed
 * holder's and is broken. Gives up after `waitMs` and returns a no-op release
 * (refreshing without the lock beats hanging a tool call).
 */
export async function acquireFileLock(path: string, options: { waitMs?: number; staleMs?: number } = {}): Promise<() => void> {
  const waitMs = options.waitMs ?? 10_000;
  const staleMs = options.staleMs ?? 30_000;
  const deadline = Date.now() + waitMs;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  for (;;) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return () => {};
    }
    try {
      if (Date.now() - statSync(path).mtimeMs > staleMs) {
        rmSync(path, { force: true });
        continue;
      }
    } catch {
      continue; // Released between our open and stat: try again at once.
    }
    if (Date.now() >= deadline) return () => {};
    await sleep(50);
  }
}
