import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Frame, LineFramer, recoverId } from '../../src/proxy/framing.js';

const TRICKY = Buffer.from(
  [
    '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"text":"Grüße 日本 🎉"}}}',
    '{"jsonrpc":"2.0","id":"a\\nb","result":{"text":"crlf follows"}}\r',
    '',
    '   ',
    '{"jsonrpc":"2.0","method":"notifications/progress","params":{"progress":1}}',
  ].join('\n') + '\n',
  'utf8',
);

function lines(frames: Frame[]): string[] {
  return frames.map((frame) => {
    assert.equal(frame.kind, 'line');
    return frame.kind === 'line' ? frame.bytes.toString('utf8') : '';
  });
}

const EXPECTED = [
  '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"text":"Grüße 日本 🎉"}}}',
  '{"jsonrpc":"2.0","id":"a\\nb","result":{"text":"crlf follows"}}',
  '{"jsonrpc":"2.0","method":"notifications/progress","params":{"progress":1}}',
];

describe('LineFramer', () => {
  it('yields the same lines for every single split point of a tricky input', () => {
    for (let split = 0; split <= TRICKY.length; split += 1) {
      const framer = new LineFramer(1024);
      const frames = [...framer.push(TRICKY.subarray(0, split)), ...framer.push(TRICKY.subarray(split)), ...framer.end()];
      assert.deepEqual(lines(frames), EXPECTED, `split at byte ${split}`);
    }
  });

  it('yields the same lines for every pair of split points', () => {
    for (let first = 0; first <= TRICKY.length; first += 7) {
      for (let second = first; second <= TRICKY.length; second += 1) {
        const framer = new LineFramer(1024);
        const frames = [
          ...framer.push(TRICKY.subarray(0, first)),
          ...framer.push(TRICKY.subarray(first, second)),
          ...framer.push(TRICKY.subarray(second)),
        ];
        assert.deepEqual(lines(frames), EXPECTED, `splits at ${first}, ${second}`);
      }
    }
  });

  it('yields the same lines fed one byte at a time', () => {
    const framer = new LineFramer(1024);
    const frames: Frame[] = [];
    for (const byte of TRICKY) frames.push(...framer.push(Buffer.from([byte])));
    assert.deepEqual(lines(frames), EXPECTED);
  });

  it('keeps a multi-byte character split across chunks intact', () => {
    const euro = Buffer.from('"€"\n', 'utf8');
    const framer = new LineFramer(64);
    const frames = [...framer.push(euro.subarray(0, 2)), ...framer.push(euro.subarray(2))];
    assert.deepEqual(lines(frames), ['"€"']);
  });

  it('returns a final line without a newline at end of input', () => {
    const framer = new LineFramer(64);
    assert.deepEqual(framer.push(Buffer.from('{"a":1}')), []);
    assert.deepEqual(lines(framer.end()), ['{"a":1}']);
  });

  it('discards an over-long line without buffering it, then resumes with the next line', () => {
    const framer = new LineFramer(100);
    const big = `{"jsonrpc":"2.0","result":{"text":"${'x'.repeat(1000)}"},"id":42}`;
    const frames: Frame[] = [];
    for (let i = 0; i < big.length; i += 37) {
      frames.push(...framer.push(Buffer.from(big.slice(i, i + 37))));
      assert.ok(framer.bufferedBytes <= 100, 'never holds more than the cap');
    }
    frames.push(...framer.push(Buffer.from('\n{"ok":true}\n')));
    assert.equal(frames.length, 2);
    const [tooLarge, next] = frames;
    assert.equal(tooLarge?.kind, 'too-large');
    if (tooLarge?.kind === 'too-large') {
      assert.equal(tooLarge.bytes, big.length);
      assert.equal(recoverId(tooLarge.head, tooLarge.tail), 42);
    }
    assert.deepEqual(lines(next ? [next] : []), ['{"ok":true}']);
  });

  it('accepts a line of exactly the cap', () => {
    const framer = new LineFramer(10);
    assert.deepEqual(lines(framer.push(Buffer.from('0123456789\n'))), ['0123456789']);
    assert.equal(framer.push(Buffer.from('0123456789A\n'))[0]?.kind, 'too-large');
  });

  it('is linear: a 16 MiB line in 64 KiB chunks costs one concatenation', () => {
    const framer = new LineFramer(32 * 1024 * 1024);
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    for (let i = 0; i < 256; i += 1) assert.deepEqual(framer.push(chunk), []);
    const [frame] = framer.push(Buffer.from('\n'));
    assert.equal(frame?.kind === 'line' ? frame.bytes.length : -1, 16 * 1024 * 1024);
  });
});

describe('recoverId', () => {
  it('finds the id at the end of an SDK-style response', () => {
    assert.equal(recoverId(Buffer.from('{"result":{"content":['), Buffer.from('"}]},"jsonrpc":"2.0","id":"req-7"}')), 'req-7');
  });
  it('finds the id at the start of a request', () => {
    assert.equal(recoverId(Buffer.from('{"jsonrpc":"2.0","id":9,"method":"tools/call","params":{'), Buffer.from('xxxx')), 9);
  });
  it('gives up when the id cannot be read', () => {
    assert.equal(recoverId(Buffer.from('{"params":{"id":5'), Buffer.from('"zzz')), undefined);
  });
});
