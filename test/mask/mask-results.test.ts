import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createResultMasking } from '../../src/interceptors/mask-results.js';
import { createMasker } from '../../src/mask/masker.js';
import type { IdentitySource } from '../../src/identity/identity.js';
import { FORWARD, type Direction, type MessageContext, type MessageNotes, type SessionState, type Verdict } from '../../src/proxy/interceptor.js';
import type { JsonRpcMessage, JsonRpcSuccess, MessageKind } from '../../src/proxy/json-rpc.js';
import { lineBytes, LongStrings, StreamedString } from '../../src/proxy/long-strings.js';

const masker = createMasker({ in: ['client', 'audit'], detectors: ['email', 'phone', 'iban'], fields: ['first_name'], style: 'redact' }, new Uint8Array(32));

const session = { id: 's', serverCommand: ['x'], startedAt: 0, identity: null, identitySource: {} as IdentitySource } as SessionState;

function context(method: string, message: JsonRpcMessage, options: { direction?: Direction; kind?: MessageKind } = {}): MessageContext & { notes: MessageNotes } {
  return {
    direction: options.direction ?? 'to-client',
    kind: options.kind ?? 'response',
    message,
    request: { id: 1, method, params: { name: 'lookup' }, direction: 'to-server', startedAt: 0, notes: {} },
    session,
    notes: {},
  };
}

function response(result: Record<string, unknown>): JsonRpcSuccess {
  return { jsonrpc: '2.0', id: 1, result };
}

function rewritten(verdict: Verdict): JsonRpcSuccess {
  assert.equal(verdict.action, 'rewrite');
  return (verdict as { message: JsonRpcSuccess }).message;
}

describe('createResultMasking', () => {
  const interceptor = createResultMasking({ masker, toClient: true });

  it("masks a name found in one of a result's values wherever another writes it: the text that sums up structuredContent, a resource's title", () => {
    const named = createMasker({ in: ['client', 'audit'], detectors: ['email'], fields: ['full_name'], style: 'redact' }, new Uint8Array(32));
    const message = response({
      content: [
        { type: 'text', text: 'Found customer Anna Schmidt; Anna Schmidtke is another.' },
        { type: 'resource_link', uri: 'crm://customers/7', name: 'Anna Schmidt' },
      ],
      structuredContent: { customer: { name: 'Anna Schmidt', email: 'anna@example.de' } },
    });
    const ctx = context('tools/call', message);
    const out = rewritten(createResultMasking({ masker: named, toClient: true }).intercept(ctx) as Verdict);
    assert.deepEqual(out.result, {
      content: [
        { type: 'text', text: 'Found customer [FULL_NAME]; Anna Schmidtke is another.' },
        { type: 'resource_link', uri: 'crm://customers/7', name: '[FULL_NAME]' },
      ],
      structuredContent: { customer: { name: '[FULL_NAME]', email: '[EMAIL]' } },
    });
    assert.deepEqual(ctx.notes.findings, { full_name: 3, email: 1 });
  });

  it('tools/call: masks text, structuredContent and embedded resource text; leaves metadata alone', () => {
    const message = response({
      content: [
        { type: 'text', text: 'mail anna@example.de' },
        { type: 'image', data: 'aGk=', mimeType: 'image/png' },
        { type: 'resource', resource: { uri: 'file:///anna@example.de.txt', mimeType: 'text/plain', text: 'IBAN DE89370400440532013000' } },
      ],
      structuredContent: { first_name: 'Anna', email: 'anna@example.de', visits: 3 },
      isError: false,
      _meta: { note: 'anna@example.de' },
    });
    const ctx = context('tools/call', message);
    const out = rewritten(interceptor.intercept(ctx) as Verdict);
    assert.deepEqual(out, {
      jsonrpc: '2.0',
      id: 1,
      result: {
        content: [
          { type: 'text', text: 'mail [EMAIL]' },
          { type: 'image', data: 'aGk=', mimeType: 'image/png' },
          { type: 'resource', resource: { uri: 'file:///anna@example.de.txt', mimeType: 'text/plain', text: 'IBAN [IBAN]' } },
        ],
        structuredContent: { first_name: '[FIRST_NAME]', email: '[EMAIL]', visits: 3 },
        isError: false,
        _meta: { note: 'anna@example.de' },
      },
    });
    assert.deepEqual(ctx.notes.findings, { email: 2, iban: 1, first_name: 1 });
    assert.equal((message.result.content as { text?: string }[])[0]!.text, 'mail anna@example.de', 'the original is not mutated');
  });

  it('masks every member that is not metadata: resource links, unknown block types and result members, toolResult, a prompt description', () => {
    const message = response({
      content: [
        { type: 'resource_link', uri: 'file:///exports/7.csv', name: 'export of anna@example.de', title: 'Export for +49 30 12345678', description: 'IBAN DE89370400440532013000', mimeType: 'text/csv', size: 12 },
        { type: 'audio', data: 'aGk=', mimeType: 'audio/wav' },
        { type: 'markdown', markdown: '**anna@example.de**', rows: [{ cell: 'a@example.de' }], uri: 'x://anna@example.de', data: 'aGk=', annotations: { audience: ['user'] }, _meta: { by: 'a@example.de' } },
      ],
      toolResult: { contact: 'anna@example.de' },
      details: 'owner anna@example.de',
      data: 'anna@example.de',
    });
    const out = rewritten(interceptor.intercept(context('tools/call', message)) as Verdict);
    assert.deepEqual(out.result, {
      content: [
        { type: 'resource_link', uri: 'file:///exports/7.csv', name: 'export of [EMAIL]', title: 'Export for [PHONE]', description: 'IBAN [IBAN]', mimeType: 'text/csv', size: 12 },
        { type: 'audio', data: 'aGk=', mimeType: 'audio/wav' },
        { type: 'markdown', markdown: '**[EMAIL]**', rows: [{ cell: '[EMAIL]' }], uri: 'x://anna@example.de', data: 'aGk=', annotations: { audience: ['user'] }, _meta: { by: 'a@example.de' } },
      ],
      toolResult: { contact: '[EMAIL]' },
      details: 'owner [EMAIL]',
      // Binary only beside a MIME type, as an image's is.
      data: '[EMAIL]',
    });
    const prompt = rewritten(
      interceptor.intercept(
        context('prompts/get', response({ description: 'call a@example.de', messages: [{ role: 'user', content: { type: 'resource_link', uri: 'x://1', name: 'n', description: 'ask a@example.de' } }] })),
      ) as Verdict,
    );
    assert.deepEqual(prompt.result, { description: 'call [EMAIL]', messages: [{ role: 'user', content: { type: 'resource_link', uri: 'x://1', name: 'n', description: 'ask [EMAIL]' } }] });
    // Content that is not a list of blocks, as no valid result has it, is masked whole rather than passed.
    const odd = rewritten(interceptor.intercept(context('tools/call', response({ content: 'mail a@example.de' }))) as Verdict);
    assert.deepEqual(odd.result, { content: 'mail [EMAIL]' });
  });

  it('masks the names of members that are personal data, wherever they stand, and keeps their values masked under them', () => {
    const message = response({
      content: [{ type: 'text', text: 'hi', 'anna@example.de': 'seen' }],
      structuredContent: { byCustomer: { 'anna@example.de': 3, 'bob@example.de': 1 } },
      '+49 30 12345678': { note: 'call back' },
    });
    const ctx = context('tools/call', message);
    assert.deepEqual(rewritten(interceptor.intercept(ctx) as Verdict).result, {
      content: [{ type: 'text', text: 'hi', '[EMAIL]': 'seen' }],
      structuredContent: { byCustomer: { '[EMAIL]': 3, '[EMAIL] #2': 1 } },
      '[PHONE]': { note: 'call back' },
    });
    assert.deepEqual(ctx.notes.findings, { email: 3, phone: 1 });
  });

  it('masks base64 data whose MIME type is text (a CSV export as a blob), and passes what is binary or no UTF-8', () => {
    const b64 = (text: string | Buffer): string => Buffer.from(text).toString('base64');
    const csv = 'name,email\nAnna,anna@example.de\n';
    const message = response({
      contents: [
        { uri: 'crm://export.csv', mimeType: 'text/csv; charset=utf-8', blob: b64(csv) },
        { uri: 'crm://export.json', mimeType: 'application/vnd.crm+json', blob: b64('{"first_name":"Anna"}') },
        { uri: 'crm://raw', mimeType: 'application/octet-stream', blob: b64(csv) },
        { uri: 'crm://latin1.txt', mimeType: 'text/plain', blob: b64(Buffer.from([0x61, 0xe9, 0x20, ...Buffer.from('anna@example.de')])) },
        { uri: 'crm://no-type', blob: b64(csv) },
      ],
    });
    const ctx = context('resources/read', message);
    const contents = (rewritten(interceptor.intercept(ctx) as Verdict).result.contents as { blob: string }[]).map(({ blob }) => Buffer.from(blob, 'base64').toString('latin1'));
    assert.deepEqual(contents, ['name,email\nAnna,[EMAIL]\n', '{"first_name":"[FIRST_NAME]"}', csv, 'a\u00e9 anna@example.de', csv]);
    assert.deepEqual(ctx.notes.findings, { email: 1, first_name: 1 });
    const svg = { type: 'image', mimeType: 'image/svg+xml', data: b64('<svg><text>anna@example.de</text></svg>') };
    const png = { type: 'image', mimeType: 'image/png', data: b64('anna@example.de') };
    const images = rewritten(interceptor.intercept(context('tools/call', response({ content: [svg, png] }))) as Verdict).result.content as { data: string }[];
    assert.deepEqual(images.map(({ data }) => Buffer.from(data, 'base64').toString()), ['<svg><text>[EMAIL]</text></svg>', 'anna@example.de']);
  });

  it('masks an error\'s message and data the way it masks a result; the code passes', () => {
    const failure: JsonRpcMessage = { jsonrpc: '2.0', id: 1, error: { code: -32603, message: 'no customer anna@example.de', data: { tried: ['+49 30 12345678'] } } };
    const ctx = context('tools/call', failure);
    const out = rewritten(interceptor.intercept(ctx) as Verdict) as unknown as { error: unknown };
    assert.deepEqual(out.error, { code: -32603, message: 'no customer [EMAIL]', data: { tried: ['[PHONE]'] } });
    assert.deepEqual(ctx.notes.findings, { email: 1, phone: 1 });
    assert.deepEqual(interceptor.intercept(context('tools/call', { jsonrpc: '2.0', id: 1, error: { code: -32601, message: 'unknown tool lookup' } })), { action: 'forward' });
  });

  it('resources/read and prompts/get: masks contents[].text and message content', () => {
    const read = rewritten(interceptor.intercept(context('resources/read', response({ contents: [{ uri: 'x://1', mimeType: 'text/plain', text: '+49 30 12345678' }, { uri: 'x://2', blob: 'AAAA' }] }))) as Verdict);
    assert.deepEqual(read.result.contents, [{ uri: 'x://1', mimeType: 'text/plain', text: '[PHONE]' }, { uri: 'x://2', blob: 'AAAA' }]);
    const prompt = rewritten(
      interceptor.intercept(context('prompts/get', response({ description: 'd', messages: [{ role: 'user', content: { type: 'text', text: 'call a@example.de' } }] }))) as Verdict,
    );
    assert.deepEqual(prompt.result.messages, [{ role: 'user', content: { type: 'text', text: 'call [EMAIL]' } }]);
  });

  it('forwards untouched what it does not mask: clean results, protocol results, requests, the other direction', () => {
    assert.deepEqual(interceptor.intercept(context('tools/call', response({ content: [{ type: 'text', text: 'ORD-2024-000123' }] }))), { action: 'forward' });
    assert.deepEqual(interceptor.intercept(context('tools/list', response({ tools: [{ name: 'a@example.de' }] }))), { action: 'forward' });
    assert.deepEqual(interceptor.intercept(context('prompts/list', response({ prompts: [{ name: 'a@example.de' }] }))), { action: 'forward' });
    assert.deepEqual(interceptor.intercept(context('initialize', response({ protocolVersion: '2025-11-25', instructions: 'ask a@example.de' }))), { action: 'forward' });
    const request: JsonRpcMessage = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { arguments: { email: 'a@example.de' } } };
    assert.deepEqual(interceptor.intercept(context('tools/call', request, { kind: 'request', direction: 'to-server' })), { action: 'forward' });
    assert.deepEqual(interceptor.intercept(context('tools/call', response({ content: [{ type: 'text', text: 'a@example.de' }] }), { direction: 'to-server' })), { action: 'forward' });
  });

  it('masks the data members of what a server sends of its own (log, progress, sampling, elicitation); their protocol members pass', () => {
    const sent = (method: string, params: Record<string, unknown>, id?: number): MessageContext & { notes: MessageNotes } =>
      context(method, { jsonrpc: '2.0', ...(id === undefined ? {} : { id }), method, params } as JsonRpcMessage, { kind: id === undefined ? 'notification' : 'request' });
    const paramsOf = (verdict: Verdict): unknown => (rewritten(verdict) as unknown as { params: unknown }).params;

    const log = sent('notifications/message', { level: 'info', logger: 'crm', data: { note: 'mail anna@example.de', first_name: 'Anna', type: 'x@example.de' } });
    assert.deepEqual(paramsOf(interceptor.intercept(log) as Verdict), { level: 'info', logger: 'crm', data: { note: 'mail [EMAIL]', first_name: '[FIRST_NAME]', type: '[EMAIL]' } });
    assert.deepEqual(log.notes.findings, { email: 2, first_name: 1 });

    const progress = sent('notifications/progress', { progressToken: 'a@example.de', progress: 1, message: 'calling +49 30 12345678' });
    assert.deepEqual(paramsOf(interceptor.intercept(progress) as Verdict), { progressToken: 'a@example.de', progress: 1, message: 'calling [PHONE]' });

    const sampling = sent(
      'sampling/createMessage',
      {
        systemPrompt: 'The customer pays from DE89370400440532013000.',
        messages: [{ role: 'user', content: [{ type: 'text', text: 'write to anna@example.de' }, { type: 'image', mimeType: 'image/png', data: 'aGk=' }] }],
        modelPreferences: { hints: [{ name: 'a@example.de' }] },
        maxTokens: 10,
      },
      7,
    );
    const out = rewritten(interceptor.intercept(sampling) as Verdict) as unknown as { id: number; method: string; params: unknown };
    assert.deepEqual([out.id, out.method], [7, 'sampling/createMessage']);
    assert.deepEqual(out.params, {
      systemPrompt: 'The customer pays from [IBAN].',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'write to [EMAIL]' }, { type: 'image', mimeType: 'image/png', data: 'aGk=' }] }],
      modelPreferences: { hints: [{ name: 'a@example.de' }] },
      maxTokens: 10,
    });
    assert.deepEqual(sampling.notes.findings, { iban: 1, email: 1 });

    const schema = { type: 'object', properties: { email: { type: 'string', format: 'email' } } };
    const elicitation = sent('elicitation/create', { message: 'Is anna@example.de right?', requestedSchema: schema }, 8);
    assert.deepEqual(paramsOf(interceptor.intercept(elicitation) as Verdict), { message: 'Is [EMAIL] right?', requestedSchema: schema });

    // Clean, or no data to mask in it: passes as it came.
    assert.deepEqual(interceptor.intercept(sent('notifications/message', { level: 'info', data: 'ORD-2024-000123' })), FORWARD);
    assert.deepEqual(interceptor.intercept(sent('notifications/resources/updated', { uri: 'file:///a@example.de' })), FORWARD);
    assert.deepEqual(interceptor.intercept(sent('roots/list', {}, 9)), FORWARD);
    assert.deepEqual(interceptor.intercept(sent('notifications/cancelled', { requestId: 'a@example.de', reason: 'timed out' })), FORWARD);
    // One this version does not know (a vendor's, a later protocol's): all but metadata is masked.
    const vendor = sent('notifications/acme/export', { type: 'csv', uri: 'file:///a@example.de.csv', rows: ['a@example.de'], note: 'for a@example.de' });
    assert.deepEqual(paramsOf(interceptor.intercept(vendor) as Verdict), { type: 'csv', uri: 'file:///a@example.de.csv', rows: ['[EMAIL]'], note: 'for [EMAIL]' });
    // Only for the client: what the trail gets, it masks itself.
    const trailOnly = createResultMasking({ masker, toClient: false });
    assert.deepEqual(trailOnly.intercept(sent('notifications/message', { level: 'info', data: 'anna@example.de' })), FORWARD);
  });

  it('tasks: masks a task\'s status message and its result; its id and a list\'s cursor pass, whatever they look like', () => {
    const task = { taskId: '+49 30 12345678', status: 'working', statusMessage: 'looking up anna@example.de', createdAt: '2025-11-25T10:00:00Z', ttl: 60000 };
    const masked = { ...task, statusMessage: 'looking up [EMAIL]' };
    const created = rewritten(interceptor.intercept(context('tools/call', response({ task }))) as Verdict);
    assert.deepEqual(created.result, { task: masked });
    assert.deepEqual(rewritten(interceptor.intercept(context('tasks/get', response(task))) as Verdict).result, masked);
    const listed = rewritten(interceptor.intercept(context('tasks/list', response({ tasks: [task], nextCursor: 'anna@example.de' }))) as Verdict);
    assert.deepEqual(listed.result, { tasks: [masked], nextCursor: 'anna@example.de' });
    const status = context('notifications/tasks/status', { jsonrpc: '2.0', method: 'notifications/tasks/status', params: task }, { kind: 'notification' });
    assert.deepEqual((rewritten(interceptor.intercept(status) as Verdict) as unknown as { params: unknown }).params, masked);
    const result = rewritten(interceptor.intercept(context('tasks/result', response({ content: [{ type: 'text', text: 'mail anna@example.de' }] }))) as Verdict);
    assert.deepEqual(result.result, { content: [{ type: 'text', text: 'mail [EMAIL]' }] });
  });

  it('masks the result of a method this version does not know, all but its metadata (fail closed)', () => {
    const vendor = rewritten(interceptor.intercept(context('acme/export', response({ rows: [{ email: 'a@example.de', uri: 'crm://a@example.de' }], uri: 'crm://a@example.de', nextCursor: 'n' }))) as Verdict);
    // Metadata passes where a result's parts stand; inside data of a shape it does not know, everything is data.
    assert.deepEqual(vendor.result, { rows: [{ email: '[EMAIL]', uri: 'crm://[EMAIL]' }], uri: 'crm://a@example.de', nextCursor: 'n' });
  });

  it('resource lists and completions: masks names, descriptions and suggested values; URIs, templates and cursors pass', () => {
    const resources = rewritten(
      interceptor.intercept(
        context('resources/list', response({ resources: [{ uri: 'crm://anna@example.de', name: 'anna@example.de', description: 'IBAN DE89370400440532013000', mimeType: 'text/plain' }], nextCursor: 'c1' })),
      ) as Verdict,
    );
    assert.deepEqual(resources.result, { resources: [{ uri: 'crm://anna@example.de', name: '[EMAIL]', description: 'IBAN [IBAN]', mimeType: 'text/plain' }], nextCursor: 'c1' });
    const templates = rewritten(interceptor.intercept(context('resources/templates/list', response({ resourceTemplates: [{ uriTemplate: 'crm://{email}', name: 'by e-mail', title: 'e.g. anna@example.de' }] }))) as Verdict);
    assert.deepEqual(templates.result, { resourceTemplates: [{ uriTemplate: 'crm://{email}', name: 'by e-mail', title: 'e.g. [EMAIL]' }] });
    const completion = rewritten(interceptor.intercept(context('completion/complete', response({ completion: { values: ['anna@example.de', 'ORD-1'], total: 2, hasMore: false } }))) as Verdict);
    assert.deepEqual(completion.result, { completion: { values: ['[EMAIL]', 'ORD-1'], total: 2, hasMore: false } });
  });

  it('toClient false: forwards the original, and leaves counting to the trail unless a bulk guard needs the count', () => {
    const trailOnly = createResultMasking({ masker, toClient: false });
    const ctx = context('tools/call', response({ content: [{ type: 'text', text: 'a@example.de' }] }));
    assert.deepEqual(trailOnly.intercept(ctx), { action: 'forward' });
    assert.equal(ctx.notes.findings, undefined);
    assert.equal(ctx.notes.findingsLeftToTrail, true);
    const allowing = createResultMasking({ masker, toClient: false, bulk: { maxFindingsPerResult: 0, action: 'allow' } });
    const allowed = context('tools/call', response({ content: [{ type: 'text', text: 'a@example.de' }] }));
    assert.deepEqual(allowing.intercept(allowed), { action: 'forward' });
    assert.equal(allowed.notes.findingsLeftToTrail, true);
    // A bulk guard that refuses needs the count on the way.
    const guarded = createResultMasking({ masker, toClient: false, bulk: { maxFindingsPerResult: 5, action: 'deny' } });
    const counted = context('tools/call', response({ content: [{ type: 'text', text: 'a@example.de' }] }));
    assert.deepEqual(guarded.intercept(counted), { action: 'forward' });
    assert.deepEqual(counted.notes.findings, { email: 1 });
    assert.equal(counted.notes.findingsLeftToTrail, undefined);
  });

  it('bulk guard: deny and approve refuse with a tool error naming count and rule; allow passes masked', () => {
    const many = response({ content: [{ type: 'text', text: Array.from({ length: 4 }, (_, n) => `u${n}@example.de`).join(' ') }] });
    for (const action of ['deny', 'approve'] as const) {
      const guard = createResultMasking({ masker, toClient: true, bulk: { maxFindingsPerResult: 3, action } });
      const ctx = context('tools/call', many);
      const out = rewritten(guard.intercept(ctx) as Verdict);
      assert.equal(out.id, 1);
      assert.equal(out.result.isError, true);
      const text = (out.result.content as { text: string }[])[0]!.text;
      assert.match(text, /4 personal-data findings \(email 4\), more than bulk\.max_findings_per_result 3/);
      assert.ok(!text.includes('@example.de'));
      assert.deepEqual(ctx.notes.decision?.rule, 'bulk.max_findings_per_result');
      assert.equal(ctx.notes.decision?.action, action);
    }
    const allow = createResultMasking({ masker, toClient: true, bulk: { maxFindingsPerResult: 3, action: 'allow' } });
    const out = rewritten(allow.intercept(context('tools/call', many)) as Verdict);
    assert.equal((out.result.content as { text: string }[])[0]!.text, '[EMAIL] [EMAIL] [EMAIL] [EMAIL]');
    // At the limit is not over it.
    const atLimit = createResultMasking({ masker, toClient: true, bulk: { maxFindingsPerResult: 4, action: 'deny' } });
    assert.notEqual(rewritten(atLimit.intercept(context('tools/call', many)) as Verdict).result.isError, true);
  });

  it('keeps structuredContent valid against the outputSchema from tools/list: an e-mail field stays an address, a field no masked form fits withholds', () => {
    const guard = createResultMasking({ masker, toClient: true });
    const outputSchema = {
      type: 'object',
      properties: { email: { type: 'string', format: 'email' }, phone: { type: 'string', pattern: '^\\+[0-9 ]+$' }, note: { type: 'string' } },
      required: ['email'],
    };
    assert.deepEqual(guard.intercept(context('tools/list', response({ tools: [{ name: 'lookup', inputSchema: { type: 'object' }, outputSchema }] }))), FORWARD);
    const call = (structuredContent: Record<string, unknown>): Verdict => guard.intercept(context('tools/call', response({ content: [], structuredContent }))) as Verdict;
    // An address alone in a field of format email is written as one that reaches nobody; the note keeps its token.
    assert.deepEqual(rewritten(call({ email: 'anna@example.de', note: 'call anna@example.de' })).result.structuredContent, { email: 'redacted@redacted.invalid', note: 'call [EMAIL]' });
    // A phone number under a pattern of digits: no masked form matches where the server's value did. Withheld, saying why.
    const withheld = JSON.stringify(rewritten(call({ email: 'anna@example.de', phone: '+49 30 12345678' })));
    assert.match(withheld, /withheld this result: .*no longer matches the tool's outputSchema: \/phone must match pattern/);
    assert.ok(!withheld.includes('12345678') && !withheld.includes('anna@example.de'), withheld);
    // Content the server sent that does not match its own schema is masked and passed: masking is not what breaks it.
    assert.deepEqual(rewritten(call({ email: 'not an address', phone: 'a@example.de' })).result.structuredContent, { email: 'not an address', phone: '[EMAIL]' });
    // No schema known (no tools/list seen): masked as it is.
    const unlisted = createResultMasking({ masker, toClient: true });
    assert.deepEqual(rewritten(unlisted.intercept(context('tools/call', response({ content: [], structuredContent: { email: 'anna@example.de' } }))) as Verdict).result.structuredContent, { email: '[EMAIL]' });
  });

  it("passes a shop's order whose outputSchema wants a boolean and an e-mail address inside its shipping address, masked, where it withheld it", () => {
    const addresses = createMasker({ in: ['client', 'audit'], detectors: ['email'], fields: ['home_address'], style: 'redact' }, new Uint8Array(32));
    const guard = createResultMasking({ masker: addresses, toClient: true });
    const address = { type: 'object', properties: { address1: { type: 'string' }, default: { type: 'boolean' }, email: { type: 'string', format: 'email' } } };
    const outputSchema = { type: 'object', properties: { order: { type: 'integer' }, shipping_address: address } };
    guard.intercept(context('tools/list', response({ tools: [{ name: 'lookup', inputSchema: { type: 'object' }, outputSchema }] })));
    const ctx = context('tools/call', response({ content: [], structuredContent: { order: 1001, shipping_address: { address1: 'Hauptstr. 5', default: true, email: 'anna@example.de' } } }));
    const out = rewritten(guard.intercept(ctx) as Verdict);
    assert.deepEqual(out.result.structuredContent, { order: 1001, shipping_address: { address1: '[HOME_ADDRESS]', default: true, email: 'redacted@redacted.invalid' } });
    assert.deepEqual(ctx.notes.findings, { home_address: 1, email: 1 });
  });

  it('writes masked addresses where the outputSchema wants them as addresses that reach nobody, keeping the pseudonym', () => {
    const pseudonyms = createMasker({ in: ['client'], detectors: ['email', 'ip'], fields: [], style: 'pseudonym' }, new Uint8Array(32).fill(7));
    const guard = createResultMasking({ masker: pseudonyms, toClient: true });
    const properties = { mail: { type: 'string', format: 'email' }, v4: { type: 'string', format: 'ipv4' }, v6: { type: 'string', format: 'ipv6' } };
    guard.intercept(context('tools/list', response({ tools: [{ name: 'lookup', inputSchema: { type: 'object' }, outputSchema: { type: 'object', properties } }] })));
    const values = { mail: 'anna@example.de', v4: '203.0.113.77', v6: '2a00:1450:4001:82a::200e' };
    const out = rewritten(guard.intercept(context('tools/call', response({ content: [], structuredContent: values }))) as Verdict).result.structuredContent as typeof values;
    const hex = (value: string): string => /:([0-9a-f]{8})>/.exec(pseudonyms.maskText(value).text)![1]!;
    const v4 = Number.parseInt(hex(values.v4), 16);
    assert.deepEqual(out, {
      mail: `email-${hex(values.mail)}@pseudonym.invalid`,
      v4: `198.${18 + ((v4 >>> 16) & 1)}.${(v4 >>> 8) & 255}.${v4 & 255}`,
      v6: `2001:db8::${hex(values.v6).slice(0, 4)}:${hex(values.v6).slice(4)}`,
    });
  });

  it('bulk guard on resources/read answers with a JSON-RPC error (a tool error is not a valid resource result)', () => {
    const guard = createResultMasking({ masker, toClient: true, bulk: { maxFindingsPerResult: 1, action: 'deny' } });
    const out = (guard.intercept(context('resources/read', response({ contents: [{ uri: 'x://1', text: 'a@example.de b@example.de' }] }))) as { message: { error: { code: number; message: string } } }).message;
    assert.equal(out.error.code, -32003);
    assert.match(out.error.message, /2 personal-data findings/);
  });

  it('masks a long text as it is written unless a bulk guard needs its count first; its findings are noted once all is masked', () => {
    const text = Array.from({ length: 4000 }, (_, n) => `customer ${n}: c${n}@example.de`).join('\n');
    // As a server may write it: spaces between members, escapes JSON.stringify would not use.
    const asWritten = (text: string): Buffer => Buffer.from(`{"jsonrpc": "2.0", "id": 1, "result": {"content": [{"type": "text", "text": ${JSON.stringify(text).replaceAll('/', '\\/')}}]}}`);
    const split = (line: Buffer): { ctx: MessageContext & { notes: MessageNotes }; strings: LongStrings } => {
      const strings = LongStrings.split(line, true) as LongStrings;
      return { ctx: { ...context('tools/call', JSON.parse(strings.skeleton) as JsonRpcMessage), longStrings: strings }, strings };
    };
    const made = (parts: ReadonlyArray<Buffer | StreamedString>): string => Buffer.concat([...lineBytes(parts)]).toString('utf8');

    const { ctx, strings } = split(asWritten(text));
    // Nothing else in the result changes: it goes out as it came, the text masked in place as it is written.
    assert.equal(interceptor.intercept(ctx), FORWARD);
    const parts = strings.asSent() as Array<Buffer | StreamedString>;
    assert.ok(parts.some((part) => part instanceof StreamedString), 'the text is left to be masked as it is written');
    assert.equal(ctx.notes.findings, undefined, 'nothing counted before it is written');
    assert.equal(made(parts), asWritten(Array.from({ length: 4000 }, (_, n) => `customer ${n}: [EMAIL]`).join('\n')).toString('utf8'));
    assert.deepEqual(ctx.notes.findings, { email: 4000 });
    assert.equal(ctx.notes.resultMasked, true);

    // A text with nothing to mask goes out byte for byte.
    const clean = asWritten(text.replaceAll('@', ' at ').replaceAll('.de', '/de'));
    const cleanSplit = split(clean);
    assert.equal(interceptor.intercept(cleanSplit.ctx), FORWARD);
    assert.equal(made(cleanSplit.strings.asSent() as Array<Buffer | StreamedString>), clean.toString('utf8'));
    assert.equal(cleanSplit.ctx.notes.findings, undefined);

    // Another change to the result: serialised anew, the text still streamed.
    const withShort = split(Buffer.from(JSON.stringify(response({ content: [{ type: 'text', text }, { type: 'text', text: 'x@example.de' }] }))));
    const rewrite = rewritten(interceptor.intercept(withShort.ctx) as Verdict);
    assert.deepEqual(withShort.ctx.notes.findings, { email: 1 });
    assert.match(made(withShort.strings.serialize(rewrite)), /customer 3999: \[EMAIL\]"\},\{"type":"text","text":"\[EMAIL\]"\}/);
    assert.deepEqual(withShort.ctx.notes.findings, { email: 4001 });

    // A bulk guard decides on the count before anything leaves.
    const guarded = split(asWritten(text));
    const refusal = rewritten(createResultMasking({ masker, toClient: true, bulk: { maxFindingsPerResult: 100, action: 'deny' } }).intercept(guarded.ctx) as Verdict);
    assert.match(JSON.stringify(refusal), /4000 personal-data findings/);
    const allowed = split(asWritten(text));
    const under = createResultMasking({ masker, toClient: true, bulk: { maxFindingsPerResult: 5000, action: 'deny' } });
    assert.ok(allowed.strings.serialize(rewritten(under.intercept(allowed.ctx) as Verdict)).every((part) => Buffer.isBuffer(part)), 'masked before the verdict');
    assert.equal(allowed.strings.asSent(), undefined);
    assert.deepEqual(allowed.ctx.notes.findings, { email: 4000 });
  });

  it("masks the names a long JSON text held in the result's other values", () => {
    const named = createMasker({ in: ['client', 'audit'], detectors: ['email'], fields: ['full_name'], style: 'redact' }, new Uint8Array(32));
    const records = JSON.stringify(Array.from({ length: 2_000 }, (_, n) => ({ id: n, full_name: n === 7 ? 'Anna Schmidt' : `P${n}` })));
    const line = Buffer.from(JSON.stringify(response({ content: [{ type: 'text', text: records }, { type: 'text', text: 'Call Anna Schmidt today.' }] })));
    const strings = LongStrings.split(line, false) as LongStrings;
    const ctx = { ...context('tools/call', JSON.parse(strings.skeleton) as JsonRpcMessage), longStrings: strings };
    const parts = strings.serialize(rewritten(createResultMasking({ masker: named, toClient: true }).intercept(ctx) as Verdict));
    const sent = JSON.parse(Buffer.concat([...lineBytes(parts)]).toString('utf8')) as JsonRpcSuccess;
    assert.equal((sent.result.content as { text: string }[])[1]!.text, 'Call [FULL_NAME] today.');
  });

  it('writes a large masked JSON text a slice at a time, and keeps a smaller one in the line', () => {
    const records = (count: number): string => JSON.stringify(Array.from({ length: count }, (_, n) => ({ id: n, first_name: `Anna ${n}`, email: `c${n}@example.de`, note: 'emoji 😀 '.repeat(n % 3) })));
    const maskedRecords = (count: number): string =>
      JSON.stringify(Array.from({ length: count }, (_, n) => ({ id: n, first_name: '[FIRST_NAME]', email: '[EMAIL]', note: 'emoji 😀 '.repeat(n % 3) })));
    for (const [count, streamed] of [
      [20_000, true],
      [2_000, false],
    ] as const) {
      const line = Buffer.from(JSON.stringify(response({ content: [{ type: 'text', text: records(count) }] })));
      const strings = LongStrings.split(line, false) as LongStrings;
      const ctx = { ...context('tools/call', JSON.parse(strings.skeleton) as JsonRpcMessage), longStrings: strings };
      const parts = strings.serialize(rewritten(interceptor.intercept(ctx) as Verdict));
      assert.equal(parts.some((part) => part instanceof StreamedString), streamed, `${line.length} bytes`);
      const sent = JSON.parse(Buffer.concat([...lineBytes(parts)]).toString('utf8')) as JsonRpcSuccess;
      assert.equal((sent.result.content as { text: string }[])[0]!.text, maskedRecords(count));
      assert.deepEqual(ctx.notes.findings, { first_name: count, email: count });
    }
  });

  it('with a masker loading in the background: starts it after initialize; other messages pass at once, a result to mask waits', async () => {
    let finish!: (loaded: typeof masker) => void;
    let starts = 0;
    let loaded: typeof masker | undefined;
    const ready = new Promise<typeof masker>((resolve) => (finish = (done) => resolve((loaded = done))));
    const loading = createResultMasking({ masker: { ready, start: () => (starts++, ready), loaded: () => loaded }, toClient: true });
    assert.equal(loading.intercept(context('tools/list', response({ tools: [] }))), FORWARD, 'not a result to mask: no wait');
    assert.equal(starts, 0, 'nothing asked for the masker yet');
    assert.equal(loading.intercept(context('initialize', response({ protocolVersion: '2025-06-18' }))), FORWARD);
    assert.equal(starts, 1, 'the load starts once initialize is answered');
    const verdict = loading.intercept(context('tools/call', response({ content: [{ type: 'text', text: 'mail anna@example.de' }] })));
    assert.ok(verdict instanceof Promise, 'a result to mask waits');
    finish(masker);
    assert.deepEqual(rewritten(await verdict).result, { content: [{ type: 'text', text: 'mail [EMAIL]' }] });
    // Once loaded, results are masked without a wait.
    assert.ok(!(loading.intercept(context('tools/call', response({ content: [{ type: 'text', text: 'x@example.de' }] }))) instanceof Promise));
  });

  it('leaves masking that throws to the session: no reply of its own quotes the error, whose message may quote the data', () => {
    const throwing = { ...masker, maskValue: () => { throw new Error('cannot read anna@example.de'); } };
    const failing = createResultMasking({ masker: throwing, toClient: true });
    const ctx = context('tools/call', response({ content: [{ type: 'text', text: 'mail anna@example.de' }] }));
    assert.throws(() => failing.intercept(ctx), /cannot read anna@example\.de/);
    assert.equal(ctx.notes.error, undefined, 'the trail gets no note quoting it either');
  });

  it('with a masker that failed to load: every result to mask is withheld, saying why (fail closed)', async () => {
    const failed = Promise.reject(new Error('no numbering plans'));
    failed.catch(() => undefined);
    const broken = createResultMasking({ masker: { ready: failed, start: () => failed, loaded: () => undefined }, toClient: true });
    const ctx = context('tools/call', response({ content: [{ type: 'text', text: 'mail anna@example.de' }] }));
    const out = rewritten(await broken.intercept(ctx));
    assert.equal(out.result.isError, true);
    assert.match(JSON.stringify(out), /withheld this result: the result could not be masked \(no numbering plans\)/);
    assert.ok(!JSON.stringify(out).includes('anna@example.de'));
  });

  it('with a masker that failed to load: drops a server\'s log message and refuses its sampling request (fail closed)', async () => {
    const failed = Promise.reject(new Error('no numbering plans'));
    failed.catch(() => undefined);
    const broken = createResultMasking({ masker: { ready: failed, start: () => failed, loaded: () => undefined }, toClient: true });
    const log = context('notifications/message', { jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'anna@example.de' } }, { kind: 'notification' });
    assert.deepEqual(await broken.intercept(log), { action: 'deny' });
    assert.match(String(log.notes.error), /notifications\/message could not be masked \(no numbering plans\)/);
    const request: JsonRpcMessage = { jsonrpc: '2.0', id: 4, method: 'sampling/createMessage', params: { messages: [{ role: 'user', content: { type: 'text', text: 'anna@example.de' } }], maxTokens: 5 } };
    const verdict = await broken.intercept(context('sampling/createMessage', request, { kind: 'request' }));
    assert.equal(verdict.action, 'deny');
    const reply = (verdict as { reply: { id: number; error: { message: string } } }).reply;
    assert.equal(reply.id, 4);
    assert.match(reply.error.message, /withheld this request: the server's sampling\/createMessage could not be masked/);
    assert.ok(!JSON.stringify(reply).includes('anna@example.de'));
  });
});
