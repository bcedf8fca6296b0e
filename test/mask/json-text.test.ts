import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readJsonText } from '../../src/mask/lib/json-text.js';
import { pythonRepr, rebuilt } from '../helpers/literal-text.js';
import { int, pick, seeded } from './corpus/random.js';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const VALID = [
  '{}',
  '[]',
  ' \t\r\n[ ] ',
  '{"a":1,"b":[true,false,null],"c":{"d":"e"}}',
  '[0,-0,1.5,-2.25e+10,3E-2,1e400,12345678901234567890,"x"]',
  '{"\\u00e9\\"\\\\\\/\\b\\f\\n\\r\\t":"\\ud83d\\ude00 \\udc00 lone"}',
  '{"__proto__":{"x":1},"a":"b"}',
  '[[[[[[[[[[["deep"]]]]]]]]]]]',
  '{\n  "pretty": [\n    1,\n    "two"\n  ]\n}',
  '"a string"',
  '42',
];

const INVALID = [
  '',
  '{',
  '[1,]',
  '{"a":1,}',
  '{"a" 1}',
  '{a:1}',
  "['x']",
  '[01]',
  '[1.]',
  '[.5]',
  '[1e]',
  '[+1]',
  '[-]',
  '[tru]',
  '[truex]',
  '[nul]',
  '["\\x"]',
  '["\\u12g4"]',
  '["raw\ttab"]',
  '["unterminated]',
  '[1] [2]',
  '[1]x',
  '{}}',
  '[]]',
  '\u00a0[]',
  '[1\u00a0]',
  '{"a":1 "b":2}',
  '[1 2]',
  '{"a"::1}',
  '{,"a":1}',
  '[,1]',
];

describe('readJsonText', () => {
  it('reads valid JSON as JSON.parse does, reporting every part', () => {
    for (const text of VALID) {
      const { ok, value } = rebuilt(text);
      assert.equal(ok, true, text);
      assert.deepEqual(value, JSON.parse(text), text);
    }
  });

  it('turns down what JSON.parse turns down', () => {
    for (const text of INVALID) {
      assert.equal(parses(text), false, `fixture: ${JSON.stringify(text)} must be invalid`);
      assert.equal(rebuilt(text).ok, false, JSON.stringify(text));
    }
  });

  it('agrees with JSON.parse on thousands of texts with a character changed, inserted or removed', () => {
    const random = seeded(777);
    const alphabet = ['{', '}', '[', ']', '"', '\\', ',', ':', ' ', '\n', '0', '1', '-', '+', '.', 'e', 'E', 'u', 'a', 't', 'n', '\t', '\u0001', '\u00e9'];
    for (let n = 0; n < 5000; n++) {
      const source = pick(random, VALID);
      const at = int(random, 0, source.length);
      const edit = int(random, 0, 2);
      const char = pick(random, alphabet);
      const text = edit === 0 ? source.slice(0, at) + char + source.slice(at + 1) : edit === 1 ? source.slice(0, at) + char + source.slice(at) : source.slice(0, at) + source.slice(at + 1);
      const { ok, value } = rebuilt(text);
      assert.equal(ok, parses(text), JSON.stringify(text));
      if (ok) assert.deepEqual(value, JSON.parse(text), JSON.stringify(text));
    }
  });

  it('reads JSON Lines when asked: a list or object on each later line; not two values on a line', () => {
    const read = (text: string, lines: boolean): boolean => readJsonText(text, { key() {}, string() {}, literal() {}, open() {}, close() {} }, false, lines);
    for (const text of ['{"a":1}\n{"b":[2]}', '[1]\r\n\n  [2]\n', '{}\n{}\n{}', '"x"\n{}']) {
      assert.equal(read(text, true), true, JSON.stringify(text));
      assert.equal(read(text, false), false, JSON.stringify(text));
    }
    for (const text of ['[1] [2]', '{"a":1}\n"x"', '{"a":1}\nx', '{"a":1}\n{', '{}\n1']) assert.equal(read(text, true), false, JSON.stringify(text));
  });

  it('reads nesting of any depth without recursion', () => {
    const depth = 200_000;
    const text = `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;
    let opened = 0;
    let closed = 0;
    const ok = readJsonText(text, {
      key() {},
      string() {},
      literal() {},
      open() {
        opened++;
      },
      close() {
        closed++;
      },
    });
    assert.equal(ok, true);
    assert.equal(opened, depth);
    assert.equal(closed, depth);
  });
});

describe('readJsonText of Python literals', () => {
  const STRINGS = ['', 'Anna Schmidt', "O'Neil", 'say "hi"', `both ' and "`, 'back\\slash', 'line\nbreak\ttab', '\u0000\u007f\u00a0', 'été 😀', '\ud800 lone', '\u2028'];

  it('reads what `repr` writes as the value it writes: quotes of either kind, escapes, True, False, None, tuples', () => {
    const random = seeded(31);
    const draw = (depth: number): unknown => {
      const kind = int(random, 0, depth > 3 ? 3 : 6);
      if (kind === 0) return pick(random, STRINGS);
      if (kind === 1) return pick(random, [0, -7, 1.5, 1e100, 2.5e-7, Infinity, -Infinity, 12345678901234567]);
      if (kind === 2) return pick(random, [true, false, null]);
      if (kind === 3) return pick(random, STRINGS) + pick(random, STRINGS);
      if (kind === 4) return Array.from({ length: int(random, 0, 3) }, () => draw(depth + 1));
      return Object.fromEntries(Array.from({ length: int(random, 0, 3) }, () => [pick(random, STRINGS), draw(depth + 1)]));
    };
    for (let n = 0; n < 2000; n++) {
      const value = [draw(0)];
      for (const tuples of [false, true]) {
        const text = pythonRepr(value, tuples).replace(/^\(/, '[').replace(/,?\)$/, ']');
        assert.deepEqual(rebuilt(text, true), { ok: true, value }, text);
      }
    }
  });

  it('turns down what is not a literal `repr` writes, and JSON text as JSON', () => {
    for (const text of ["{'a': 1,}", "{1: 'a'}", "['\\q']", "['\\x4']", "['\\U00110000']", "['raw\nbreak']", "['open]", "[datetime.date(2024, 1, 2)]", "{'a' 1}", "[(1, 2]", "[(,)]", "[True False]"]) {
      assert.equal(rebuilt(text, true).ok, false, text);
    }
    for (const text of ["['x']", '[True]', '[(1,)]', "{'a': None}"]) assert.equal(rebuilt(text).ok, false, text);
  });
});
