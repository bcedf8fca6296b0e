import assert from 'node:assert/strict';
import { test } from 'node:test';
import { terminalSafe, terminalSafeJson } from '../../src/lib/terminal-safe.js';

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

test('terminalSafe shows every C0 and C1 control and DEL as ?, and keeps all else', () => {
  const every = Array.from({ length: 0xa0 }, (_, code) => String.fromCharCode(code)).join('');
  const shown = terminalSafe(`${every}é😀`);
  assert.doesNotMatch(shown, CONTROL);
  assert.equal(shown, `${'?'.repeat(0x20)}${every.slice(0x20, 0x7f)}${'?'.repeat(0x21)}é😀`);
});

test('terminalSafeJson escapes DEL and C1 controls and leaves the same JSON', () => {
  const value = { text: 'a\u001b[2J\u009b31m\u007f b', [`k\u0085`]: ['\u0000', 'é'] };
  const json = terminalSafeJson(JSON.stringify(value, null, 2));
  assert.doesNotMatch(json.replaceAll('\n', ''), CONTROL);
  assert.deepEqual(JSON.parse(json), value);
});
