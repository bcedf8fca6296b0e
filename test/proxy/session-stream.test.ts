import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { FORWARD, type Interceptor } from '../../src/proxy/interceptor.js';
import { ErrorCode } from '../../src/proxy/json-rpc.js';
import { PIECE_BYTES, StreamedString } from '../../src/proxy/long-strings.js';
import { STREAM_AHEAD_BYTES } from '../../src/proxy/session.js';
import { WireDigest } from '../../src/proxy/wire-digest.js';
import { piiDenseText } from '../bench/mask-bench.js';
import { call, startSession } from '../helpers/in-memory-session.js';

/** A result large enough to keep its text as bytes (over 1 MiB), in lines, so it is read in many pieces. */
const BYTES = 1_500_000;

/**
 * Rewrites the text of a large tools/call result as a streamed string (as
 * result masking does), upper-casing each piece; `beforePiece(k)` runs just
 * before piece k is made.
 */
function upperCasing(beforePiece: (k: number) => void): Interceptor {
  return {
    name: 'upper-casing',
    longStringUse: () => 'reads',
    intercept({ longStrings, message }) {
      if (!longStrings || !('result' in message)) return FORWARD;
      const long = longStrings.get((message.result.content as Array<{ text: unknown }>)[0]?.text);
      if (!long) return FORWARD;
      function* pieces(): Generator<string> {
        let k = 0;
        for (const piece of long!.pieces()) {
          beforePiece(k++);
          yield piece.toUpperCase();
        }
      }
      return { action: 'rewrite', message: { ...message, result: { content: [{ type: 'text', text: longStrings.add(new StreamedString(pieces())) }] } } };
    },
  };
}

/** Denies calls to the `crash` tool with a reply of its own. */
const refuseCrash: Interceptor = {
  name: 'refuse-crash',
  longStringUse: () => 'ignores',
  intercept({ message }) {
    if (!('method' in message) || message.method !== 'tools/call' || message.params?.name !== 'crash' || !('id' in message)) return FORWARD;
    return { action: 'deny', reply: { jsonrpc: '2.0', id: message.id, result: { content: [{ type: 'text', text: 'refused' }], isError: true } } };
  },
};


describe('a streamed result', () => {
  it('reaches the client a piece at a time: each piece leaves before the next is made', async () => {
    let outAtSecondPiece = -1;
    const session = startSession([upperCasing((k) => (k === 1 ? (outAtSecondPiece = session.bytesOut()) : undefined))]);
    session.send(call(1, 'pii', { bytes: BYTES }));
    await session.lineCount(1);
    assert.ok(outAtSecondPiece > 1000, `the client had ${outAtSecondPiece} bytes when the second piece was made`);
    const response = JSON.parse(session.lines[0]!) as { id: number; result: { content: Array<{ text: string }> } };
    assert.equal(response.id, 1);
    assert.equal(response.result.content[0]!.text, piiDenseText(BYTES).toUpperCase());
    assert.equal(await session.end(), 0);
    // The record gets the digest of the line as it was sent, and no copy of its bytes.
    const wire = session.outcomes.find((o) => o.kind === 'response')?.wire;
    assert.ok(wire instanceof WireDigest, 'the pieces sent are not kept');
    assert.equal(wire.bytes, Buffer.byteLength(session.lines[0]!));
    assert.equal(wire.sha256(), createHash('sha256').update(session.lines[0]!).digest('hex'));
  });

  it("holds the wrapper's own replies to the client until the streamed line is out", async () => {
    const session = startSession([
      upperCasing((k) => {
        // Mid-stream, the client sends a call that the wrapper refuses itself.
        if (k === 1) session.send(call(2, 'crash', {}));
      }),
      refuseCrash,
    ]);
    session.send(call(1, 'pii', { bytes: BYTES }));
    await session.lineCount(2);
    const [first, second] = session.lines.map((line) => JSON.parse(line) as { id: number; result: { content: Array<{ text: string }> } });
    assert.equal(first?.id, 1);
    assert.equal(first?.result.content[0]?.text.length, piiDenseText(BYTES).length);
    assert.deepEqual(second, { jsonrpc: '2.0', id: 2, result: { content: [{ type: 'text', text: 'refused' }], isError: true } });
    assert.equal(await session.end(), 0);
  });

  it('waits for a client that does not read, instead of masking the rest into memory', async () => {
    let made = 0;
    const session = startSession([upperCasing(() => made++)]);
    session.output.pause();
    session.send(call(1, 'pii', { bytes: 4 * BYTES }));
    // Once the stream has started (the server builds 6 MB first, slowly on a busy machine), it must stop by itself.
    const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
    for (const deadline = Date.now() + 30_000; made === 0; await sleep(50)) assert.ok(Date.now() < deadline, 'no piece made after 30 s');
    for (let before = -1; made !== before; await sleep(1000)) before = made;
    // Pieces of ~64 KiB run ahead of the client's reading by STREAM_AHEAD_BYTES at most, then wait for it.
    const ahead = Math.ceil(STREAM_AHEAD_BYTES / PIECE_BYTES);
    assert.ok(made > 1 && made <= ahead + 2, `${made} pieces made while the client read nothing`);
    session.output.resume();
    await session.lineCount(1);
    assert.ok(made > 4 * ahead, `${made} pieces in all`);
    assert.equal((JSON.parse(session.lines[0]!) as { id: number }).id, 1);
    assert.equal(await session.end(), 0);
  });

  it('is finished before the session ends, when the client closes its input half-way', async () => {
    const session = startSession([
      upperCasing((k) => {
        if (k === 1) session.closeInput();
        // Slower than the wait for the server's output to drain after it exits (2 s): only the stream's own end may end the session.
        const until = Date.now() + 120;
        while (Date.now() < until);
      }),
    ]);
    session.send(call(1, 'pii', { bytes: BYTES }));
    assert.equal(await session.ended, 0);
    assert.equal(session.lines.length, 1);
    const response = JSON.parse(session.lines[0]!) as { result: { content: Array<{ text: string }> } };
    assert.equal(response.result.content[0]!.text, piiDenseText(BYTES).toUpperCase());
    assert.ok(session.outcomes.some((o) => o.kind === 'response'), 'the response was recorded');
  });

  it('is cut off, and its request answered with an error, when a piece fails; the session goes on', async () => {
    const session = startSession([
      upperCasing((k) => {
        if (k === 2) throw new Error('piece 2 failed');
      }),
    ]);
    session.send(call(1, 'pii', { bytes: BYTES }));
    await session.lineCount(2);
    assert.throws(() => JSON.parse(session.lines[0]!), SyntaxError, 'the cut line is no JSON');
    assert.deepEqual(JSON.parse(session.lines[1]!), {
      jsonrpc: '2.0',
      id: 1,
      error: { code: ErrorCode.InternalError, message: 'mcp-guard could not finish masking this result (its stderr says why); the part sent is cut off' },
    });
    session.send(call(2, 'echo', { text: 'still here' }));
    await session.lineCount(3);
    assert.deepEqual(JSON.parse(session.lines[2]!), { jsonrpc: '2.0', id: 2, result: { content: [{ type: 'text', text: 'still here' }] } });
    assert.equal(await session.end(), 0);
    assert.match(session.logs.join('\n'), /internal error on a message to-client .*piece 2 failed/);
    // The record says so, without the error's message (it may quote the text), nor the wrapper's placeholder.
    const outcome = session.outcomes.find((o) => o.kind === 'response');
    assert.equal(outcome?.notes.error, 'the result could not be masked as it was sent');
    assert.deepEqual(outcome?.longStrings?.describe(outcome.forwarded), {
      jsonrpc: '2.0',
      id: 1,
      result: { content: [{ type: 'text', text: '[long string, cut off before all of it was sent]' }] },
    });
  });
});
