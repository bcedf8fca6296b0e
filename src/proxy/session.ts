/**
 * One guarded session: the client's stdio on one side, the server process on
 * the other, every message through the interceptor chain, observers told of
 * every outcome, and a lifecycle with no hang and no lost audit on any exit
 * path.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import type { Readable, Writable } from 'node:stream';
import type { IdentitySource } from '../identity/identity.js';
import { terminalSafe } from '../lib/terminal-safe.js';
import { type ServerExit, type ServerProcess, settlesWithin, spawnServer } from './child-process.js';
import type { Chain } from './compose.js';
import { type Frame, recoverId, recoverLineId } from './framing.js';
import type {
  BadInput,
  Direction,
  MessageContext,
  MessageNotes,
  MessageOutcome,
  SessionObserver,
  SessionState,
  TrackedRequest,
  Verdict,
} from './interceptor.js';
import {
  ErrorCode,
  classifyMessage,
  errorResponse,
  type JsonRpcId,
  type JsonRpcMessage,
  type JsonRpcRequest,
  type MessageKind,
} from './json-rpc.js';
import { lineBytes, LongStrings, StreamedString } from './long-strings.js';
import { Pump, waitForDrain } from './pump.js';
import { holdYoungGeneration, LARGE_MESSAGE_BYTES, reclaimAfterLargeMessage } from './reclaim.js';
import { WireDigest } from './wire-digest.js';

/** What guards a session; built while the server starts (see `SessionOptions.setup`). */
export interface SessionGuards {
  chain: Chain;
  observers: readonly SessionObserver[];
  identitySource: IdentitySource;
  /** What stderr may show of a dropped line's start (the policy's masking hides personal data in it); by default, the start as it came. */
  excerpt?: (text: string) => string;
}

export interface SessionOptions {
  command: readonly string[];
  /** The server, when it was started already (see `early-server.ts`); else the session spawns `command`. */
  server?: ServerProcess;
  /**
   * Builds the guards. The server is spawned first so that its start-up
   * overlaps ours; no message flows either way until this resolves. When it
   * fails, the server is stopped and the error rethrown: nothing runs unguarded.
   */
  setup: () => Promise<SessionGuards>;
  client: { input: Readable; output: Writable };
  maxMessageBytes: number;
  /** Grace after stdin EOF before SIGTERM, and after SIGTERM before SIGKILL. */
  graceMs: number;
  /** Writes one line for a person (stderr). */
  log: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  clock?: () => number;
}

const NEWLINE = Buffer.from('\n');
const COUNT_KEYS: Record<Direction, Record<MessageKind, string>> = {
  'to-server': { request: 'to-server:request', notification: 'to-server:notification', response: 'to-server:response' },
  'to-client': { request: 'to-client:request', notification: 'to-client:notification', response: 'to-client:response' },
};
/** How long to wait for the server's stdout to drain after it exited (a grandchild may hold it open). */
const STDOUT_DRAIN_MS = 2000;
/**
 * How far a streamed line may run ahead of the client's reading before the
 * next piece waits for it (see #stream): enough for the masking to go on
 * while the pipe drains, little against the message.
 */
export const STREAM_AHEAD_BYTES = 1024 * 1024;
/** How long observers get to flush the audit at the end. */
const FLUSH_MS = 10_000;

/** Runs a session to its end; resolves with the exit status mcp-guard should use. */
export async function runSession(options: SessionOptions): Promise<number> {
  const session = new GuardSession(options);
  return session.run();
}

class GuardSession {
  readonly #options: SessionOptions;
  #guards!: SessionGuards;
  readonly #clock: () => number;
  readonly #state: SessionState;
  readonly #counts: Record<string, number> = {};
  /** Requests from the client forwarded to the server, by id (a Map tells 1 and "1" apart). */
  readonly #clientPending = new Map<JsonRpcId, TrackedRequest>();
  /** Requests from the server forwarded to the client, by id. */
  readonly #serverPending = new Map<JsonRpcId, TrackedRequest>();
  #server!: ServerProcess;
  #stopping = false;
  /** Large writes whose bytes have not all left yet. */
  #largeWrites = 0;
  /** Outcomes not yet told to the observers (see #observe). */
  readonly #observations: Array<{ outcome: MessageOutcome; ready: boolean }> = [];
  /** The line being streamed to the client (see #stream), until its last byte was handed over. */
  #streaming: Promise<void> | undefined;
  /** Writes to the client that wait for the streamed line to end, so that none lands inside it. */
  #held: Array<() => void> = [];

  constructor(options: SessionOptions) {
    this.#options = options;
    this.#clock = options.clock ?? Date.now;
    this.#state = {
      id: randomUUID(),
      serverCommand: options.command,
      startedAt: this.#clock(),
      identity: null,
      identitySource: { current: async () => ({ identity: null, reason: 'the session is starting' }) },
    };
  }

  async run(): Promise<number> {
    const { client } = this.#options;
    // Spawn first (if not done already) so the server starts while identity and interceptors load.
    this.#server = this.#options.server ?? spawnServer(this.#options.command, this.#options.env);
    const signals = this.#forwardSignals();
    try {
      try {
        this.#guards = await this.#options.setup();
        (this.#state as { identitySource: IdentitySource }).identitySource = this.#guards.identitySource;
        await this.#prepare();
      } catch (error) {
        // Fail closed: without its guards the server must not run.
        this.#server.kill('SIGTERM');
        await this.#server.shutdown(this.#options.graceMs);
        throw error;
      }
      const { observers } = this.#guards;
      for (const observer of observers) await observer.sessionStarted?.(this.#state);

      const toServer = new Pump({
        source: client.input,
        destination: this.#server.stdin,
        maxMessageBytes: this.#options.maxMessageBytes,
        handle: (frame) => this.#handleFrame('to-server', frame),
      });
      const toClient = new Pump({
        source: this.#server.stdout,
        destination: client.output,
        maxMessageBytes: this.#options.maxMessageBytes,
        handle: (frame) => this.#handleFrame('to-client', frame),
      });
      toServer.start();
      toClient.start();
      void toServer.done.then(() => {
        // Client EOF: every queued message is forwarded, then the server gets EOF and escalation.
        this.#stopping = true;
        void this.#server.shutdown(this.#options.graceMs);
      });

      const exit = await this.#server.exited;
      if (exit.spawnError) {
        const problem = exit.spawnError.code === 'ENOENT' ? 'command not found' : exit.spawnError.message;
        this.#options.log(`mcp-guard: cannot start the MCP server "${this.#options.command[0]}": ${problem} — check the command after --`);
      }
      await settlesWithin(toClient.done, STDOUT_DRAIN_MS);
      this.#failPending(exit);
      await this.#end(exit);
      return exit.status;
    } finally {
      signals();
    }
  }

  async #prepare(): Promise<void> {
    const resolution = await this.#guards.identitySource.current();
    this.#state.identity = resolution.identity;
    if (resolution.reason !== undefined) this.#state.identityProblem = resolution.reason;
    for (const interceptor of this.#guards.chain.interceptors) await interceptor.start?.(this.#state);
  }

  #forwardSignals(): () => void {
    const handlers = new Map<NodeJS.Signals, () => void>();
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      const handler = (): void => {
        this.#stopping = true;
        this.#server.kill(signal);
        // A server that ignores the signal is killed after the grace periods.
        const timer = setTimeout(() => this.#server.kill('SIGKILL'), this.#options.graceMs * 2);
        timer.unref();
      };
      handlers.set(signal, handler);
      process.on(signal, handler);
    }
    return () => {
      for (const [signal, handler] of handlers) process.off(signal, handler);
    };
  }

  #failPending(exit: ServerExit): void {
    const how = exit.signal ? `was killed by ${exit.signal}` : `exited with status ${exit.code}`;
    for (const request of this.#clientPending.values()) {
      const reply = errorResponse(request.id, ErrorCode.ServerGone, `the MCP server ${how} before answering ${request.method}`);
      this.#write('client', JSON.stringify(reply));
      this.#observe({ direction: 'to-client', kind: 'response', original: reply, forwarded: reply, request, notes: { error: 'server-gone' }, at: this.#clock() });
    }
    this.#clientPending.clear();
  }

  async #end(exit: ServerExit): Promise<void> {
    // A line still being streamed is finished first: its record needs all its bytes.
    if (this.#streaming) await settlesWithin(this.#streaming, FLUSH_MS);
    this.#deliverObservations(true);
    const end = { exitCode: exit.status, counts: { ...this.#counts }, at: this.#clock(), ...(exit.signal ? { signal: exit.signal } : {}) };
    for (const observer of this.#guards.observers) {
      try {
        await Promise.race([observer.sessionEnded?.(end), new Promise((resolve) => setTimeout(resolve, FLUSH_MS).unref())]);
      } catch (error) {
        this.#options.log(`mcp-guard: could not finish the audit record: ${(error as Error).message}`);
      }
    }
    for (const interceptor of this.#guards.chain.interceptors) {
      try {
        await interceptor.close?.();
      } catch (error) {
        this.#options.log(`mcp-guard: ${interceptor.name} did not close cleanly: ${(error as Error).message}`);
      }
    }
    const output = this.#options.client.output;
    if (output.writableLength > 0 && !output.destroyed) await settlesWithin(new Promise((resolve) => output.once('drain', resolve)), FLUSH_MS);
  }

  #count(name: string): void {
    this.#counts[name] = (this.#counts[name] ?? 0) + 1;
  }

  /** Never throws: an error in one message must not stop the session. */
  #handleFrame(direction: Direction, frame: Frame): void | Promise<void> {
    const large = frame.kind === 'line' && frame.bytes.length >= LARGE_MESSAGE_BYTES;
    if (large) holdYoungGeneration();
    try {
      const handled = this.#handleFrameUnsafe(direction, frame);
      if (handled instanceof Promise) {
        return handled.then(
          () => this.#handled(large),
          (error: unknown) => {
            this.#internalError(direction, error);
            return this.#handled(large);
          },
        );
      }
    } catch (error) {
      this.#internalError(direction, error);
    }
    return this.#handled(large);
  }

  /**
   * A message is done with. A large one that left as a large write is
   * reclaimed once its bytes are out (see `#write`); one that was refused,
   * dropped or answered briefly leaves its line, text and parsed value behind
   * all the same, so it is reclaimed now, unless a large write is still on
   * its way out (a collection then would stall it; its end reclaims).
   */
  #handled(large: boolean): Promise<void> | undefined {
    if (large && this.#largeWrites === 0) reclaimAfterLargeMessage();
    return this.#backpressure();
  }

  /** Waits while an observer (the audit writer) has fallen behind. */
  #backpressure(): Promise<void> | undefined {
    for (const observer of this.#guards.observers) {
      const waiting = observer.backpressure?.();
      if (waiting) return waiting;
    }
    return undefined;
  }

  #internalError(direction: Direction, error: unknown): void {
    this.#count('internal-error');
    this.#options.log(`mcp-guard: internal error on a message ${direction} (message dropped): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }

  #handleFrameUnsafe(direction: Direction, frame: Frame): void | Promise<void> {
    if (frame.kind === 'too-large') {
      const id = recoverId(frame.head, frame.tail);
      this.#badInput(direction, 'too-large', frame.bytes, frame.head, id, `a message of ${frame.bytes} bytes exceeds the limit of ${this.#options.maxMessageBytes} bytes (raise it with --max-message-bytes)`);
      return;
    }
    const { bytes } = frame;
    const encoding = lineEncoding(bytes);
    if (encoding === undefined) {
      this.#badInput(direction, 'invalid-utf8', bytes.length, bytes, recoverLineId(bytes), 'the message is not valid UTF-8');
      return;
    }
    if (direction === 'to-client' && bytes.length >= LARGE_MESSAGE_BYTES) {
      const handled = this.#handleLongStrings(bytes, encoding === 'latin1');
      if (handled !== false) return handled;
    }
    const text = bytes.toString(encoding);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // A broken response (cut, or with a raw control character) still fails its request now, when its id can be read.
      this.#badInput(direction, 'not-json', bytes.length, bytes, recoverLineId(bytes), 'the line is not JSON');
      return;
    }
    if (Array.isArray(value)) {
      // A JSON-RPC batch (protocol 2025-03-26): split it so that every element goes through the chain.
      this.#badInput(direction, 'batch', bytes.length, bytes, undefined, undefined);
      return this.#handleEach(direction, value);
    }
    return this.#handleValue(direction, value, bytes);
  }

  /**
   * A large response whose long strings can stay bytes (see
   * `long-strings.ts`): parsed without them, when it answers a pending
   * request whose method the chain keeps them for (`keepsLongStrings`).
   * False when it is not such a response: the caller parses it whole, as
   * any line. The line is valid UTF-8; `ascii` says whether it is all ASCII.
   */
  #handleLongStrings(bytes: Buffer, ascii: boolean): void | Promise<void> | false {
    const strings = LongStrings.split(bytes, ascii);
    if (!strings) return false;
    let value: unknown;
    try {
      value = JSON.parse(strings.skeleton);
    } catch {
      return false;
    }
    const classified = classifyMessage(value);
    if (classified?.kind !== 'response' || !('result' in classified.message)) return false;
    const request = this.#pendingRequest('to-client', classified.message.id);
    if (!request || !this.#guards.chain.keepsLongStrings(request.method)) return false;
    if (!strings.valid()) {
      // What the whole line's parse would have refused, before any interceptor reads it: one of its long strings is no JSON string.
      this.#badInput('to-client', 'not-json', bytes.length, bytes, classified.message.id, 'the line is not JSON');
      return;
    }
    this.#count('long-strings');
    return this.#handleValue('to-client', value, bytes, strings);
  }

  async #handleEach(direction: Direction, values: unknown[]): Promise<void> {
    for (const value of values) {
      const handled = this.#handleValue(direction, value, undefined);
      if (handled instanceof Promise) await handled;
    }
  }

  #handleValue(direction: Direction, value: unknown, raw: Buffer | undefined, longStrings?: LongStrings): void | Promise<void> {
    const classified = classifyMessage(value);
    if (!classified) {
      const id = requestLikeId(value);
      this.#badInput(direction, 'invalid-jsonrpc', raw?.length ?? 0, raw ?? Buffer.from(JSON.stringify(value) ?? ''), id, 'not a JSON-RPC 2.0 message', true);
      return;
    }
    const { kind, message } = classified;
    const id = (message as { id?: JsonRpcId | null }).id;
    const request = kind === 'response' && id !== null && id !== undefined ? this.#pendingRequest(direction, id) : undefined;
    if (kind === 'response' && !request) {
      // A duplicate, a late answer to a cancelled request, an id never sent, an error under id null: nobody
      // waits for it, and without its request no rule knows its method, so it would pass unmasked. It is dropped.
      this.#badInput(direction, 'unmatched-response', raw?.length ?? 0, undefined, id ?? undefined, 'a response to no pending request');
      return;
    }
    this.#count(COUNT_KEYS[direction][kind]);
    const context: MessageContext = { direction, kind, message, request, session: this.#state, notes: {}, ...(longStrings ? { longStrings } : {}) };
    this.#noteLifecycle(direction, kind, message, request);
    let verdict: Verdict | Promise<Verdict>;
    try {
      verdict = this.#guards.chain.run(context);
    } catch (error) {
      verdict = this.#refusal(context, error, 'check');
    }
    if (verdict instanceof Promise) {
      return verdict.then(
        (settled) => this.#settle(context, settled, raw),
        (error: unknown) => this.#settle(context, this.#refusal(context, error, 'check'), raw),
      );
    }
    return this.#settle(context, verdict, raw);
  }

  /**
   * mcp-guard could not do what it must before a message passes: check it
   * (an interceptor failed), or, in strict durability, record it first. The
   * message is refused (fail closed), and whoever waits for it gets an
   * error instead of waiting for good. What went wrong goes to stderr only:
   * an error's message may quote the data it failed on.
   */
  #refusal(context: MessageContext, error: unknown, failed: 'check' | 'record'): Verdict {
    this.#internalError(context.direction, error);
    const { direction, kind, request } = context;
    const what = kind === 'response' ? `the ${direction === 'to-server' ? 'client' : 'server'}'s answer to ${request?.method ?? 'a request'}` : `this ${kind}`;
    const could = failed === 'check' ? `check ${what}` : `record ${what} in the audit trail first (strict durability)`;
    context.notes.error = `mcp-guard could not ${could}; see its stderr`;
    const id = (context.message as { id?: JsonRpcId | null }).id;
    if (kind === 'notification' || id === undefined || id === null) return { action: 'deny' };
    return { action: 'deny', reply: errorResponse(request?.id ?? id, ErrorCode.InternalError, `mcp-guard could not ${could}, so it was not passed on (its stderr says why)`) };
  }

  /** Pending requests that a response travelling in `direction` answers. */
  #pendingFor(direction: Direction): Map<JsonRpcId, TrackedRequest> {
    return direction === 'to-client' ? this.#clientPending : this.#serverPending;
  }

  /**
   * The pending request that a response with `id` travelling in `direction`
   * answers. JSON-RPC wants the id back as it was sent, but MCP SDK peers
   * read ids with Number(), and some servers answer request 7 with "7":
   * such an answer still finds (and is masked as the answer to) its request.
   */
  #pendingRequest(direction: Direction, id: JsonRpcId): TrackedRequest | undefined {
    const pending = this.#pendingFor(direction);
    const found = pending.get(id);
    if (found) return found;
    const other = typeof id === 'number' ? String(id) : id.trim() === '' ? undefined : Number(id);
    return other === undefined || Number.isNaN(other) ? undefined : pending.get(other);
  }

  #noteLifecycle(direction: Direction, kind: MessageKind, message: JsonRpcMessage, request: TrackedRequest | undefined): void {
    if (kind === 'request' && direction === 'to-server' && (message as JsonRpcRequest).method === 'initialize') {
      const info = (message as JsonRpcRequest).params?.clientInfo;
      if (info && typeof info === 'object') this.#state.clientInfo = info as SessionState['clientInfo'];
    } else if (kind === 'response' && request?.method === 'initialize' && 'result' in message) {
      const { protocolVersion, serverInfo } = message.result;
      if (typeof protocolVersion === 'string') this.#state.protocolVersion = protocolVersion;
      if (serverInfo && typeof serverInfo === 'object') this.#state.serverInfo = serverInfo as SessionState['serverInfo'];
    } else if (kind === 'notification' && (message as { method: string }).method === 'notifications/cancelled') {
      // After a cancellation the receiver need not answer; stop waiting for it.
      const requestId = (message as { params?: { requestId?: unknown } }).params?.requestId;
      if (typeof requestId === 'string' || typeof requestId === 'number') {
        (direction === 'to-server' ? this.#clientPending : this.#serverPending).delete(requestId);
      }
    }
  }

  #settle(context: MessageContext, verdict: Verdict, raw: Buffer | undefined): void | Promise<void> {
    const { direction, kind, request } = context;
    const original = context.message;
    const destination = direction === 'to-server' ? 'server' : 'client';
    const at = this.#clock();
    if (verdict.action === 'deny') {
      this.#count('denied');
      if (kind === 'response') {
        // The requester must not hang: it gets the reply, or an error, instead of the response.
        const id = (original as { id: JsonRpcId }).id;
        const reply = verdict.reply ?? errorResponse(id, ErrorCode.PolicyDenied, 'the response was withheld by policy');
        this.#pendingFor(direction).delete(request?.id ?? id);
        this.#write(destination, JSON.stringify(reply));
        this.#observe({ direction, kind, original, reply, ...(request ? { request } : {}), notes: context.notes, at });
        return;
      }
      if (verdict.reply) this.#write(direction === 'to-server' ? 'client' : 'server', JSON.stringify(verdict.reply));
      this.#observe({ direction, kind, original, ...(verdict.reply ? { reply: verdict.reply } : {}), notes: context.notes, at });
      return;
    }
    const message = verdict.action === 'rewrite' ? verdict.message : original;
    // The line as it came when nothing changed it: no second serialization.
    const wire = verdict.action === 'forward' && raw ? raw : undefined;
    if (kind === 'request' && direction === 'to-server') {
      let waits: Promise<void>[] | undefined;
      for (const observer of this.#guards.observers) {
        const wait = observer.beforeForward?.(message as JsonRpcRequest, context.notes, this.#state);
        if (wait instanceof Promise) (waits ??= []).push(wait);
      }
      if (waits) {
        return Promise.all(waits).then(
          () => this.#forward(context, message, wire, at),
          // Strict durability: a request that could not be recorded first is not sent.
          (error: unknown) => this.#settle(context, this.#refusal(context, error, 'record'), raw),
        );
      }
    }
    return this.#forward(context, message, wire, at);
  }

  #forward(context: MessageContext, message: JsonRpcMessage, raw: Buffer | undefined, at: number): void | Promise<void> {
    const { direction, kind, request, longStrings } = context;
    // The line is made before anything is tracked or written: a message it cannot be made of (a rewrite
    // that JSON cannot hold) is refused like one that could not be checked, and nobody waits for it.
    let parts: Array<Buffer | StreamedString> | undefined;
    let whole: Buffer | string | undefined;
    try {
      // In parts: the line as it came with streamed strings in place, or the message serialised.
      parts = longStrings ? (raw ? longStrings.asSent() : longStrings.serialize(message)) : undefined;
      if (!parts) whole = raw ?? JSON.stringify(message);
    } catch (error) {
      return this.#settle(context, this.#refusal(context, error, 'check'), raw);
    }
    if (kind === 'request') {
      const tracked = trackRequest(message as JsonRpcRequest, direction, at, context.notes);
      (direction === 'to-server' ? this.#clientPending : this.#serverPending).set(tracked.id, tracked);
    } else if (kind === 'response') {
      this.#pendingFor(direction).delete(request?.id ?? (message as { id: JsonRpcId }).id);
    }
    const outcome: MessageOutcome = { direction, kind, original: context.message, forwarded: message, notes: context.notes, at };
    if (request) outcome.request = request;
    // Observers find the placeholders' bytes only in the wire (see MessageOutcome).
    if (longStrings) outcome.longStrings = longStrings;
    if (parts?.some((part) => part instanceof StreamedString)) {
      // The wire's digest, taken as the parts leave; observers get it once the last has.
      const sent = new WireDigest();
      outcome.wire = sent;
      const { made, flushed } = this.#stream(parts, sent, (message as { id: JsonRpcId }).id, context.notes);
      this.#observe(outcome, flushed);
      return made;
    }
    const wire = (parts as Buffer[] | undefined) ?? (whole as Buffer | string);
    const flushed = this.#write(direction === 'to-server' ? 'server' : 'client', wire);
    // With long strings, the wire is the line as it came, or the serialised parts.
    outcome.wire = longStrings && !Array.isArray(wire) ? [wire as Buffer] : wire;
    this.#observe(outcome, flushed);
  }

  /**
   * Writes a response to the client whose streamed strings (see
   * `StreamedString`) are masked as they are written: each piece leaves
   * before the next is masked, so the client reads the result while the
   * wrapper masks it, instead of after. Between pieces the event loop turns
   * (the pipe drains); a client that falls behind by more than
   * `STREAM_AHEAD_BYTES` is waited for; other writes to the
   * client wait until the line is out, so none lands inside it. `made`
   * settles once every byte was handed to the stream, `flushed` once all
   * have left; `sent` digests the bytes. Should masking fail half-way, the
   * line is cut off (the client cannot parse it) and an error answers `id`.
   */
  #stream(parts: ReadonlyArray<Buffer | StreamedString>, sent: WireDigest, id: JsonRpcId, notes: MessageNotes): { made: Promise<void>; flushed: Promise<void> } {
    const stream = this.#options.client.output;
    let flushed!: () => void;
    const out = new Promise<void>((resolve) => (flushed = resolve));
    this.#largeWrites++;
    const write = async (): Promise<void> => {
      if (this.#lost('client', stream)) return;
      for (const bytes of lineBytes(parts)) {
        sent.add(bytes);
        stream.write(bytes);
        if (stream.writableLength > STREAM_AHEAD_BYTES) await waitForDrain(stream);
        else await new Promise(setImmediate);
        if (closed(stream)) return;
      }
    };
    const made = write()
      .catch((error: unknown) => {
        // What went wrong goes to stderr only: an error's message may quote the text it failed on.
        notes.error = 'the result could not be masked as it was sent';
        this.#internalError('to-client', error);
        if (closed(stream)) return;
        // The line ends where it was cut; the answer's own newline is the line end below.
        stream.write(NEWLINE);
        stream.write(JSON.stringify(errorResponse(id, ErrorCode.InternalError, 'mcp-guard could not finish masking this result (its stderr says why); the part sent is cut off')));
      })
      .then(() => {
        const done = (): void => {
          this.#largeWrites--;
          reclaimAfterLargeMessage();
          flushed();
        };
        if (closed(stream)) done();
        else stream.write(NEWLINE, done);
        this.#streaming = undefined;
        const held = this.#held;
        this.#held = [];
        for (const send of held) send();
      });
    this.#streaming = made;
    return { made, flushed: out };
  }

  /**
   * Tells the observers, in arrival order. A large message is told only once
   * its bytes have left (`flushed`), and later ones wait behind it: the
   * audit's work on megabytes must not hold up the transfer it records.
   */
  #observe(outcome: MessageOutcome, flushed?: Promise<void>): void {
    const entry = { outcome, ready: flushed === undefined };
    this.#observations.push(entry);
    if (flushed) {
      void flushed.then(() => {
        entry.ready = true;
        this.#deliverObservations(false);
      });
    } else if (this.#observations.length === 1) {
      this.#deliverObservations(false);
    }
  }

  #deliverObservations(all: boolean): void {
    while (this.#observations.length > 0 && (all || (this.#observations[0] as { ready: boolean }).ready)) {
      const { outcome } = this.#observations.shift() as { outcome: MessageOutcome };
      for (const observer of this.#guards.observers) {
        try {
          observer.message?.(outcome);
        } catch (error) {
          this.#options.log(`mcp-guard: audit observer failed: ${(error as Error).message}`);
        }
      }
    }
  }

  /**
   * Counts, audits and reports a line that does not pass as it came. `sample`
   * is shown on stderr; without one (a well-formed message whose content
   * must not be shown), the id is.
   */
  #badInput(direction: Direction, problem: BadInput['problem'], bytes: number, sample: Buffer | undefined, id: JsonRpcId | undefined, why: string | undefined, alwaysReply = false): void {
    this.#count(`bad:${problem}`);
    const excerpt = sample ? printable(sample, this.#guards.excerpt) : `id ${JSON.stringify(id ?? null)}`;
    const input: BadInput = { direction, problem, bytes, excerpt, at: this.#clock(), ...(id !== undefined ? { id } : {}) };
    for (const observer of this.#guards.observers) observer.badInput?.(input);
    if (problem === 'batch') return;
    const from = direction === 'to-server' ? 'client' : 'server';
    this.#options.log(`mcp-guard: dropped a line from the ${from} (${why}): ${excerpt}`);
    // A response is never answered.
    if (id === undefined || problem === 'unmatched-response') return;
    const code = problem === 'too-large' ? ErrorCode.MessageTooLarge : problem === 'invalid-jsonrpc' ? ErrorCode.InvalidRequest : ErrorCode.ParseError;
    if (direction === 'to-server') {
      // The client sent it: tell the client, under its own id.
      this.#write('client', JSON.stringify(errorResponse(id, code, `mcp-guard refused the message: ${why}`)));
      return;
    }
    // The server sent it. When it answers a client request, that request fails now instead of hanging.
    const pending = this.#pendingRequest('to-client', id);
    if (pending) {
      this.#clientPending.delete(pending.id);
      this.#write('client', JSON.stringify(errorResponse(pending.id, code, `the MCP server's answer to ${pending.method} was dropped: ${why}`)));
    } else if (alwaysReply) {
      this.#write('server', JSON.stringify(errorResponse(id, code, `mcp-guard refused the message: ${why}`)));
    }
  }

  /** Whether `stream` takes no more writes; if so, a message to `side` is counted lost (unless the session is stopping). */
  #lost(side: 'client' | 'server', stream: Writable): boolean {
    if (!closed(stream)) return false;
    if (!this.#stopping) this.#count(`lost:${side}`);
    return true;
  }

  /** Writes one message line (in parts, or whole); for a large one, returns a promise that settles once it has left. */
  #write(side: 'client' | 'server', data: Buffer | string | readonly Buffer[]): Promise<void> | undefined {
    if (side === 'client' && this.#streaming) {
      // Replies the wrapper makes itself (a refusal, a failed request): small, and in order after the line.
      this.#held.push(() => void this.#write(side, data));
      return undefined;
    }
    const stream = side === 'client' ? this.#options.client.output : this.#server.stdin;
    if (this.#lost(side, stream)) return undefined;
    const parts = Array.isArray(data) ? data : undefined;
    if (parts || data.length >= LARGE_MESSAGE_BYTES) {
      // A large message is not copied: its bytes and the newline leave in one writev. Once they
      // have left, its memory is reclaimed (not before: a collection would stall the transfer).
      stream.cork();
      for (const part of parts ?? [data as Buffer | string]) stream.write(part);
      this.#largeWrites++;
      const flushed = new Promise<void>((resolve) =>
        stream.write(NEWLINE, () => {
          this.#largeWrites--;
          reclaimAfterLargeMessage();
          resolve();
        }),
      );
      process.nextTick(() => stream.uncork());
      return flushed;
    }
    // One write (one syscall) for the common small message; copying a few KiB is cheaper than a writev.
    stream.write(typeof data === 'string' ? `${data}\n` : Buffer.concat([data as Buffer, NEWLINE], data.length + 1));
    return undefined;
  }
}

/** Whether `stream` has ended or been destroyed: nothing written to it arrives. */
function closed(stream: Writable): boolean {
  return stream.destroyed || stream.writableEnded;
}

/**
 * How to decode the line, or undefined when it is not valid UTF-8. ASCII
 * lines (most JSON) take the latin1 decoder, which reads bytes below 0x80
 * exactly as UTF-8 does and is ~30% faster on a 4 MiB line here.
 */
function lineEncoding(bytes: Buffer): 'latin1' | 'utf8' | undefined {
  if (isAscii(bytes)) return 'latin1';
  return isUtf8(bytes) ? 'utf8' : undefined;
}

function trackRequest(message: JsonRpcRequest, direction: Direction, at: number, notes: MessageNotes): TrackedRequest {
  return { id: message.id, method: message.method, params: message.params, direction, startedAt: at, notes };
}

function requestLikeId(value: unknown): JsonRpcId | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { id } = value as { id?: unknown };
  return typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? id : undefined;
}

/** A short excerpt safe to print on a terminal, passed through `shown` (see `SessionGuards.excerpt`). */
function printable(bytes: Buffer, shown: (text: string) => string = (text) => text): string {
  const text = shown(terminalSafe(bytes.subarray(0, 120).toString('utf8')));
  return bytes.length > 120 ? `${text}… (${bytes.length} bytes)` : text;
}
