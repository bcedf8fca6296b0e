import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readJsonText, type JsonTextVisitor } from '../../src/mask/lib/json-text.js';
import { int, pick, seeded } from './corpus/random.js';

/** What `readJsonText` reports, rebuilt as a value: the reader's account of the text. */
function rebuilt(text: string): { ok: boolean; value: unknown } {
  const stack: Array<{ container: unknown[] | Record<string, unknown>; key?: string }> = [];
  let root: unknown;
  const put = (value: unknown): void => {
    const top = stack.at(-1);
    if (top === undefined) root = value;
    else if (Array.isArray(top.container)) top.container.push(value);
    // Defined, not assigned: a member named __proto__ is a member.
    else Object.defineProperty(top.container, top.key!, { value, enumerable: true, writable: true, configurable: true });
  };
  const visitor: JsonTextVisitor = {
    key(start, end, escaped) {
      const key = JSON.parse(text.slice(start, end)) as string;
      assert.equal(escaped, text.slice(start, end).includes('\\'));
      stack.at(-1)!.key = key;
    },
    string(start, end, escaped) {
      assert.equal(escaped, text.slice(start, end).includes('\\'));
      put(JSON.parse(text.slice(start, end)));
    },
    literal(start, end) {
      put(JSON.parse(text.slice(start, end)));
    },
    open(start) {
      const container = text[start] === '{' ? {} : [];
      put(container);
      stack.push({ container });
    },
    close(end) {
      const { container } = stack.pop()!;
      assert.equal(text[end - 1], Array.isArray(container) ? ']' : '}');
    },
  };
  return { ok: readJsonText(text, visitor), value: root };
}

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
