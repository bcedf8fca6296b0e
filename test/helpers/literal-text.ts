/** JSON and Python's literals as `readJsonText` reads them, for the tests of it and of the masking of such text. */
import assert from 'node:assert/strict';
import { literalValue, pythonString, readJsonText, type JsonTextVisitor } from '../../src/mask/lib/json-text.js';

/** What `readJsonText` reports, rebuilt as a value: the reader's account of the text (`python`: read as Python's literal, a tuple as a list). */
export function rebuilt(text: string, python = false): { ok: boolean; value: unknown } {
  const decoded = (start: number, end: number): unknown => (python ? pythonString(text, start, end) : JSON.parse(text.slice(start, end)));
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
      const key = decoded(start, end) as string;
      assert.equal(escaped, text.slice(start, end).includes('\\'));
      stack.at(-1)!.key = key;
    },
    string(start, end, escaped) {
      assert.equal(escaped, text.slice(start, end).includes('\\'));
      put(decoded(start, end));
    },
    literal(start, end) {
      put(literalValue(text.slice(start, end)) ?? null);
    },
    open(start) {
      const container = text[start] === '{' ? {} : [];
      put(container);
      stack.push({ container });
    },
    close(end) {
      const { container } = stack.pop()!;
      assert.ok(Array.isArray(container) ? text[end - 1] === ']' || text[end - 1] === ')' : text[end - 1] === '}');
    },
  };
  return { ok: readJsonText(text, visitor, python), value: root };
}

/** `value` as Python's `repr` writes it; `tuples`: lists as tuples. */
export function pythonRepr(value: unknown, tuples: boolean): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : value > 0 ? 'inf' : '-inf';
  if (typeof value === 'string') {
    const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
    let out = quote;
    for (const char of value) {
      const code = char.charCodeAt(0);
      if (char === '\\' || char === quote) out += `\\${char}`;
      else if (char === '\n') out += '\\n';
      else if (char === '\t') out += '\\t';
      else if (code < 0x20 || (code >= 0x7f && code <= 0xa0)) out += `\\x${code.toString(16).padStart(2, '0')}`;
      else if (char.length === 1 && code >= 0xd800 && code <= 0xdfff) out += `\\u${code.toString(16)}`;
      else if (code === 0x2028) out += '\\u2028';
      else out += char;
    }
    return out + quote;
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => pythonRepr(item, tuples));
    return tuples ? `(${items.join(', ')}${items.length === 1 ? ',' : ''})` : `[${items.join(', ')}]`;
  }
  return `{${Object.entries(value as Record<string, unknown>).map(([key, item]) => `${pythonRepr(key, tuples)}: ${pythonRepr(item, tuples)}`).join(', ')}}`;
}
