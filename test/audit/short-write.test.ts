import assert from 'node:assert/strict';
import { open, type FileHandle } from 'node:fs/promises';
import { test } from 'node:test';
import { verifySession } from '../../src/audit/verify.js';
import { keysOf, newSigner, recorderFor, scriptedSession, sessionState, tempHome } from './fixtures.js';

// A disk that is nearly full makes writev stop short. That cannot be arranged
// here, so every writev of this test process writes only the first half of
// what it is given and reports that, as the system call does.
test('a batch that one writev writes only in part is completed: the session still verifies', async () => {
  const probe = await open(process.execPath, 'r');
  const prototype = Object.getPrototypeOf(probe) as FileHandle;
  await probe.close();
  const writev = prototype.writev;
  let shortWrites = 0;
  prototype.writev = async function (this: FileHandle, buffers: NodeJS.ArrayBufferView[]) {
    const all = Buffer.concat(buffers as Uint8Array[]);
    shortWrites += 1;
    const { bytesWritten } = await writev.call(this, [all.subarray(0, all.length >> 1)]);
    return { bytesWritten, buffers };
  } as FileHandle['writev'];
  try {
    const home = tempHome();
    const signer = newSigner();
    const recorder = await recorderFor(home, signer);
    const session = sessionState();
    await scriptedSession(recorder, session, { calls: 3 });
    assert.ok(shortWrites > 0, 'the spool was written through writev');
    const result = await verifySession(home, session.id, { knownKeys: keysOf(signer) });
    assert.equal(result.ok, true, JSON.stringify(result.firstBad));
    assert.equal(result.state, 'ended');
  } finally {
    prototype.writev = writev;
  }
});
