/**
 * The audit recorder: a `SessionObserver` that turns what the session saw
 * into chained events (see `event.ts`) and hands them to the background
 * spool writer.
 *
 * - `message()` and `badInput()` never wait on disk, and do their work
 *   (masking, hashing) a few milliseconds later, in one batch, after the
 *   message has been forwarded, so the data path pays for neither.
 * - `backpressure()` makes the session wait while more events are queued
 *   than the disk has taken, so a flood cannot grow memory without bound.
 * - `beforeForward()` records a `request` event and returns a promise that
 *   resolves once it is fsynced — in strict durability only; in default
 *   durability it returns nothing and the request is recorded with its
 *   response as one `call` event.
 * - `sessionEnded()` records unanswered requests and the end, flushes,
 *   seals the file and closes the index entry.
 *
 * Creating a recorder loads (or creates) the device key and repairs sessions
 * that crashed earlier under the same home.
 *
 * @see ../../../shared/DESIGN.md "Audit trail"
 */
import { hostname } from 'node:os';
import { GuardError } from '../errors.js';
import { addCounts } from '../lib/counts.js';
import type { Identity } from '../identity/identity.js';
import { keychainWhenNeeded, type Keychain } from '../identity/keychain.js';
import { RESULT_METADATA_KEYS, type BadInput, type Decision, type Direction, type MessageNotes, type MessageOutcome, type SessionEnd, type SessionObserver, type SessionState, type TrackedRequest, type TrailCopy, type Wire } from '../proxy/interceptor.js';
import { idKey, type JsonRpcMessage, type JsonRpcRequest } from '../proxy/json-rpc.js';
import { LARGE_MESSAGE_BYTES } from '../proxy/reclaim.js';
import { chainEvent, EMPTY_CHAIN, type ChainHead } from './chain.js';
import { loadDeviceKey } from './device-key.js';
import type { CallBody, EventBody, RecordedDecision, RecordedIdentity } from './event.js';
import { digestBinary, maskMembers, preparePayload, wireBytes, wireInParts, type Masker } from './payload.js';
import { recoverCrashedSessions } from './recover.js';
import { scrubCommand } from './secrets.js';
import type { Signer } from './signer.js';
import { appendIndex, ensureSpoolDir, sessionFile } from './spool.js';
import { SpoolWriter } from './writer.js';

export interface AuditRecorderOptions {
  /** `MCP_GUARD_HOME`. */
  home: string;
  durability: 'default' | 'strict';
  /** The audit masking policy (`createMasker(...).maskValue`); absent → payloads are recorded unmasked (secrets are still removed). */
  mask?: Masker;
  policy: { name: string; hash: string };
  /** mcp-guard's version. */
  version: string;
  clock?: () => number;
  /** The batch signer; default: the device key (created on first use). */
  signer?: Signer;
  /** The keychain for the device key; default: the OS keychain, opened only when the key is not in a file. */
  keychain?: Keychain | null;
  /** Longest an event waits before it is written (default 100 ms). */
  maxDelayMs?: number;
  /** Where audit problems are told (default: stderr). */
  log?: (line: string) => void;
  /**
   * The audit masker loading in the background (see `mask/masker-load.ts`):
   * nothing is recorded before `ready` settles, so nothing before it can be
   * masked. Recording waits for someone else to `start()` it, except where
   * it must not wait long (backpressure, strict durability, the end).
   */
  loading?: { readonly ready: Promise<unknown>; start(): unknown };
}

export type AuditRecorder = SessionObserver & {
  /** Writes and fsyncs every event recorded so far. */
  flush(): Promise<void>;
};

/**
 * Creates the recorder the wrapper registers as a session observer.
 *
 * @throws GuardError `GUARD_AUDIT_IO` when the spool or the device key cannot be set up.
 */
export async function createAuditRecorder(options: AuditRecorderOptions): Promise<AuditRecorder> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  try {
    ensureSpoolDir(options.home);
  } catch (error) {
    throw new GuardError('GUARD_AUDIT_IO', `cannot create the audit spool in ${options.home}: ${(error as Error).message} — check MCP_GUARD_HOME`, { cause: error });
  }
  let signer = options.signer;
  if (!signer) {
    const keychain = options.keychain !== undefined ? options.keychain : keychainWhenNeeded();
    signer = (await loadDeviceKey(options.home, { create: true, keychain })) as Signer;
  }
  try {
    for (const report of recoverCrashedSessions(options.home, signer, { clock: options.clock ?? Date.now })) {
      log(`mcp-guard: audit: session ${report.session} had crashed; sealed it (${report.events} events kept, ${report.tornBytes} torn bytes cut off)`);
    }
  } catch (error) {
    log(`mcp-guard: audit: could not repair crashed sessions: ${(error as Error).message}`);
  }
  return new Recorder(options, signer, log);
}

/**
 * How long outcomes wait before they are recorded, as one batch. Recording
 * on the very next turn of the event loop put ~0.1 ms of hashing and masking
 * in front of the client's next request in a quick exchange; a short wait lets
 * the exchange run first (measured: ~0.08 ms off the median added latency of
 * a small call). Far inside the writer's 100 ms batch delay.
 */
const RECORD_AFTER_MS = 5;

/** Queued events (deferred plus not yet on disk) above which the session waits for the disk. */
const BACKLOG_HIGH_EVENTS = 256;
/** ... and below which it reads again. */
const BACKLOG_LOW_EVENTS = 64;

interface PendingCall {
  request: TrackedRequest;
  requestSeq?: number;
}

class Recorder implements AuditRecorder {
  readonly #options: AuditRecorderOptions;
  readonly #signer: Signer;
  readonly #log: (line: string) => void;
  readonly #clock: () => number;
  #session: SessionState | undefined;
  #writer: SpoolWriter | undefined;
  #head: ChainHead = EMPTY_CHAIN;
  #protocolVersion: string | undefined;
  /** Forwarded requests awaiting their response, by request direction and id. */
  readonly #pending = new Map<string, PendingCall>();
  /** `request` events recorded by beforeForward (strict), by id. */
  readonly #requestSeqs = new Map<string, number>();
  readonly #counts: Record<string, number> = {};
  #ended = false;
  #warned = false;
  /** Outcomes seen on the data path, recorded RECORD_AFTER_MS later, in order. */
  #deferred: Array<() => void> = [];
  #scheduled = false;
  /** Pending while `options.loading` is: deferred recording waits for it. */
  #loading: Promise<void> | undefined;

  constructor(options: AuditRecorderOptions, signer: Signer, log: (line: string) => void) {
    this.#options = options;
    this.#signer = signer;
    this.#log = log;
    this.#clock = options.clock ?? Date.now;
    if (options.loading) {
      // A failed load shows where it matters: the masker throws, and payloads are not recorded.
      this.#loading = options.loading.ready.then(
        () => undefined,
        () => undefined,
      );
      void this.#loading.then(() => (this.#loading = undefined));
    }
  }

  sessionStarted(session: SessionState): void | Promise<void> {
    this.#session = session;
    this.#writer = new SpoolWriter({
      path: sessionFile(this.#options.home, session.id),
      session: session.id,
      signer: this.#signer,
      clock: this.#clock,
      ...(this.#options.maxDelayMs !== undefined ? { maxDelayMs: this.#options.maxDelayMs } : {}),
      onError: (error) => this.#warn(error.message),
    });
    appendIndex(this.#options.home, {
      op: 'start',
      session: session.id,
      at: session.startedAt,
      user: session.identity?.sub ?? null,
      server: scrubCommand(session.serverCommand).join(' '),
      pid: process.pid,
      host: hostname(),
    });
    if (session.protocolVersion) this.#protocolVersion = session.protocolVersion;
    const written = this.#record(
      {
        type: 'session-start',
        identity: recordIdentity(session.identity),
        ...(session.identityProblem ? { identityProblem: session.identityProblem } : {}),
        host: hostname(),
        pid: process.pid,
        server: scrubCommand(session.serverCommand),
        ...(session.protocolVersion ? { protocolVersion: session.protocolVersion } : {}),
        ...(session.clientInfo ? { client: { ...session.clientInfo } } : {}),
        policy: { name: this.#options.policy.name, hash: this.#options.policy.hash },
        auditMasked: this.#options.mask !== undefined,
        version: this.#options.version,
        durability: this.#options.durability,
      },
      session.startedAt,
      this.#options.durability === 'strict',
    );
    // Strict: the session's start is on disk before any message flows.
    return this.#options.durability === 'strict' ? written : undefined;
  }

  beforeForward(request: JsonRpcRequest, notes: MessageNotes, _session: SessionState): void | Promise<void> {
    if (this.#options.durability !== 'strict' || !this.#session) return undefined;
    if (this.#loading) return this.#loaded().then(() => this.beforeForward(request, notes, _session));
    // Keep the chain in arrival order: what came before this request is recorded first.
    this.#runDeferred();
    const params = this.#payload(request.params);
    const tool = toolOf(request.method, request.params, notes);
    const seq = this.#head.seq + 1;
    const written = this.#record({
      type: 'request',
      direction: 'to-server',
      id: request.id,
      method: request.method,
      ...(tool === undefined ? undefined : { tool }),
      user: this.#user(),
      ...(notes.decision ? { decision: recordDecision(notes.decision) } : {}),
      ...(params.value !== undefined ? { params: params.value } : {}),
    }, this.#clock(), true);
    this.#requestSeqs.set(pendingKey('to-server', request.id), seq);
    return written;
  }

  message(outcome: MessageOutcome): void {
    if (!this.#ready()) return;
    this.#defer(() => {
      this.#count(`${outcome.kind}s`);
      if (outcome.kind === 'request') this.#onRequest(outcome);
      else if (outcome.kind === 'response') this.#onResponse(outcome);
      else this.#onNotification(outcome);
    });
    // A large message is told once its bytes have left, and the wrapper then reclaims its memory:
    // recorded now, it is no longer held here when that collection runs.
    if (!this.#loading && outcome.wire !== undefined && wireBytes(outcome.wire) >= LARGE_MESSAGE_BYTES) this.#runDeferred();
  }

  badInput(input: BadInput): void {
    if (!this.#ready()) return;
    this.#defer(() => {
      this.#count('badInput');
      // Never the excerpt: it may hold personal data.
      this.#record({ type: 'bad-input', direction: input.direction, problem: input.problem, bytes: input.bytes, ...(input.id !== undefined ? { id: input.id } : {}) }, input.at);
    });
  }

  backpressure(): Promise<void> | undefined {
    const writer = this.#writer;
    if (!writer || this.#deferred.length + writer.backlog < BACKLOG_HIGH_EVENTS) return undefined;
    if (this.#loading) return this.#loaded();
    this.#runDeferred();
    return writer.backlogBelow(BACKLOG_LOW_EVENTS);
  }

  /** Starts the masker's load if nobody has, and waits for it. */
  #loaded(): Promise<void> {
    this.#options.loading?.start();
    return this.#loading ?? Promise.resolve();
  }

  #defer(work: () => void): void {
    this.#deferred.push(work);
    if (this.#scheduled) return;
    this.#scheduled = true;
    const record = (): void => {
      // Never keeps the process alive: sessionEnded records whatever is left.
      setTimeout(() => this.#runDeferred(), RECORD_AFTER_MS).unref();
    };
    if (this.#loading) void this.#loading.then(record);
    else record();
  }

  /** Records everything deferred so far, in arrival order (the chain's order). */
  #runDeferred(): void {
    this.#scheduled = false;
    const work = this.#deferred;
    this.#deferred = [];
    for (const record of work) {
      try {
        record();
      } catch (error) {
        this.#warn(`could not record an event: ${(error as Error).message}`);
      }
    }
  }

  async sessionEnded(end: SessionEnd): Promise<void> {
    if (this.#loading) await this.#loaded();
    this.#runDeferred();
    if (!this.#session || !this.#writer || this.#ended) return;
    for (const pending of this.#pending.values()) this.#recordCall(pending.request, 'unanswered', undefined, {}, end.at, pending.requestSeq);
    this.#pending.clear();
    const started = this.#session.startedAt;
    this.#record(
      {
        type: 'session-end',
        exitCode: end.exitCode,
        ...(end.signal ? { signal: end.signal } : {}),
        counts: { ...end.counts, ...prefixed(this.#counts), events: this.#head.seq + 1 },
        ...(this.#protocolVersion ? { protocolVersion: this.#protocolVersion } : {}),
        durationMs: Math.max(0, end.at - started),
      },
      end.at,
    );
    this.#ended = true;
    await this.#writer.seal();
    try {
      appendIndex(this.#options.home, { op: 'end', session: this.#session.id, at: end.at, events: this.#writer.head.seq, lastHash: this.#writer.head.hash, exitCode: end.exitCode });
    } catch (error) {
      this.#warn((error as Error).message);
    }
  }

  flush(): Promise<void> {
    if (this.#loading) return this.#loaded().then(() => this.flush());
    this.#runDeferred();
    return this.#writer?.flush() ?? Promise.resolve();
  }

  #onRequest(outcome: MessageOutcome): void {
    const message = outcome.original as JsonRpcRequest;
    // The params as forwarded; a denied request was forwarded nowhere, so its own.
    const params = ((outcome.forwarded ?? message) as JsonRpcRequest).params;
    const request: TrackedRequest = { id: message.id, method: message.method, params, direction: outcome.direction, startedAt: outcome.at, notes: outcome.notes };
    const key = pendingKey(outcome.direction, message.id);
    const requestSeq = this.#requestSeqs.get(key);
    this.#requestSeqs.delete(key);
    if (!outcome.forwarded) {
      // Denied: mcp-guard answered (or dropped) it; the other side never saw it.
      this.#count('denied');
      this.#recordCall(request, 'denied', outcome.reply, outcome.notes, outcome.at, requestSeq);
      return;
    }
    this.#pending.set(key, requestSeq === undefined ? { request } : { request, requestSeq });
  }

  #onResponse(outcome: MessageOutcome): void {
    const id = (outcome.original as { id: string | number | null }).id;
    const request = outcome.request;
    const key = request ? pendingKey(request.direction, request.id) : id === null ? undefined : pendingKey(outcome.direction === 'to-client' ? 'to-server' : 'to-client', id);
    const pending = key ? this.#pending.get(key) : undefined;
    if (key) this.#pending.delete(key);
    const tracked = request ?? pending?.request;
    if (!tracked) {
      // A response to nothing we saw forwarded: counted, not paired.
      this.#count('unmatchedResponses');
      return;
    }
    const message = outcome.forwarded ?? outcome.reply ?? outcome.original;
    const withheld = outcome.forwarded === undefined && outcome.reply !== undefined;
    // A result masked for the trail only whose long strings stayed bytes: masked now, a piece at a time.
    const copy = withheld ? undefined : this.#trailCopy(outcome.notes);
    // A message kept in parts is recorded as its wire's digest: its value shows its long strings' sizes, not this process's placeholders.
    const sent = copy?.message ?? (outcome.longStrings ? (outcome.longStrings.describe(message) as JsonRpcMessage) : message);
    if (withheld) this.#count('withheld');
    if (tracked.method === 'initialize' && 'result' in outcome.original) {
      const version = outcome.original.result.protocolVersion;
      if (typeof version === 'string') this.#protocolVersion = version;
    }
    this.#recordCall(tracked, withheld ? 'withheld' : 'answered', sent, outcome.notes, outcome.at, pending?.requestSeq, withheld ? undefined : (copy?.wire ?? outcome.wire), copy);
  }

  /** The trail's copy of a result masked for the trail only (see `MessageNotes.maskForTrail`), if it has one to make. */
  #trailCopy(notes: MessageNotes): TrailCopy | undefined {
    if (!notes.maskForTrail || !this.#options.mask) return undefined;
    try {
      return notes.maskForTrail();
    } catch (error) {
      this.#warn(`could not mask a payload for the audit trail: ${(error as Error).message}`);
      return undefined;
    }
  }

  #onNotification(outcome: MessageOutcome): void {
    const message = outcome.original as { method: string; params?: Record<string, unknown> };
    // Progress can arrive many times a second and says nothing about data or decisions: count it only.
    if (message.method === 'notifications/progress') {
      this.#count('progress');
      return;
    }
    const sent = (outcome.forwarded ?? outcome.original) as { params?: unknown };
    const params = this.#payload(sent.params);
    this.#record(
      {
        type: 'notification',
        direction: outcome.direction,
        method: message.method,
        user: this.#user(),
        forwarded: outcome.forwarded !== undefined,
        ...(outcome.notes.decision ? { decision: recordDecision(outcome.notes.decision) } : {}),
        ...(params.value !== undefined ? { params: params.value } : {}),
        ...(nonEmpty(outcome.notes.findings) ? { findings: { ...outcome.notes.findings } } : {}),
        ...(nonEmpty(params.findings) ? { maskedInTrail: params.findings } : {}),
      },
      outcome.at,
    );
  }

  #recordCall(
    request: TrackedRequest,
    outcome: CallBody['outcome'],
    sent: JsonRpcMessage | undefined,
    responseNotes: MessageNotes,
    at: number,
    requestSeq: number | undefined,
    wire?: Wire,
    copy?: TrailCopy,
  ): void {
    const params = this.#payload(request.params);
    // A result the masking interceptor already masked (or found clean) with the policy's masker is not scanned twice: only its metadata is.
    // A trail that masks keeps binary content as its digest: masking cannot read base64. (A message in
    // parts is recorded as the digest of its wire, and its value holds notes of its long strings, not the content.)
    const binaryAsDigest = this.#options.mask !== undefined && !wireInParts(wire);
    const resultPart = sent && 'result' in sent ? this.#payload(binaryAsDigest ? digestBinary(sent.result) : sent.result, copy !== undefined || responseNotes.resultMasked === true, wire) : undefined;
    // The trail's copy was masked before (all but its metadata): what that found is what the trail masked in it.
    if (resultPart && copy) resultPart.findings = mergeCounts(copy.findings, resultPart.findings) ?? {};
    const errorPart = sent && 'error' in sent ? this.#payload({ code: sent.error.code, message: sent.error.message }) : undefined;
    const result = resultPart?.value as Record<string, unknown> | undefined;
    const problem = responseNotes.error ?? request.notes.error;
    // A result masked for the trail only was not scanned on its way: what the trail's masking found in it is what it carried.
    const counted = responseNotes.findingsLeftToTrail === true ? [resultPart?.findings, errorPart?.findings] : [];
    const findings = mergeCounts(request.notes.findings, responseNotes === request.notes ? undefined : responseNotes.findings, ...counted);
    const masked = mergeCounts(params.findings, resultPart?.findings, errorPart?.findings);
    // Only the members with a value, in the order events have always had, without a throwaway object per member.
    const tool = toolOf(request.method, request.params, request.notes);
    const body: CallBody = { type: 'call', direction: request.direction, id: request.id, method: request.method, ...(tool === undefined ? undefined : { tool }), user: this.#user(), outcome };
    if (request.notes.decision) body.decision = recordDecision(request.notes.decision);
    // A withheld response was refused on its own merits (e.g. the bulk guard): keep that decision apart from the request's.
    if (outcome === 'withheld' && responseNotes.decision) body.resultDecision = recordDecision(responseNotes.decision);
    if (params.value !== undefined) body.params = params.value;
    if (result !== undefined) body.result = result;
    if (errorPart?.value !== undefined) body.error = errorPart.value as { code: number; message: string };
    if (typeof problem === 'string') body.problem = problem;
    if (findings) body.findings = findings;
    if (masked) body.maskedInTrail = masked;
    body.durationMs = Math.max(0, at - request.startedAt);
    if (requestSeq !== undefined) body.requestSeq = requestSeq;
    if (request.method === 'initialize' && typeof result?.protocolVersion === 'string') body.protocolVersion = result.protocolVersion;
    if (request.method === 'initialize' && isRecord(result?.serverInfo)) body.serverInfo = pickInfo(result.serverInfo);
    if (request.notes.approval !== undefined) body.approval = this.#payload(request.notes.approval).value;
    this.#record(body, at);
  }

  #payload(value: unknown, alreadyMasked = false, wire?: Wire): { value: unknown; findings: Record<string, number> } {
    try {
      const { mask } = this.#options;
      // Masked for the client but for its metadata, which the trail masks now.
      const left = alreadyMasked && mask ? (payload: unknown) => maskMembers(payload, RESULT_METADATA_KEYS, mask) : mask;
      return preparePayload(value, left, undefined, wire);
    } catch (error) {
      // Masking failed: record that there was a payload, never the payload itself.
      this.#warn(`could not mask a payload for the audit trail: ${(error as Error).message}`);
      return { value: '[UNRECORDED: masking failed]', findings: {} };
    }
  }

  #record(body: EventBody, ts: number = this.#clock(), now = false): Promise<void> {
    const session = this.#session;
    const writer = this.#writer;
    if (!session || !writer || this.#ended) return Promise.resolve();
    const { event, head } = chainEvent(this.#head, session.id, ts, body);
    this.#head = head;
    return writer.append(event, { now });
  }

  #ready(): boolean {
    if (this.#session && !this.#ended) return true;
    this.#warn(this.#ended ? 'a message arrived after the session ended; not recorded' : 'a message arrived before the session started; not recorded');
    return false;
  }

  #user(): string | null {
    return this.#session?.identity?.sub ?? null;
  }

  #count(name: string): void {
    this.#counts[name] = (this.#counts[name] ?? 0) + 1;
  }

  #warn(message: string): void {
    // One line per session is enough to tell the user; the rest would flood stderr.
    if (this.#warned) return;
    this.#warned = true;
    this.#log(`mcp-guard: audit: ${message}`);
  }
}

function pendingKey(direction: Direction, id: string | number): string {
  return `${direction}:${idKey(id)}`;
}

function recordIdentity(identity: Identity | null): RecordedIdentity | null {
  if (!identity) return null;
  // Only these fields: an Identity never holds tokens, but be explicit about what reaches the trail.
  return {
    sub: identity.sub,
    ...(identity.email ? { email: identity.email } : {}),
    ...(identity.name ? { name: identity.name } : {}),
    groups: [...identity.groups],
    roles: [...identity.roles],
    ...(identity.issuer ? { issuer: identity.issuer } : {}),
    verified: identity.verified,
  };
}

function recordDecision(decision: Decision): RecordedDecision {
  return { action: decision.action, rule: decision.rule, ...(decision.reason ? { reason: decision.reason } : {}) };
}

function toolOf(method: string, params: Record<string, unknown> | undefined, notes: MessageNotes): string | undefined {
  if (typeof notes.tool === 'string') return notes.tool;
  if (method === 'tools/call' && typeof params?.name === 'string') return params.name;
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pickInfo(info: Record<string, unknown>): { name?: string; version?: string } {
  return { ...(typeof info.name === 'string' ? { name: info.name } : {}), ...(typeof info.version === 'string' ? { version: info.version } : {}) };
}

function nonEmpty(counts: Record<string, number> | undefined): counts is Record<string, number> {
  return counts !== undefined && Object.keys(counts).length > 0;
}

/** The counts added up, type by type, in a new object; undefined when there are none. */
function mergeCounts(...parts: (Record<string, number> | undefined)[]): Record<string, number> | undefined {
  let out: Record<string, number> | undefined;
  for (const part of parts) if (part && Object.keys(part).length > 0) addCounts((out ??= {}), part);
  return out;
}

function prefixed(counts: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, count] of Object.entries(counts)) out[`audit:${key}`] = count;
  return out;
}
