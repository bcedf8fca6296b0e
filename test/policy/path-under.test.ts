import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { isPathUnder, normalisePosixPath } from '../../src/policy/lib/path-under.js';
import { int, pick, seeded } from '../mask/corpus/random.js';

describe('normalisePosixPath', () => {
  it('collapses duplicate slashes, drops dots and applies ..', () => {
    assert.equal(normalisePosixPath('/data//a/./b/../c/'), '/data/a/c');
    assert.equal(normalisePosixPath('/../../etc'), '/etc');
    assert.equal(normalisePosixPath('/'), '/');
  });
  it('resolves a relative path only against a given cwd', () => {
    assert.equal(normalisePosixPath('a/../b', '/data'), '/data/b');
    assert.equal(normalisePosixPath('a/b'), null);
    assert.equal(normalisePosixPath('~/x'), null);
  });
  it('refuses NUL bytes', () => {
    assert.equal(normalisePosixPath('/data/a\0/../../etc'), null);
  });
});

describe('isPathUnder', () => {
  const roots = ['/data'];
  it('accepts paths inside the root and the root itself', () => {
    assert.equal(isPathUnder('/data', roots), true);
    assert.equal(isPathUnder('/data/reports/q1.csv', roots), true);
    assert.equal(isPathUnder('/data/./reports//q1.csv', roots), true);
  });
  it('rejects ../ escapes', () => {
    assert.equal(isPathUnder('/data/../etc/passwd', roots), false);
    assert.equal(isPathUnder('/data/reports/../../etc/passwd', roots), false);
    assert.equal(isPathUnder('/data/./../etc', roots), false);
  });
  it('does not take a sibling with the same prefix for a child', () => {
    assert.equal(isPathUnder('/data-evil/x', roots), false);
    assert.equal(isPathUnder('/database', roots), false);
  });
  it('rejects percent-encoded and double-encoded escapes', () => {
    assert.equal(isPathUnder('/data/%2e%2e/etc/passwd', roots), false);
    assert.equal(isPathUnder('/data/%2E%2E%2Fetc', roots), false);
    assert.equal(isPathUnder('/data/%252e%252e/etc', roots), false);
    assert.equal(isPathUnder('/data/my%20file.txt', roots), true);
  });
  it('rejects backslash escapes a Windows-minded server would follow', () => {
    assert.equal(isPathUnder('/data/..\\..\\etc', roots), false);
    assert.equal(isPathUnder('/data/sub\\file.txt', roots), true);
    // On POSIX this is the file named `data\sub` in `/`, a sibling of /data: not under.
    assert.equal(isPathUnder('/data\\sub', roots), false);
  });
  it('treats file:// URIs as their path and other schemes as nothing', () => {
    assert.equal(isPathUnder('file:///data/a.txt', roots), true);
    assert.equal(isPathUnder('file://localhost/data/a.txt', roots), true);
    assert.equal(isPathUnder('file:///data/../etc', roots), false);
    assert.equal(isPathUnder('file://evil.example/data/a.txt', roots), false);
    assert.equal(isPathUnder('https://example.com/data/a', roots), false);
  });
  it('reads a value as a URL parser does too: query and fragment cut off, tabs and line breaks dropped', () => {
    // fileURLToPath gives / for each of these, though `..#` or `..\t` is no `..` segment to a path reader.
    assert.equal(isPathUnder('file:///data/..#', roots), false);
    assert.equal(isPathUnder('file:///data/..?x', roots), false);
    assert.equal(isPathUnder('file:///data/%2e%2e#', roots), false);
    assert.equal(isPathUnder('file:///data/.\t./etc', roots), false);
    assert.equal(isPathUnder('file://localhost/data/.. \t', roots), false);
    // A plain path a server reads as a URL, or cuts at its query, the same way.
    assert.equal(isPathUnder('/data/..#', roots), false);
    assert.equal(isPathUnder('/data/..%09', roots), false);
    assert.equal(isPathUnder('/data/.\\..?', roots), false);
    // What stays under the root however it is read still passes.
    assert.equal(isPathUnder('file:///data/report.csv?version=2#top', roots), true);
    assert.equal(isPathUnder('/data/notes #1.txt', roots), true);
  });
  it('needs a cwd for relative paths', () => {
    assert.equal(isPathUnder('reports/q1.csv', roots), false);
    assert.equal(isPathUnder('reports/q1.csv', roots, '/data'), true);
    assert.equal(isPathUnder('../etc/passwd', roots, '/data'), false);
  });
  it('checks every element of an array, and nothing else is a path', () => {
    assert.equal(isPathUnder(['/data/a', '/data/b'], roots), true);
    assert.equal(isPathUnder(['/data/a', '/etc/b'], roots), false);
    assert.equal(isPathUnder([], roots), false);
    assert.equal(isPathUnder(42, roots), false);
    assert.equal(isPathUnder('', roots), false);
  });
  it('accepts everything absolute under /', () => {
    assert.equal(isPathUnder('/etc/passwd', ['/']), true);
  });
});

describe('isPathUnder against the readings servers make', () => {
  /** What a server may make of a value: as a path, percent-decoded, backslashes as separators, or as a URL (Node's fileURLToPath). */
  function serverReadings(value: string): string[] {
    const decodeAll = (text: string): string => {
      let current = text;
      for (let round = 0; round < 6; round += 1) {
        let decoded: string;
        try {
          decoded = decodeURIComponent(current);
        } catch {
          return current;
        }
        if (decoded === current) break;
        current = decoded;
      }
      return current;
    };
    const bases = value.startsWith('file://') ? [value.slice('file://'.length)] : [value];
    for (const uri of value.startsWith('file://') ? [value] : [`file://${value}`]) {
      try {
        bases.push(fileURLToPath(uri), new URL(uri).pathname);
      } catch {
        // Not a URL to this parser: a server that parses it cannot open it.
      }
    }
    return bases.flatMap((base) => [base, decodeAll(base), base.replace(/\\/g, '/'), decodeAll(base).replace(/\\/g, '/'), decodeAll(base.replace(/\\/g, '/'))]);
  }

  it('accepts no value that one of them reads outside the root', () => {
    const random = seeded(20261127);
    const atoms = ['/', 'data', '..', '.', '%2e', '%2E%2e', '%2f', '%252e', '\\', '//', '%5c', ':', 'x', '%', '..%2f', '.%2e', '?', '#', '%3f', '%23', '\t', '\n', '%09', ' '];
    let accepted = 0;
    for (let n = 0; n < 20_000; n += 1) {
      let value = pick(random, ['/data/', '/data', 'file:///data/', 'file://localhost/data/']);
      for (let k = int(random, 1, 6); k > 0; k -= 1) value += pick(random, atoms);
      if (!isPathUnder(value, ['/data'])) continue;
      accepted += 1;
      for (const reading of serverReadings(value)) {
        if (!reading.startsWith('/')) continue;
        for (const resolved of [posix.resolve(reading), posix.resolve(reading.replace(/[?#][\s\S]*$/, ''))]) {
          assert.ok(resolved === '/data' || resolved.startsWith('/data/'), `${JSON.stringify(value)} passed, but reads as ${JSON.stringify(reading)}, which is ${resolved}`);
        }
      }
    }
    assert.ok(accepted > 5000, `only ${accepted} of the values were under /data: the check must not refuse everything`);
  });
});

