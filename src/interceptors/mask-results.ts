/**
 * Result masking: personal data in what a server returns (tool results,
 * resource contents, prompt messages, resource lists, completions, task
 * results: the result of every request but the protocol-only ones,
 * `PROTOCOL_RESULTS`, and the errors it answers with) is masked before the
 * client sees it, and counted for the audit trail; a bulk guard refuses a
 * single result that carries more personal data than a purpose needs. What
 * a server sends of its own that reaches the client's model or user (log
 * and progress messages, sampling and elicitation requests: `SERVER_SENT`)
 * is masked too.
 *
 * Every member of a result is data and is masked, except protocol metadata
 * and binary data (`METADATA`, `isBinaryMember`): ids, method and tool names, types, URIs, MIME
 * types, `_meta` and `isError` pass as they are, so a masked message is still
 * a valid MCP result (structuredContent keeps its shape: masked strings stay
 * strings), and a member this version does not know is masked, not passed.
 *
 * @see ../../../shared/DESIGN.md "Masking"
 */
import { mapItems, mapMembers, renamedMembers } from '../lib/copy-on-write.js';
import { addCounts } from '../lib/counts.js';
import type { MaskerLoad } from '../mask/masker-load.js';
import type { Findings, Masker } from '../mask/masker.js';
import { NameEchoes } from '../mask/lib/name-echoes.js';
import { isObject } from '../lib/is-object.js';
import type { BulkPolicy } from '../policy/policy.js';
import { ErrorCode, errorResponse, toolErrorResponse } from '../proxy/json-rpc.js';
import type { JsonRpcErrorObject, JsonRpcId, JsonRpcNotification, JsonRpcRequest, JsonRpcResponse, JsonRpcSuccess } from '../proxy/json-rpc.js';
import { FORWARD, isBinaryMember } from '../proxy/interceptor.js';
import { lineBytes, type LongString, type LongStrings, StreamedString } from '../proxy/long-strings.js';
import { LARGE_MESSAGE_BYTES } from '../proxy/reclaim.js';
import { OutputSchemas } from './output-schemas.js';
import type { Interceptor, MessageContext, TrailCopy, Verdict } from '../proxy/interceptor.js';
import { WireDigest } from '../proxy/wire-digest.js';

export interface ResultMaskingOptions {
  /**
   * The masker, or its background load: started once the client's
   * `initialize` has been answered (or by the first result to mask, which
   * waits for it); other messages never wait.
   */
  masker: Masker | MaskerLoad;
  bulk?: BulkPolicy;
  /**
   * Rewrite what goes to the client (`masking.in` has `client`). Otherwise
   * the result passes as it came: counted here when a bulk guard needs the
   * count, else by the trail's masking (`notes.findingsLeftToTrail`).
   */
  toClient: boolean;
}

type Json = Record<string, unknown>;
/** A response to a pending request (the only kind masked): its id is never null. */
type Answer = JsonRpcResponse & { id: JsonRpcId };

/**
 * Accumulates findings over the parts of one result. With `strings`, the
 * result's long strings were kept as bytes: a text that is one is masked a
 * piece at a time into new bytes, and one elsewhere (inside
 * structuredContent) is decoded whole first. With `late`, such a text is
 * masked only as it is written (see `StreamedString`), each piece sent
 * before the next is masked; `late` gets its findings once all are.
 */
class Tally {
  readonly findings: Findings = {};
  total = 0;
  /** The texts left to be masked as they are written, with the placeholders of the texts they replace. */
  readonly streamed: Array<{ placeholder: string; streamed: StreamedString }> = [];
  /** The names of persons the result's values masked at once held, and the field they count as (see `echoed`). */
  private readonly names = new NameEchoes();
  private nameField = '';
  constructor(
    private readonly masker: Masker,
    private readonly strings: LongStrings | undefined,
    private readonly late?: (findings: Findings) => void,
  ) {}

  value(value: unknown): unknown {
    const long = this.strings?.get(value);
    if (long) return this.longText(value as string, long, this.strings as LongStrings);
    const masked = this.masker.maskValue(this.strings ? this.strings.resolve(value) : value);
    this.count(masked.findings);
    this.noteNames();
    return masked.value;
  }

  /** Notes the names the value just masked held (see `Masker.namesFound`). */
  private noteNames(): void {
    const found = this.masker.namesFound();
    if (found === undefined) return;
    this.nameField = found.field;
    for (const [name, token] of found.names) this.names.note(name, token);
  }

  /**
   * `part` (masked by `part`) with the names of persons its values held
   * masked wherever another of its values writes them (a customer's name in
   * structuredContent, and in the text block that sums it up), as each value
   * has them masked within itself; itself when none is. A long string sent
   * as it is masked has gone by then, and is not read again.
   */
  echoed(part: Json): Json {
    return this.names.any() ? this.echoedPart(part, 0) : part;
  }

  private echoedPart(part: Json, depth: number): Json {
    return mapMembers(part, (key, item) =>
      METADATA.has(key) || isBinaryMember(key, item, part) ? item : PARTS.has(key) ? this.echoedParts(item, depth + 1) : this.echoedValue(item, depth + 1),
    );
  }

  private echoedParts(item: unknown, depth: number): unknown {
    if (Array.isArray(item)) return mapItems(item as unknown[], (element) => this.echoedParts(element, depth + 1));
    return isObject(item) ? this.echoedPart(item, depth) : this.echoedValue(item, depth);
  }

  /** A data member's value with the names replaced in each string it holds (not in a long string's placeholder, nor in keys). */
  private echoedValue(item: unknown, depth: number): unknown {
    if (typeof item === 'string') {
      if (this.strings?.get(item)) return item;
      const { text, count } = this.names.replace(item);
      if (count > 0) this.count({ [this.nameField]: count });
      return text;
    }
    if (depth > MAX_ECHO_DEPTH || item === null || typeof item !== 'object') return item;
    return Array.isArray(item) ? mapItems(item as unknown[], (element) => this.echoedValue(element, depth + 1)) : mapMembers(item as Json, (_key, member) => this.echoedValue(member, depth + 1));
  }

  /** A long string's masked placeholder, or `placeholder` itself when nothing was found. */
  longText(placeholder: string, long: LongString, strings: LongStrings): string {
    // A JSON document in the text is masked by its field names too, which needs it whole.
    if (long.mayBeJson()) {
      const text = long.text();
      const found: Findings = {};
      const parts = this.masker.maskJsonText(text, found);
      if (parts !== undefined) {
        this.count(found);
        this.noteNames();
        if (parts.length === 1 && parts[0] === text) return placeholder;
        // A large one is written a part at a time, like a masked text, not joined and serialised whole with
        // the line around it (a smaller one stays in the line, and in the trail's record when that has room for it).
        const length = parts.reduce((sum, part) => sum + part.length, 0);
        return this.late && length >= LARGE_MESSAGE_BYTES ? strings.add(new StreamedString(parts)) : parts.join('');
      }
      // Not JSON after all: masked as the text it is, below.
    }
    const findings: Findings = {};
    const masked = maskedAsSent(this.masker, long, findings);
    if (this.late) {
      const streamed = new StreamedString(thenReport(masked, findings, this.late));
      this.streamed.push({ placeholder, streamed });
      return strings.add(streamed);
    }
    const literal = new StreamedString(masked).drain();
    const before = this.total;
    this.count(findings);
    return this.total === before ? placeholder : strings.add(literal);
  }

  count(findings: Findings): void {
    for (const [type, count] of Object.entries(findings)) {
      this.findings[type] = (this.findings[type] ?? 0) + count;
      this.total += count;
    }
  }

  /**
   * A part of a result (the result itself, a content block, an embedded
   * resource, a resource's contents, a prompt message): its metadata passes,
   * the parts it holds are walked the same way, and every other member is
   * masked, whatever it holds. Returns the part itself when nothing changed.
   */
  part(part: Json): Json {
    return this.named(
      mapMembers(part, (key, item) =>
        METADATA.has(key) ? item : isBinaryMember(key, item, part) ? this.binary(item as string, part.mimeType) : PARTS.has(key) ? this.parts(item) : this.value(item),
      ),
    );
  }

  /**
   * Binary data (base64) as it came, unless its MIME type says it is text
   * (`TEXT_MIME_TYPE`: a CSV export as a resource's blob, say): that is
   * decoded, masked as the text it is, and encoded again. Data that is no
   * UTF-8 text passes as the binary it is.
   */
  binary(base64: string, mimeType: unknown): string {
    if (typeof mimeType !== 'string' || !TEXT_MIME_TYPE.test(mimeType)) return base64;
    const long = this.strings?.get(base64);
    let text: string;
    try {
      text = UTF8.decode(Buffer.from(long ? long.text() : base64, 'base64'));
    } catch {
      return base64;
    }
    const masked = this.masker.maskValue(text);
    if (masked.value === text) return base64;
    this.count(masked.findings);
    const encoded = Buffer.from(masked.value as string, 'utf8').toString('base64');
    return long ? (this.strings as LongStrings).add(new StreamedString([encoded]).drain()) : encoded;
  }

  /** `part` with the names of its members masked (see `Masker.maskNames`: a member named after a person is data too); itself when none is. */
  named(part: Json): Json {
    const names = Object.keys(part);
    const found: Findings = {};
    const renamed = this.masker.maskNames(names, found);
    if (renamed === undefined) return part;
    this.count(found);
    return renamedMembers(part, renamed);
  }

  /** A JSON-RPC error: its message, its data and whatever else it holds are masked; its code passes. */
  error(error: Json): Json {
    return mapMembers(error, (key, item) => (key === 'code' ? item : this.value(item)));
  }

  /** What a member in `PARTS` holds: parts, a list of them, or (not as the protocol has it) anything else, masked. */
  parts(item: unknown): unknown {
    if (Array.isArray(item)) return mapItems(item as unknown[], (element) => this.parts(element));
    return isObject(item) ? this.part(item) : this.value(item);
  }
}

/**
 * Members that pass as they are wherever they stand in a result, with binary
 * data (`isBinaryMember`, base64): protocol metadata, what a client needs to
 * read the result (types, URIs, MIME types, roles, annotations, `_meta`,
 * sizes, icons, `isError`). Everything else is data and is masked: texts, a
 * resource link's name and description, `structuredContent`, members of a
 * block type or result shape this version does not know. What is not known
 * to be metadata cannot pass unread.
 */
const METADATA = new Set(['type', 'mimeType', 'uri', 'uriTemplate', 'role', 'annotations', '_meta', 'size', 'icons', 'isError', 'taskId', 'nextCursor']);
/**
 * MIME types of text, whose base64 data (`blob`, `data`) masking decodes
 * and reads: `text/*`, JSON, XML, YAML, CSV, NDJSON and `+json`, `+xml`,
 * `+yaml` types (an SVG image's text too), with any parameters.
 */
const TEXT_MIME_TYPE = /^\s*(?:text\/[\w.+-]+|application\/(?:json|xml|yaml|x-yaml|csv|ndjson|x-ndjson|jsonl|javascript|sql|x-www-form-urlencoded)|[\w.-]+\/[\w.-]+\+(?:json|xml|yaml))\s*(?:;|$)/i;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** How deep `Tally.echoed` walks a value: the masker replaced anything deeper (see `MAX_DEPTH` in `masker.ts`). */
const MAX_ECHO_DEPTH = 256;

/** Members that hold parts of the result, walked member by member rather than masked whole (a URI or a task's id in them must pass). */
const PARTS = new Set(['content', 'contents', 'messages', 'resource', 'resources', 'resourceTemplates', 'task', 'tasks']);

/**
 * Requests whose results are protocol only and pass as they came: the
 * session's set-up, the lists of tools and prompts (names, descriptions and
 * schemas, which the policy gate and pinning read) and acknowledgements.
 * The result of every other request is masked, one this version does not
 * know included: a resource list names and describes each resource as a
 * resource link does, a completion suggests values from the server's data,
 * and `tasks/result` (protocol 2025-11-25) answers with the result of a
 * tool call run as a task, which passed unmasked while only the methods
 * known to carry data were masked.
 */
const PROTOCOL_RESULTS = new Set(['initialize', 'ping', 'tools/list', 'prompts/list', 'logging/setLevel', 'resources/subscribe', 'resources/unsubscribe']);

/** Tasks whose tools the interceptor remembers for their results (see `taskTools`); the oldest is forgotten first. */
const REMEMBERED_TASKS = 10_000;

/**
 * Notifications and requests a server sends to the client of its own, and
 * the members of their params that carry data, masked as parts (content
 * blocks, see `part`) or as values: a sampling request goes straight to the
 * client's model, log and progress messages and an elicitation's message to
 * its user. Their other members are protocol (a progress token, a log level,
 * model preferences, an elicitation's requested schema) and pass. The params
 * of one neither here nor in `PROTOCOL_FROM_SERVER` (a vendor's, or a later
 * protocol's) are masked as a part: all but metadata.
 */
type DataMembers = Readonly<Record<string, 'parts' | 'value'>>;
const SERVER_SENT: ReadonlyMap<string, DataMembers> = new Map<string, DataMembers>([
  ['notifications/message', { data: 'value' }],
  ['notifications/progress', { message: 'value' }],
  ['sampling/createMessage', { messages: 'parts', systemPrompt: 'value', metadata: 'value' }],
  ['elicitation/create', { message: 'value' }],
  ['notifications/tasks/status', { statusMessage: 'value' }],
  ['notifications/cancelled', { reason: 'value' }],
]);

/**
 * What a server sends of its own that is protocol only, and passes as it
 * came (as `PROTOCOL_RESULTS` for results). The `tasks/*` requests ask about
 * a client's own tasks (a sampling or elicitation it runs as one).
 */
const PROTOCOL_FROM_SERVER = new Set([
  'notifications/resources/updated',
  'notifications/resources/list_changed',
  'notifications/tools/list_changed',
  'notifications/prompts/list_changed',
  'notifications/elicitation/complete',
  'ping',
  'roots/list',
  'tasks/get',
  'tasks/result',
  'tasks/list',
  'tasks/cancel',
]);

/**
 * The pieces of `long` masked, a piece in which nothing was found as the
 * bytes it came as: a text with nothing to mask goes out byte for byte.
 */
function* maskedAsSent(masker: Masker, long: LongString, findings: Findings): Generator<string | Buffer, void, undefined> {
  // The pieces read and not yet masked (masking reads one piece ahead).
  const read: Array<{ text: string; escaped: Buffer }> = [];
  function* texts(): Generator<string> {
    for (const piece of long.pieceLiterals()) {
      read.push(piece);
      yield piece.text;
    }
  }
  for (const masked of masker.maskPieces(texts(), findings)) {
    const piece = read.shift() as { text: string; escaped: Buffer };
    yield masked === piece.text ? piece.escaped : masked;
  }
}

/**
 * The trail's copy of `message`, a result whose long strings stayed bytes
 * (`strings`), masked as results are for the client, with each long text
 * masked a piece at a time into the digest of the masked line: no more of
 * it is held at once than when it is masked for the client.
 */
function maskedForTrail(masker: Masker, message: JsonRpcSuccess, strings: LongStrings): TrailCopy {
  const findings: Findings = {};
  const tally = new Tally(masker, strings, (found) => addCounts(findings, found));
  const masked: JsonRpcSuccess = { ...message, result: tally.echoed(tally.part(message.result)) };
  const wire = new WireDigest();
  for (const bytes of lineBytes(strings.serialize(masked))) wire.add(bytes);
  addCounts(findings, tally.findings);
  return { message: strings.describe(masked) as JsonRpcSuccess, wire, findings };
}

/** The masked pieces, then `findings` (complete once the last piece was masked) to `report`. */
function* thenReport<T>(pieces: Iterable<T>, findings: Findings, report: (findings: Findings) => void): Generator<T, void, undefined> {
  yield* pieces;
  report(findings);
}

/** Adds `found` to the findings noted for the message. */
function note(notes: MessageContext['notes'], found: Findings): void {
  if (Object.keys(found).length > 0) addCounts((notes.findings ??= {}), found);
}

function summarise(findings: Findings): string {
  return Object.entries(findings)
    .sort((a, b) => b[1] - a[1])
    .map(([type, count]) => `${type} ${count}`)
    .join(', ');
}

/**
 * Builds the result-masking interceptor (see the module comment). For a
 * bulk refusal it rewrites the response into a tool error (`tools/call`) or a
 * JSON-RPC error (other methods) naming the count and the rule, and sets
 * `notes.decision`; `approve` fails closed until approvals exist.
 */
export function createResultMasking(options: ResultMaskingOptions): Interceptor {
  const { toClient } = options;
  // The bulk guard, where it can refuse a result (`allow` only counts): it needs a result's count before the verdict.
  const bulk = options.bulk && options.bulk.action !== 'allow' ? options.bulk : undefined;
  // Findings are needed on the way only to mask for the client or to enforce the bulk guard; otherwise the
  // trail, which masks the result anyway, counts them once the result has left (masking for the trail only).
  const countsOnTheWay = toClient || bulk !== undefined;
  const load = 'start' in options.masker ? options.masker : undefined;
  const given = 'start' in options.masker ? undefined : options.masker;
  /** The masker, once there is one (given, or loaded). */
  const ready = (): Masker | undefined => given ?? load?.loaded();
  const schemas = new OutputSchemas();
  /** The tool each task that a `tools/call` created runs, by task id. */
  const taskTools = new Map<string, string>();

  /**
   * Fail closed: a result that cannot be masked is not passed on. `error`
   * is mcp-guard's own (a masker that did not load, a schema masking
   * breaks): its message goes to the client and the trail.
   */
  function withhold(context: MessageContext, tool: string | undefined, message: Answer, error: Error): Verdict {
    const reason = `the result could not be masked (${error.message})`;
    context.notes.error = reason;
    const text = `mcp-guard withheld this result: ${reason}.`;
    return { action: 'rewrite', message: tool !== undefined ? toolErrorResponse(message.id, text) : errorResponse(message.id, ErrorCode.InternalError, text) };
  }

  return {
    name: 'result-masking',
    // A result it masks for the client, it masks a piece at a time; one masked for the trail only, the trail
    // masks later, from the bytes, a piece at a time (see `maskedForTrail`); one counted for a bulk guard is parsed whole.
    longStringUse: (method: string): 'reads' | undefined => ((toClient || !countsOnTheWay) && !PROTOCOL_RESULTS.has(method) ? 'reads' : undefined),
    intercept(context: MessageContext): Verdict | Promise<Verdict> {
      if (context.direction !== 'to-client') return FORWARD;
      if (context.kind !== 'response') return toClient ? serverSent(context) : FORWARD;
      const method = context.request?.method;
      // The session is up: load now, in the background, while the client settles in.
      if (method === 'initialize') void load?.start();
      if (method === 'tools/list' && 'result' in context.message) schemas.remember(context.message.result);
      if (method === undefined || PROTOCOL_RESULTS.has(method)) return FORWARD;
      const tool = toolOf(context);
      const message = context.message as Answer;
      // An error's message and data reach the agent as a failed call does: they are masked like a result.
      if (!isObject('result' in message ? message.result : message.error)) return FORWARD;
      if (!countsOnTheWay) {
        context.notes.findingsLeftToTrail = true;
        const strings = context.longStrings;
        if (strings && 'result' in message) {
          context.notes.maskForTrail = () => {
            const masker = ready();
            return masker && maskedForTrail(masker, message, strings);
          };
        }
        return FORWARD;
      }
      const masker = ready();
      if (masker) return maskWith(masker, context, tool, message);
      // Not loaded yet, or failed to: a failed load is reported on each result it withholds.
      return (load as MaskerLoad).start().then(
        (loaded) => maskWith(loaded, context, tool, message),
        (error: unknown) => withhold(context, tool, message, error as Error),
      );
    },
  };

  /** A notification or request the server sends of its own (see `SERVER_SENT`), its data masked for the client. */
  function serverSent(context: MessageContext): Verdict | Promise<Verdict> {
    const message = context.message as JsonRpcRequest | JsonRpcNotification;
    if (PROTOCOL_FROM_SERVER.has(message.method) || !isObject(message.params)) return FORWARD;
    const members = SERVER_SENT.get(message.method);
    const masker = ready();
    if (masker) return maskServerSent(masker, context, message, members);
    return (load as MaskerLoad).start().then(
      (loaded) => maskServerSent(loaded, context, message, members),
      (error: unknown) => {
        // Fail closed: a notification is dropped, a request answered with an error (the client never sees it).
        const reason = `the server's ${message.method} could not be masked (${(error as Error).message})`;
        context.notes.error = reason;
        return 'id' in message ? { action: 'deny', reply: errorResponse(message.id, ErrorCode.InternalError, `mcp-guard withheld this request: ${reason}.`) } : { action: 'deny' };
      },
    );
  }

  function maskServerSent(loaded: Masker, context: MessageContext, message: JsonRpcRequest | JsonRpcNotification, members: DataMembers | undefined): Verdict {
    const tally = new Tally(loaded, undefined);
    const params = members
      ? mapMembers(message.params as Json, (key, item) => {
          const how = Object.hasOwn(members, key) ? members[key] : undefined;
          return how === 'parts' ? tally.parts(item) : how === 'value' ? tally.value(item) : item;
        })
      : tally.part(message.params as Json);
    note(context.notes, tally.findings);
    return tally.total === 0 ? FORWARD : { action: 'rewrite', message: { ...message, params } };
  }

  /**
   * The tool whose result a response to a `tools/call` or a `tasks/result`
   * holds: a tool error answers for it, and its output schema holds for it.
   * Remembers the tool of a task that a `tools/call` created.
   */
  function toolOf(context: MessageContext): string | undefined {
    const { request, message } = context;
    if (request?.method === 'tools/call') {
      const tool = String(request.params?.name);
      const task = 'result' in message && isObject(message.result.task) ? message.result.task : undefined;
      if (typeof task?.taskId === 'string') {
        if (taskTools.size >= REMEMBERED_TASKS) taskTools.delete(taskTools.keys().next().value as string);
        taskTools.set(task.taskId, tool);
      }
      return tool;
    }
    const taskId = request?.method === 'tasks/result' ? request.params?.taskId : undefined;
    return typeof taskId === 'string' ? taskTools.get(taskId) : undefined;
  }

  function maskWith(loaded: Masker, context: MessageContext, tool: string | undefined, message: Answer): Verdict {
    // Without a bulk guard to enforce, nothing waits for a long text's count: it is masked as it is sent.
    const late = bulk === undefined ? (found: Findings) => note(context.notes, found) : undefined;
    const tally = new Tally(loaded, context.longStrings, late);
    // A tool result, a resource's contents and a prompt are read the same way (see `METADATA`). Masking
    // that throws is mcp-guard's failure, not the result's: it is left to the session, which refuses the
    // result and keeps the error, whose message may quote the text it failed on, to stderr.
    let masked = 'result' in message ? tally.echoed(tally.part(message.result)) : tally.error(message.error as unknown as Json);
    note(context.notes, tally.findings);

    if (bulk !== undefined && tally.total > bulk.maxFindingsPerResult) {
      const pending = bulk.action === 'approve' ? ' (it needs a reviewer\'s approval, which is not available yet, so it is refused)' : '';
      const reason = `the result carries ${tally.total} personal-data findings (${summarise(tally.findings)}), more than bulk.max_findings_per_result ${bulk.maxFindingsPerResult} allows${pending}`;
      context.notes.decision = { action: bulk.action, rule: 'bulk.max_findings_per_result', reason };
      const text = `mcp-guard withheld this result: ${reason}. Ask for fewer records, or ask the policy owner to raise the limit.`;
      const reply = tool !== undefined ? toolErrorResponse(message.id, text) : errorResponse(message.id, ErrorCode.PolicyDenied, text);
      context.notes.resultMasked = true;
      return { action: 'rewrite', message: reply };
    }

    if (tally.total === 0) {
      context.notes.resultMasked = true;
      // Nothing else changed: the line goes out as it came, each streamed text in place of the one it masks.
      for (const { placeholder, streamed } of tally.streamed) context.longStrings?.substitute(placeholder, streamed);
      return FORWARD;
    }
    if (!toClient) return FORWARD;
    if ('result' in message && tool !== undefined && masked.structuredContent !== message.result.structuredContent) {
      // The client checks structuredContent against the tool's outputSchema: masked, it must still match.
      const { structuredContent } = message.result;
      const fit = schemas.fit(tool, masked.structuredContent, () => context.longStrings?.resolve(structuredContent) ?? structuredContent);
      if ('mismatch' in fit) return withhold(context, tool, message, new Error(`masked, its structuredContent no longer matches the tool's outputSchema: ${fit.mismatch}`));
      if (fit.value !== masked.structuredContent) masked = { ...masked, structuredContent: fit.value };
    }
    context.notes.resultMasked = true;
    return { action: 'rewrite', message: 'result' in message ? { ...message, result: masked } : { ...message, error: masked as unknown as JsonRpcErrorObject } };
  }
}
