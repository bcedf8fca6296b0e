import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GuardError } from '../../src/errors.js';
import { FORWARD, type Interceptor, type MessageContext, type SessionObserver } from '../../src/proxy/interceptor.js';
import { ErrorCode } from '../../src/proxy/json-rpc.js';
import { call, startSession } from '../helpers/in-memory-session.js';

/** The text an echo call carries, in its request or its result. */
function echoed(context: MessageContext): string | undefined {
  const { message } = context;
  if ('method' in message) return (message.params?.arguments as { text?: string } | undefined)?.text;
  if ('result' in message) return (message.result.content as Array<{ text?: string }> | undefined)?.[0]?.text;
  return undefined;
}

/** Fails (as `how` says) on the messages of one direction whose echo text is `explode`. */
function failing(direction: MessageContext['direction'], how: 'throws' | 'rejects'): Interceptor {
  return {
    name: 'failing',
    intercept(context) {
      if (context.direction !== direction || echoed(context) !== 'explode') return FORWARD;
      const error = new Error('could not read anna@example.de');
      if (how === 'throws') throw error;
      return Promise.reject(error);
    },
  };
}

type Answer = { id: number; error?: { code: number; message: string }; result?: unknown };

/**
 * Sends a call the test makes fail (`explode`), then one that passes, and
 * returns the two answers once both are in: had the server had the first,
 * its answer would come before the second's. The first must be mcp-guard's
 * internal error.
 */
async function failedThenAnswered(session: ReturnType<typeof startSession>): Promise<[Answer, Answer]> {
  session.send(call(1, 'echo', { text: 'explode' }));
  session.send(call(2, 'echo', { text: 'fine' }));
  await session.lineCount(2);
  const [refused, answered] = session.lines.map((line) => JSON.parse(line) as Answer) as [Answer, Answer];
  assert.equal(refused.id, 1);
  assert.equal(refused.error?.code, ErrorCode.InternalError);
  assert.equal(answered.id, 2);
  return [refused, answered];
}

describe('an interceptor that fails on a message', () => {
  for (const how of ['throws', 'rejects'] as const) {
    it(`${how} on a request: the request is not sent on, the client gets an error at once, the session goes on`, async () => {
      const session = startSession([failing('to-server', how)]);
      const [refused, answered] = await failedThenAnswered(session);
      assert.match(refused.error?.message ?? '', /could not check this request, so it was not passed on/);
      assert.deepEqual(answered.result, { content: [{ type: 'text', text: 'fine' }] });
      // What went wrong is on stderr only: the message may quote personal data.
      assert.ok(!session.lines[0]!.includes('anna@'));
      assert.match(session.logs.join('\n'), /internal error on a message to-server.*could not read anna@example\.de/s);
      const outcome = session.outcomes.find((o) => o.direction === 'to-server' && o.kind === 'request' && o.notes.error !== undefined);
      assert.ok(outcome, 'the trail is told why the request was stopped');
      assert.ok(!JSON.stringify(outcome.notes).includes('anna@'));
      assert.equal(await session.end(), 0);
    });

    it(`${how} on a response: the answer is not passed on, the request it answers fails at once, the session goes on`, async () => {
      const session = startSession([failing('to-client', how)]);
      session.send(call(1, 'echo', { text: 'explode' }));
      await session.lineCount(1);
      session.send(call(2, 'echo', { text: 'fine' }));
      await session.lineCount(2);
      const [refused, answered] = session.lines.map((line) => JSON.parse(line) as { id: number; error?: { code: number; message: string }; result?: unknown });
      assert.equal(refused?.id, 1);
      assert.equal(refused?.error?.code, ErrorCode.InternalError);
      assert.match(refused?.error?.message ?? '', /could not check the server's answer to tools\/call/);
      assert.ok(!session.lines[0]!.includes('explode'), 'the answer itself does not pass');
      assert.equal(answered?.id, 2);
      assert.match(session.logs.join('\n'), /internal error on a message to-client/);
      assert.equal(await session.end(), 0);
    });
  }

  for (const direction of ['to-server', 'to-client'] as const) {
    it(`rewrites a ${direction === 'to-server' ? 'request' : 'response'} into one no line can be made of: it is refused, and the requester is answered at once`, async () => {
      // A buggy rewrite: JSON cannot hold a BigInt, so the line to write cannot be made.
      const unwritable: Interceptor = {
        name: 'unwritable',
        intercept(context) {
          if (context.direction !== direction || echoed(context) !== 'explode') return FORWARD;
          const { message } = context;
          return { action: 'rewrite', message: { ...message, extra: 1n } as unknown as typeof message };
        },
      };
      const session = startSession([unwritable]);
      await failedThenAnswered(session);
      assert.match(session.logs.join('\n'), /BigInt/);
      assert.equal(await session.end(), 0);
    });
  }

  it('fails on a notification: it is dropped, and nobody is answered', async () => {
    const dropsProgress: Interceptor = {
      name: 'drops-progress',
      intercept(context) {
        if ('method' in context.message && context.message.method === 'notifications/cancelled') throw new Error('broken');
        return FORWARD;
      },
    };
    const session = startSession([dropsProgress]);
    session.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 9 } });
    session.send(call(2, 'echo', { text: 'fine' }));
    await session.lineCount(1);
    assert.equal((JSON.parse(session.lines[0]!) as { id: number }).id, 2);
    assert.match(session.logs.join('\n'), /internal error on a message to-server/);
    assert.equal(await session.end(), 0);
  });

  it('strict durability: a request the trail could not record first is not sent, and the client gets an error at once', async () => {
    // What the audit recorder's beforeForward does when the spool cannot be written.
    const brokenDisk: SessionObserver = {
      beforeForward: (request) => ('params' in request && (request.params?.arguments as { text?: string })?.text === 'explode' ? Promise.reject(new GuardError('GUARD_AUDIT_IO', 'cannot write the audit spool: ENOSPC')) : undefined),
    };
    const session = startSession([], [brokenDisk]);
    const [refused] = await failedThenAnswered(session);
    assert.match(refused.error?.message ?? '', /could not record this request in the audit trail first \(strict durability\), so it was not passed on/);
    assert.match(session.logs.join('\n'), /ENOSPC/);
    assert.equal(await session.end(), 0);
  });
});
