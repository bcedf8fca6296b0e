import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCommandOutputNames } from '../../src/mask/lib/command-output-text.js';

/** The names `readCommandOutputNames` reports in text[from, to). */
function names(text: string, from = 0, to = text.length): string[] {
  const seen: string[] = [];
  readCommandOutputNames(text, from, to, (start, end) => seen.push(text.slice(start, end)));
  return seen;
}

describe('readCommandOutputNames', () => {
  it('reads git blame\'s author, with or without a file\'s name, padded, and porcelain\'s author and committer', () => {
    const blame = '^a1b2c3d (Anna Schmidt  2024-01-01 10:00:00 +0100  1) import x\r\nf00ba47 src/a.ts (Jean Dupont 2024-01-02 11:00:00 +0100 12) const y = (1);\n';
    assert.deepEqual(names(blame), ['Anna Schmidt', 'Jean Dupont']);
    const porcelain = 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2 1 1 1\nauthor Anna Schmidt\nauthor-mail <anna@example.de>\nauthor-time 1704099600\ncommitter Jean Dupont\r\ncommitter-mail <jean@example.fr>\n';
    assert.deepEqual(names(porcelain), ['Anna Schmidt', 'Jean Dupont']);
  });

  it('reads git shortlog\'s names, counted (`-sn`) and as headings', () => {
    assert.deepEqual(names('    12\tAnna Schmidt\n     3\tJean Dupont\r\n'), ['Anna Schmidt', 'Jean Dupont']);
    assert.deepEqual(names('Anna Schmidt (3):\n      Fix login\n\nJean Dupont (1):\n      Add tests\n'), ['Anna Schmidt', 'Jean Dupont']);
  });

  it('reads the full name a passwd entry\'s comment starts with', () => {
    const passwd = 'root:x:0:0:root:/root:/bin/bash\nanna:x:1000:1000:Anna Schmidt,,,:/home/anna:/bin/bash\njean:x:1001:1001:Jean Dupont,Room 4,+33 1 23 45 67 89,:/home/jean:/bin/zsh\nmaria:*:1002:1002:Maria Rossi:/home/maria:/bin/sh\n';
    assert.deepEqual(names(passwd), ['Anna Schmidt', 'Jean Dupont', 'Maria Rossi']);
  });

  it('passes what is no name, or no such line: logins, a count of files, a time in a heading, a line of another shape', () => {
    const text = [
      '^a1b2c3d (anna 2024-01-01 10:00:00 +0100 1) x',
      'a1b2c3d (Anna Schmidt 2024-01-01) x',
      '    12\tanna',
      '  12 Anna Schmidt',
      '12\tsrc/index.ts',
      'Build (2):',
      'Anna Schmidt (x):',
      'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
      'anna:x:1000:1000:Anna Schmidt:/home/anna',
      'author Anna Schmidt',
      'author-time 1704099600',
      'Customer 7: Anna Schmidt (2):',
    ].join('\n');
    assert.deepEqual(names(text), []);
  });

  it('reads only the lines that start in text[from, to)', () => {
    const text = '    1\tAnna Schmidt\n    2\tJean Dupont\n    3\tMaria Rossi\n';
    const second = text.indexOf('    2');
    assert.deepEqual(names(text, second, text.indexOf('    3')), ['Jean Dupont']);
  });
});
