/**
 * "Is this path under an allowed root?" for argument conditions, without
 * touching the file system (evaluation is pure; symlinks are not resolved, so
 * roots should name real directories).
 *
 * The value is attacker-controlled: an agent can be talked into sending
 * `/data/../etc/passwd`, `/data//./../etc`, `/data/%2e%2e/etc`,
 * `/data\..\etc` or `file:///data/..#`. Servers differ in whether they
 * percent-decode, treat `\` as a separator, or read the value as a URL (as
 * Node's `fileURLToPath` does: query and fragment cut off, tabs, line
 * breaks and spaces at either end dropped, dot segments applied), so every
 * reading of the value must land under a root: the value as given,
 * percent-decoded, with backslashes as separators, and as a URL parser reads
 * it. The prefix check adds a trailing separator so `/data-evil` is not
 * under `/data`.
 */

const MAX_DECODE_ROUNDS = 3;

/**
 * POSIX-normalises an absolute path: collapses `//`, drops `.`, applies `..`
 * (which stops at `/`). A relative path is resolved against `cwd` when given;
 * without one, or for anything that is not a path, returns null.
 */
export function normalisePosixPath(path: string, cwd?: string): string | null {
  if (path.includes('\0')) return null;
  let absolute = path;
  if (!absolute.startsWith('/')) {
    if (cwd === undefined || !cwd.startsWith('/')) return null;
    absolute = `${cwd}/${absolute}`;
  }
  // Already normal (no empty, `.` or `..` segment): nothing to rewrite.
  if (!/\/\/|\/\.\.?(?:\/|$)/.test(absolute) && (absolute.length === 1 || !absolute.endsWith('/'))) return absolute;
  const segments: string[] = [];
  for (const segment of absolute.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return `/${segments.join('/')}`;
}

/** True when `path` (already normalised) is `root` or inside it. */
export function isWithinRoot(path: string, root: string): boolean {
  if (root === '/') return path.startsWith('/');
  return path === root || path.startsWith(`${root}/`);
}

/**
 * True when every reading of `value` normalises under one of `roots`
 * (normalised absolute paths). Accepts a path, a `file://` URI, or a non-empty
 * array of them (all must be under); anything else is under nothing.
 */
export function isPathUnder(value: unknown, roots: readonly string[], cwd?: string): boolean {
  if (Array.isArray(value)) return value.length > 0 && value.every((item) => isPathUnder(item, roots, cwd));
  if (typeof value !== 'string' || value === '') return false;
  for (const reading of readings(value)) {
    const normalised = normalisePosixPath(reading, cwd);
    if (normalised === null || !roots.some((root) => isWithinRoot(normalised, root))) return false;
  }
  return true;
}

/** The ways a server might read the value: raw, percent-decoded (repeatedly), backslashes as separators, cut at `?` or `#`, as a URL. */
function readings(value: string): string[] {
  // The common case, a plain path with nothing to decode and nothing a URL parser reads differently, has one reading.
  // (A URL parser drops C0 controls and spaces at either end, and tabs and line breaks anywhere.)
  if (!/[%\\:?#\u0000-\u001f]|^ | $/.test(value)) return [value];
  const out = new Set<string>();
  const { rounds, settled } = decodingRounds(value);
  // Still encoded after several rounds: refuse.
  if (!settled) out.add('');
  for (const current of rounds) {
    const path = fileUriPath(current);
    if (path === null) {
      // Not a path at all (another URI scheme): make it fail the check.
      out.add('');
      break;
    }
    for (const reading of [path, ...urlReadings(current, path)]) {
      for (const separated of [reading, reading.replace(/\\/g, '/')]) {
        out.add(separated);
        // Cut at a query or fragment without the rest of a URL parser's reading.
        out.add(separated.replace(/[?#][\s\S]*$/, ''));
      }
    }
  }
  return [...out];
}

/**
 * `text` and its percent-decodings, round by round, until one changes
 * nothing or MAX_DECODE_ROUNDS have been made; `settled` is false when a
 * further round would still change it.
 */
function decodingRounds(text: string): { rounds: string[]; settled: boolean } {
  const rounds = [text];
  for (;;) {
    const last = rounds[rounds.length - 1]!;
    const decoded = percentDecode(last);
    if (decoded === last) return { rounds, settled: true };
    if (rounds.length > MAX_DECODE_ROUNDS) return { rounds, settled: false };
    rounds.push(decoded);
  }
}

/**
 * The path a WHATWG URL parser finds in `value` (a `file:` URI, or the
 * absolute `path` it holds taken as one): `file:///data/..#` is `/` to it.
 * None where it finds no URL, which such a server then cannot open.
 */
function urlReadings(value: string, path: string): string[] {
  const uri = /^file:/i.test(value) ? value : path.startsWith('/') ? `file://${path}` : undefined;
  if (uri === undefined) return [];
  let pathname: string;
  try {
    ({ pathname } = new URL(uri));
  } catch {
    return [];
  }
  // Its path percent-decoded, round by round, as the value itself is (see `readings`).
  return decodingRounds(pathname).rounds;
}

/** The path of a `file:` URI (local host only), the value itself for a plain path, null for other URIs. */
function fileUriPath(value: string): string | null {
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(value);
  if (scheme === null || scheme[1]!.length === 1) return value; // a one-letter "scheme" is a drive letter, left as a (relative) path
  if (scheme[1]!.toLowerCase() !== 'file') return null;
  const rest = value.slice(scheme[0].length);
  if (!rest.startsWith('//')) return rest;
  const slash = rest.indexOf('/', 2);
  const host = slash === -1 ? rest.slice(2) : rest.slice(2, slash);
  if (host !== '' && host.toLowerCase() !== 'localhost') return null;
  return slash === -1 ? '/' : rest.slice(slash);
}

function percentDecode(value: string): string {
  // Decode byte by byte so one malformed escape does not leave the rest encoded.
  return value.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    }
  });
}
