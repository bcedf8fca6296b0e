/**
 * Tool pins: the fingerprint of every tool definition a server has shown,
 * one file per server command under `<home>/pins/`, so a definition that
 * changes between sessions (a "rug pull": same name, new instructions) is
 * noticed.
 *
 * Two wrappers for the same server may run at once: a writer takes a lock
 * file (exclusive create), re-reads the pins, adds only what is missing and
 * replaces the file atomically (write, then rename), so neither loses the
 * other's pins and no reader ever sees half a file.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { canonicalJson } from '../audit/canonical.js';

export interface ToolPin {
  /** SHA-256 (hex) of the canonical JSON of the tool's name, title, description, schemas and annotations. */
  fingerprint: string;
  /** ISO time the definition was first seen. */
  pinnedAt: string;
}

export interface PinFile {
  version: 1;
  /** The server command line the pins belong to. */
  server: string[];
  tools: Record<string, ToolPin>;
}

/** The fields of a tool definition that are pinned: what the agent reads and what the server accepts. */
const PINNED_FIELDS = ['name', 'title', 'description', 'inputSchema', 'outputSchema', 'annotations'] as const;

export function pinsDirectory(home: string): string {
  return join(home, 'pins');
}

/** `<home>/pins/<sha256 of the JSON command line>.json` — JSON so `a b` and `"a b"` differ. */
export function pinFilePath(home: string, serverCommand: readonly string[]): string {
  const key = createHash('sha256').update(JSON.stringify(serverCommand)).digest('hex');
  return join(pinsDirectory(home), `${key}.json`);
}

/** Fingerprint of one tool definition (untrusted server data; only the pinned fields count). */
export function fingerprintTool(tool: Record<string, unknown>): string {
  const pinned: Record<string, unknown> = {};
  for (const field of PINNED_FIELDS) if (tool[field] !== undefined) pinned[field] = tool[field];
  return createHash('sha256').update(canonicalJson(pinned)).digest('hex');
}

/** Reads a pin file; a missing or unreadable file has no pins (a corrupt one is replaced on the next write). */
export async function readPinFile(path: string, serverCommand: readonly string[]): Promise<PinFile> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as unknown;
    if (isPinFile(parsed)) return parsed;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && !(error instanceof SyntaxError)) throw error;
  }
  return { version: 1, server: [...serverCommand], tools: {} };
}

/**
 * Adds pins for tools not yet pinned on disk (existing pins are never
 * overwritten here) and replaces the file atomically. Returns what is on disk now.
 */
export async function addPins(path: string, serverCommand: readonly string[], additions: Record<string, ToolPin>): Promise<PinFile> {
  return withLock(path, async () => {
    const current = await readPinFile(path, serverCommand);
    let changed = false;
    for (const [name, pin] of Object.entries(additions)) {
      if (Object.hasOwn(current.tools, name)) continue;
      // Tool names come from the server: a tool called `__proto__` must be data, not a prototype.
      Object.defineProperty(current.tools, name, { value: pin, enumerable: true, writable: true, configurable: true });
      changed = true;
    }
    if (changed) await writePinFile(path, current);
    return current;
  });
}

const LOCK_WAIT_MS = 2000;
const LOCK_STALE_MS = 10_000;

/**
 * Runs `update` holding `<path>.lock`. A lock older than LOCK_STALE_MS was
 * left by a crashed wrapper and is broken; after LOCK_WAIT_MS the update runs
 * anyway (pins are an alarm, not a ledger: better a rare lost pin than a hung session).
 */
async function withLock<T>(path: string, update: () => Promise<T>): Promise<T> {
  await mkdir(join(path, '..'), { recursive: true, mode: 0o700 });
  const lock = `${path}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  let held = false;
  while (!held && Date.now() < deadline) {
    try {
      await (await open(lock, 'wx', 0o600)).close();
      held = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = await stat(lock).then((info) => Date.now() - info.mtimeMs, () => 0);
      if (age > LOCK_STALE_MS) await rm(lock, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
    }
  }
  try {
    return await update();
  } finally {
    if (held) await rm(lock, { force: true });
  }
}

/** Replaces a pin file atomically. */
export async function writePinFile(path: string, pins: PinFile): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temporary, `${JSON.stringify(pins, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, path);
}

/** Every pin file under `<home>/pins/`, with its path. */
export async function listPinFiles(home: string): Promise<{ path: string; pins: PinFile }[]> {
  const directory = pinsDirectory(home);
  let names: string[];
  try {
    names = await readdir(directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const out: { path: string; pins: PinFile }[] = [];
  for (const name of names.filter((n) => /^[0-9a-f]{64}\.json$/.test(n)).sort()) {
    const path = join(directory, name);
    try {
      const parsed = JSON.parse(await readFile(path, 'utf8')) as unknown;
      if (isPinFile(parsed)) out.push({ path, pins: parsed });
    } catch {
      // A file removed by a concurrent reset, or corrupt: nothing to list.
    }
  }
  return out;
}

/**
 * Forgets pins so the next session pins the current definitions again:
 * for one server command (or all when `serverCommand` is undefined), and
 * only the named tool when `tool` is given. Returns how many tool pins went.
 */
export async function resetPins(home: string, options: { serverCommand?: readonly string[]; tool?: string }): Promise<number> {
  const files = options.serverCommand
    ? (await listPinFiles(home)).filter((file) => file.path === pinFilePath(home, options.serverCommand!))
    : await listPinFiles(home);
  let removed = 0;
  for (const { path, pins } of files) {
    if (options.tool === undefined) {
      removed += Object.keys(pins.tools).length;
      await rm(path, { force: true });
    } else if (Object.hasOwn(pins.tools, options.tool)) {
      const tool = options.tool;
      removed += await withLock(path, async () => {
        const current = await readPinFile(path, pins.server);
        if (!Object.hasOwn(current.tools, tool)) return 0;
        delete current.tools[tool];
        await writePinFile(path, current);
        return 1;
      });
    }
  }
  return removed;
}

function isPinFile(value: unknown): value is PinFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Partial<PinFile>;
  return (
    file.version === 1 &&
    Array.isArray(file.server) &&
    typeof file.tools === 'object' &&
    file.tools !== null &&
    Object.values(file.tools).every((pin) => typeof pin?.fingerprint === 'string' && typeof pin.pinnedAt === 'string')
  );
}
