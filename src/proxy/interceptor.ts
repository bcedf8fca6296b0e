/**
 * The interception seam. Every message, in both directions, passes through
 * one chain of interceptors composed in `interceptors/chain.ts`. A verdict is
 * data, not an exception: forward the message as it is, forward a rewritten
 * one, or deny it and send a reply back to its sender instead.
 *
 * Observers (the audit recorder) see the outcome of every message after the
 * chain has decided, including messages the chain denied.
 */
import type { Identity, IdentitySource } from '../identity/identity.js';
import type { JsonRpcId, JsonRpcMessage, JsonRpcRequest, MessageKind } from './json-rpc.js';
import type { LongStrings } from './long-strings.js';
import type { WireDigest } from './wire-digest.js';

/** `to-server`: sent by the client. `to-client`: sent by the server. */
export type Direction = 'to-server' | 'to-client';

/** What a policy rule decided for one message. */
export interface Decision {
  action: 'allow' | 'deny' | 'approve';
  /** Which rule matched, e.g. `tools[2]` or `default`. */
  rule: string;
  reason?: string;
}

/**
 * Facts interceptors attach to a message for the observers: the decision and
 * its rule, masking findings (type → count), the tool name.
 */
export interface MessageNotes {
  decision?: Decision;
  /** Findings in what was sent on (type → count). */
  findings?: Record<string, number>;
  tool?: string;
  error?: string;
  /**
   * The forwarded result was masked (or found clean) by the policy's masker,
   * all but the metadata under `RESULT_METADATA_KEYS`, which passes to the
   * client as it came: the trail masks only that.
   */
  resultMasked?: boolean;
  /**
   * The result (or error) was not scanned on its way, as nothing needed its
   * findings then (it is masked for the trail only, with no bulk guard to
   * enforce): the trail's masking counts them as `findings`.
   */
  findingsLeftToTrail?: boolean;
  /**
   * Set with `findingsLeftToTrail` on a result whose long strings stayed
   * bytes: makes the trail's copy of it, masked a piece at a time, so that
   * neither the wrapper nor the trail holds the result decoded whole; it
   * gives undefined where there is no masker to do it with.
   */
  maskForTrail?: () => TrailCopy | undefined;
  [key: string]: unknown;
}

/** A result masked for the trail (see `MessageNotes.maskForTrail`). */
export interface TrailCopy {
  /** The masked message, each long string shown as its size (see `LongStrings.describe`). */
  message: JsonRpcMessage;
  /** The digest of its line, masked. */
  wire: WireDigest;
  /** What masking found in it, all metadata aside (`RESULT_METADATA_KEYS`: the trail masks that itself). */
  findings: Record<string, number>;
}

/**
 * The members of a result that result masking leaves as they are for the
 * client, protocol metadata that may still name a person (`_meta`, a
 * resource's URI), wherever they stand in it.
 */
export const RESULT_METADATA_KEYS: ReadonlySet<string> = new Set(['_meta', 'uri']);

/**
 * Whether a member of a result is binary data (base64), as MCP writes it: a
 * resource's `blob`, or an image's or audio's `data`, which stands beside its
 * `mimeType`. Result masking passes it (it cannot read it); a trail that
 * masks keeps its digest.
 */
export function isBinaryMember(key: string, member: unknown, parent: Record<string, unknown>): boolean {
  return typeof member === 'string' && (key === 'blob' || (key === 'data' && typeof parent.mimeType === 'string'));
}

/** A request seen in one direction and awaiting its response from the other. */
export interface TrackedRequest {
  id: JsonRpcId;
  method: string;
  /** The params as forwarded. */
  params: Record<string, unknown> | undefined;
  direction: Direction;
  /** Epoch ms when the request passed the chain. */
  startedAt: number;
  notes: MessageNotes;
}

/** Shared, mutable facts about the running session. */
export interface SessionState {
  readonly id: string;
  readonly serverCommand: readonly string[];
  readonly startedAt: number;
  /** Filled from the initialize exchange. */
  protocolVersion?: string;
  clientInfo?: { name?: string; version?: string };
  serverInfo?: { name?: string; version?: string };
  /** The identity at session start (refreshed by the identity interceptor). */
  identity: Identity | null;
  /** Why there is no (verified) identity, when there is none. */
  identityProblem?: string;
  readonly identitySource: IdentitySource;
}

export interface MessageContext {
  readonly direction: Direction;
  readonly kind: MessageKind;
  /** The message as parsed, after any rewrite by an earlier interceptor. */
  readonly message: JsonRpcMessage;
  /** For a response: the request it answers. */
  readonly request: TrackedRequest | undefined;
  readonly session: SessionState;
  readonly notes: MessageNotes;
  /**
   * Set when the message's long strings were kept as bytes (a large
   * response, see `long-strings.ts`): `message` holds a placeholder where
   * each was, `longStrings.get(value)` reads one. Only when every
   * interceptor takes it that way (`longStringUse`).
   */
  readonly longStrings?: LongStrings;
}

export type Verdict =
  | { action: 'forward' }
  | { action: 'rewrite'; message: JsonRpcMessage }
  /** Do not forward; send `reply` back to the sender (a response for requests, nothing for others). */
  | { action: 'deny'; reply?: JsonRpcMessage };

export const FORWARD: Verdict = Object.freeze({ action: 'forward' });

export interface Interceptor {
  readonly name: string;
  /** Called once before the first message; may load state (pins, identity). */
  start?(session: SessionState): Promise<void>;
  intercept(context: MessageContext): Verdict | Promise<Verdict>;
  /**
   * How this interceptor takes a response to `method` with its long strings
   * kept as bytes (`MessageContext.longStrings`): it `reads` them through
   * that, or `ignores` them (reads no string of such a response). Undefined,
   * or no such method: it gets every message parsed whole.
   */
  longStringUse?(method: string): 'reads' | 'ignores' | undefined;
  /** Called once when the session ends; flush state. */
  close?(): Promise<void>;
}

/** A message line as written: whole (bytes or text), in parts, or its digest alone (see `MessageOutcome.wire`). */
export type Wire = Buffer | string | readonly Buffer[] | WireDigest;

/** What happened to one message, for observers. */
export interface MessageOutcome {
  direction: Direction;
  kind: MessageKind;
  /** As received. */
  original: JsonRpcMessage;
  /** As forwarded to the other side, when it was. */
  forwarded?: JsonRpcMessage;
  /**
   * The forwarded message's line exactly as written (without the newline),
   * in parts when its long strings were kept as bytes, or only its digest
   * when it was written a piece at a time.
   */
  wire?: Wire;
  /** Set when the message's long strings were kept as bytes: `original` and `forwarded` hold placeholders, only `wire` has it all. */
  longStrings?: LongStrings;
  /** What mcp-guard answered the sender itself, when it denied the message. */
  reply?: JsonRpcMessage;
  /** For a response: its request. */
  request?: TrackedRequest;
  notes: MessageNotes;
  at: number;
}

/** Input that does not pass as it came (a line that never became a message, a response nobody waits for): counted, shown on stderr, audited. */
export interface BadInput {
  direction: Direction;
  problem: 'not-json' | 'invalid-utf8' | 'too-large' | 'invalid-jsonrpc' | 'batch' | 'unmatched-response';
  bytes: number;
  /** A short, printable excerpt for stderr (never recorded: it may hold personal data), or the id of a message not to be shown. */
  excerpt: string;
  /** Request id recovered from the bad line, when one could be. */
  id?: JsonRpcId;
  at: number;
}

export interface SessionEnd {
  exitCode: number;
  signal?: string;
  counts: Record<string, number>;
  at: number;
}

/** Sees every outcome; never changes them. The audit recorder is one. */
export interface SessionObserver {
  sessionStarted?(session: SessionState): void | Promise<void>;
  /**
   * Called for a client request before it is forwarded. An observer that
   * must persist the request before the tool runs (strict durability)
   * returns a promise; the session waits for it.
   */
  beforeForward?(request: JsonRpcRequest, notes: MessageNotes, session: SessionState): void | Promise<void>;
  message?(outcome: MessageOutcome): void;
  badInput?(input: BadInput): void;
  /**
   * Asked after each message; a promise makes the session read no further
   * input (in that direction) until it settles: an observer that falls
   * behind (the audit writer and the disk) slows the peers down instead of
   * buffering without bound.
   */
  backpressure?(): Promise<void> | undefined;
  sessionEnded?(end: SessionEnd): Promise<void>;
}
