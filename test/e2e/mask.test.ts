/**
 * Masking end to end, through the built CLI between the official SDK client
 * and a fixture server: the client sees masked values in plain text, JSON
 * text, structuredContent, resources and prompts; the tool receives its
 * argument unmasked; the audit trail holds neither the values nor the
 * argument; the bulk guard refuses an oversized result.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CreateMessageRequestSchema, ElicitRequestSchema, LoggingMessageNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import type { AuditEvent } from '../../src/audit/event.js';
import { readIndex, readSessionEvents } from '../../src/audit/spool.js';
import { createMasker } from '../../src/mask/masker.js';
import { loadPolicy } from '../../src/policy/load.js';
import { connectThroughGuard, fixture, tempHome, type GuardConnection } from '../helpers/guard.js';
import { residentBytes } from '../helpers/memory.js';

const SERVER = [process.execPath, fixture('mask-server')];
const EMAIL = 'anna.schmidt@example.de';
/** The fixture's "image" of an ID card (see `customer_file`): base64 that names the customer. */
const ID_SCAN = Buffer.from('scanned ID card of Anna Schmidt, anna.schmidt@example.de').toString('base64');
const RAW_VALUES = [EMAIL, '+49 30 12345678', '4930123456', 'DE89 3704 0044 0532 0130 00', 'DE89370400440532013000'];

function textOf(result: unknown): string {
  const content = (result as { content: { type: string; text?: string }[] }).content;
  return content.map((block) => block.text ?? '').join('\n');
}

/** A policy file in `home` that allows every call and masks as `masking` (a YAML flow mapping) says, with `more` lines after it. */
function allowAllPolicy(home: string, name: string, masking: string, ...more: string[]): string {
  const policy = join(home, `${name}.yaml`);
  writeFileSync(policy, ['version: 1', `name: ${name}`, 'identity: { require: any }', 'default: allow', 'tools:', '  - method: "*"', '    action: allow', `masking: ${masking}`, ...more, 'pinning: off', ''].join('\n'));
  return policy;
}

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('masking through the wrapper', () => {
  const home = tempHome('mcp-guard-mask-e2e-');
  const log = join(home, '..', `${home.split('/').pop()}-calls.jsonl`);
  let guard: GuardConnection;

  before(async () => {
    guard = await connectThroughGuard({ server: SERVER, env: { MCP_GUARD_HOME: home, MCP_GUARD_KEYCHAIN: 'off', MASK_FIXTURE_LOG: log }, capabilities: { sampling: {}, elicitation: {} } });
  });
  after(async () => {
    await guard?.close();
  });

  it('masks personal data in a plain-text result, keeps the look-alikes', async () => {
    const result = await guard.client.callTool({ name: 'find_customer', arguments: { email: EMAIL } });
    const text = textOf(result);
    for (const value of RAW_VALUES) assert.ok(!text.includes(value), `client saw ${value}: ${text}`);
    assert.match(text, /e-mail <email:[0-9a-f]{8}>, phone <phone:[0-9a-f]{8}>, IBAN <iban:[0-9a-f]{8}>;/);
    assert.ok(text.includes('ORD-2024-000123') && text.includes('2024-03-05T10:15:00Z'), text);
    assert.notEqual(result.isError, true);
  });

  it('masks JSON text by detector and by field name, and keeps it JSON, as written where nothing was masked', async () => {
    const result = await guard.client.callTool({ name: 'customer_json', arguments: { email: EMAIL } });
    assert.match(textOf(result), /^{\n  "/);
    assert.ok(textOf(result).endsWith(',\n  "account": 12345678901234567890\n}'), textOf(result));
    const record = JSON.parse(textOf(result)) as Record<string, unknown>;
    assert.match(String(record.first_name), /^<first_name:[0-9a-f]{8}>$/);
    assert.match(String(record.last_name), /^<last_name:[0-9a-f]{8}>$/);
    assert.match(String(record.email), /^<email:[0-9a-f]{8}>$/);
    assert.equal(record.order_id, 'ORD-2024-000123');
    assert.equal(record.visits, 7);
  });

  it('masks the customer\'s name where the text names it: a key line, YAML, a CSV column, XML, JSON in a fence, a URL\'s query, an HTML table', async () => {
    const text = textOf(await guard.client.callTool({ name: 'customer_card', arguments: { email: EMAIL } }));
    for (const value of ['Anna', 'Schmidt', 'Hauptstr', 'Berlin', EMAIL]) assert.ok(!text.includes(value), `client saw ${value}: ${text}`);
    assert.match(text, /^Full name: <full_name:[0-9a-f]{8}>\n/);
    assert.match(text, /<first_name><first_name:[0-9a-f]{8}><\/first_name>/);
    assert.match(text, /\?first_name=<first_name:[0-9a-f]{8}>&last_name=<last_name:[0-9a-f]{8}>&tab=orders/);
    assert.match(text, /<tr><td><first_name:[0-9a-f]{8}><\/td><td><b><last_name:[0-9a-f]{8}><\/b><\/td><td><email:[0-9a-f]{8}><\/td><td>7<\/td><\/tr>/);
    // What names no person stays: the keys, the count, the time.
    assert.ok(text.includes('"visits": 7') && text.includes('2024-03-05T10:15:00Z INFO opened') && text.includes('    city: '), text);
  });

  it('masks a database\'s rows by their columns, in structuredContent and in JSON text that names them after the rows', async () => {
    const result = await guard.client.callTool({ name: 'customer_query', arguments: { email: EMAIL } });
    const seen = JSON.stringify(result);
    for (const value of ['Anna', 'Schmidt']) assert.ok(!seen.includes(value), `client saw ${value}: ${seen}`);
    const { columns, rows } = result.structuredContent as { columns: string[]; rows: unknown[][] };
    assert.deepEqual(columns, ['id', 'first_name', 'last_name', 'visits']);
    assert.equal(rows[0]![0], 1);
    assert.match(String(rows[0]![1]), /^<first_name:[0-9a-f]{8}>$/);
    assert.match(String(rows[0]![2]), /^<last_name:[0-9a-f]{8}>$/);
    assert.equal(rows[0]![3], 7);
    const text = JSON.parse(textOf(result)) as { rows: unknown[][] };
    assert.deepEqual(text.rows, rows);
  });

  it('masks what a Python tool prints (`str()` of rows) and a browser\'s snapshot of a table, the name beside the address too', async () => {
    const result = await guard.client.callTool({ name: 'customer_rows', arguments: { email: EMAIL } });
    const [rows, snapshot] = (result.content as { text: string }[]).map((block) => block.text);
    for (const value of ['Anna', 'Schmidt', EMAIL]) assert.ok(!JSON.stringify(result).includes(value), `client saw ${value}: ${JSON.stringify(result)}`);
    assert.match(rows!, /^\[\{'id': 1, 'name': '<full_name:[0-9a-f]{8}>', 'email': '<email:[0-9a-f]{8}>', 'vip': True, 'note': None\}\]$/);
    const name = /'name': '(<full_name:[0-9a-f]{8}>)'/.exec(rows!)![1]!;
    assert.ok(snapshot!.includes(`- row "${name} <email:`) && snapshot!.includes(`- cell "${name}" [ref=e6]`), snapshot);
  });

  it('masks structuredContent in place; the SDK client still validates it against the outputSchema', async () => {
    const result = await guard.client.callTool({ name: 'customer_structured', arguments: { email: EMAIL } });
    const structured = result.structuredContent as Record<string, unknown>;
    assert.match(String(structured.email), /^<email:[0-9a-f]{8}>$/);
    assert.match(String(structured.iban), /^<iban:[0-9a-f]{8}>$/);
    assert.match(String(structured.first_name), /^<first_name:[0-9a-f]{8}>$/);
    assert.equal(structured.visits, 7);
    assert.equal(structured.created_at, '2024-03-05T10:15:00Z');
    // One data subject, one pseudonym, wherever the value appeared.
    const plain = textOf(await guard.client.callTool({ name: 'find_customer', arguments: { email: EMAIL } }));
    assert.ok(plain.includes(String(structured.email)), `${plain} vs ${String(structured.email)}`);
  });

  it("masks a name found in a result wherever it is written again, with the name's token: a ticket's subject and free text, the prose beside it", async () => {
    const result = await guard.client.callTool({ name: 'customer_ticket', arguments: { email: EMAIL } });
    const structured = result.structuredContent as { subject: string; requester: { name: string }; description: string };
    const token = structured.requester.name;
    assert.match(token, /^<full_name:[0-9a-f]{8}>$/);
    assert.equal(structured.subject, `Refund for ${token}`);
    assert.equal(structured.description, `${token} (VIP) asked for a refund; ${token}'s last order was ORD-2024-000123.`);
    const [json, summary] = (result.content as { text: string }[]).map((block) => block.text);
    assert.deepEqual(JSON.parse(json!), structured);
    assert.equal(summary, `Ticket 4711 from ${token}: refund requested.`);
  });

  it('masks resources/read contents and prompts/get messages', async () => {
    const resource = await guard.client.readResource({ uri: 'customer://anna' });
    const contents = resource.contents[0] as { uri: string; text: string; mimeType: string };
    assert.equal(contents.uri, 'customer://anna');
    assert.equal(contents.mimeType, 'text/plain');
    assert.ok(!contents.text.includes(EMAIL) && contents.text.includes('<email:'), contents.text);
    const prompt = await guard.client.getPrompt({ name: 'customer_call' });
    const message = prompt.messages[0]!.content as { type: string; text: string };
    assert.ok(!message.text.includes('+49 30 12345678') && /<phone:[0-9a-f]{8}>/.test(message.text), message.text);
  });

  it('masks keys that are personal data (a map keyed by e-mail address) in JSON text and structuredContent; the tool gets its argument as it was', async () => {
    const result = await guard.client.callTool({ name: 'orders_by_customer', arguments: { email: EMAIL, cc: { [EMAIL]: 'to' } } });
    const structured = result.structuredContent as { customers: Record<string, { orders: number }> };
    assert.deepEqual(Object.values(structured.customers), [{ orders: 3 }, { orders: 1 }]);
    assert.ok(Object.keys(structured.customers).every((key) => /^<email:[0-9a-f]{8}>$/.test(key)), JSON.stringify(structured));
    assert.deepEqual(JSON.parse(textOf(result)), structured);
    assert.ok(!JSON.stringify(result).includes(EMAIL));
    const calls = readFileSync(log, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { name: string; arguments: { cc?: Record<string, string> } });
    assert.deepEqual(calls.find((call) => call.name === 'orders_by_customer')?.arguments.cc, { [EMAIL]: 'to' });
  });

  it('counts what a text blob carries: the bulk guard refuses a CSV export of 20,000 customers that comes as base64', async () => {
    await assert.rejects(guard.client.readResource({ uri: 'customer://export.csv' }), /withheld this result: the result carries 40000 personal-data findings \(first_name 20000, email 20000\)/);
  });

  it('masks what a resource list and a completion show; the URIs still read', async () => {
    const { resources } = await guard.client.listResources();
    const anna = resources.find((resource) => resource.uri === 'customer://anna');
    assert.match(String(anna?.description), /^The file of <email:[0-9a-f]{8}>$/);
    assert.ok(!JSON.stringify(resources).includes(EMAIL), JSON.stringify(resources));
    const read = await guard.client.readResource({ uri: 'customer://anna' });
    assert.equal(read.contents[0]?.uri, 'customer://anna');
    const { completion } = await guard.client.complete({ ref: { type: 'ref/prompt', name: 'customer_note' }, argument: { name: 'email', value: 'anna' } });
    assert.equal(completion.values.length, 1);
    assert.match(completion.values[0] ?? '', /^<email:[0-9a-f]{8}>$/);
  });

  it('masks what a resource link shows, and leaves its URI, the result\'s _meta and an image to the client as they came', async () => {
    const result = await guard.client.callTool({ name: 'customer_file', arguments: {} });
    const [link, image] = result.content as { type: string; uri: string; name: string; data: string }[];
    assert.match(link!.name, /^file of <email:[0-9a-f]{8}>$/);
    assert.equal(link!.uri, `file:///customers/${EMAIL}.txt`);
    assert.deepEqual(result._meta, { owner: '+49 30 12345678' });
    assert.equal(image!.data, ID_SCAN, 'binary data reaches the client as it came');
  });

  it('keeps a masked structuredContent valid where the outputSchema wants an e-mail address', async () => {
    // The SDK client checks structuredContent against the schemas it listed; <email:…> is no e-mail address.
    await guard.client.listTools();
    const result = await guard.client.callTool({ name: 'customer_contact', arguments: {} });
    const contact = result.structuredContent as { email: string; name: string };
    assert.match(contact.email, /^email-[0-9a-f]{8}@pseudonym\.invalid$/);
    assert.match(contact.name, /^<full_name:[0-9a-f]{8}>$/, 'a name beside an e-mail address is the person\'s, and still a string as the schema wants');
    const plain = textOf(await guard.client.callTool({ name: 'find_customer', arguments: { email: EMAIL } }));
    assert.ok(plain.includes(`<email:${contact.email.slice(6, 14)}>`), 'the same pseudonym, written as an address');
  });

  it('masks the message of an error the server answers with', async () => {
    await assert.rejects(guard.client.readResource({ uri: 'customer://gone' }), (error: Error) => {
      assert.match(error.message, /customer <email:[0-9a-f]{8}> was deleted/);
      assert.ok(!error.message.includes(EMAIL), error.message);
      return true;
    });
  });

  it('masks what the server sends of its own: log and progress messages, sampling and elicitation requests', async () => {
    const logs: unknown[] = [];
    const progress: unknown[] = [];
    const sampling: unknown[] = [];
    const elicitation: unknown[] = [];
    guard.client.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
      logs.push(notification.params);
    });
    guard.client.setRequestHandler(CreateMessageRequestSchema, (request) => {
      sampling.push(request.params);
      return { model: 'test-model', role: 'assistant', content: { type: 'text', text: 'Dear customer, please pay.' } };
    });
    guard.client.setRequestHandler(ElicitRequestSchema, (request) => {
      elicitation.push(request.params);
      return { action: 'accept', content: { send: true } };
    });
    const result = await guard.client.callTool({ name: 'contact_customer', arguments: { email: EMAIL } }, undefined, { onprogress: (event) => progress.push(event) });
    assert.equal(textOf(result), 'draft: Dear customer, please pay.; accept');
    const seen = JSON.stringify({ logs, progress, sampling, elicitation });
    for (const value of RAW_VALUES) assert.ok(!seen.includes(value), `the client saw ${value}: ${seen}`);
    const token = (type: string): string => `<${type}:[0-9a-f]{8}>`;
    assert.match(JSON.stringify(logs), new RegExp(`^\\[{"level":"info","logger":"crm","data":{"customer":"${token('email')}","note":"calls from ${token('phone')}"}}\\]$`));
    assert.match(JSON.stringify(progress), new RegExp(`^\\[{"progress":1,"total":2,"message":"drafting for ${token('email')}"}\\]$`));
    // A sampling request goes to the client's model: its prompt and messages are masked, its parameters pass.
    const [request] = sampling as { systemPrompt: string; messages: unknown[]; maxTokens: number }[];
    assert.equal(sampling.length, 1);
    assert.match(request?.systemPrompt ?? '', new RegExp(`^You write to customers. This one pays from ${token('iban')}.$`));
    assert.match(JSON.stringify(request?.messages), new RegExp(`^\\[{"role":"user","content":{"type":"text","text":"Draft a reminder to ${token('full_name')} <${token('email')}>, phone ${token('phone')}."}}\\]$`));
    assert.equal(request?.maxTokens, 50);
    // An elicitation's message is masked; the schema it asks for is protocol and passes.
    assert.match(
      JSON.stringify(elicitation),
      new RegExp(`^\\[{"mode":"form","message":"Send the reminder to ${token('email')}\\?","requestedSchema":{"type":"object","properties":{"send":{"type":"boolean","title":"Send it"}},"required":\\["send"\\]}}\\]$`),
    );
  });

  it('masks a task\'s result and status message (a tools/call run as a task); its id and the output schema still hold', async () => {
    // Both mcp-guard and the client learn the tool's output schema from tools/list.
    await guard.client.listTools();
    const messages: { type: string; task?: { taskId: string }; result?: unknown }[] = [];
    const stream = guard.client.experimental.tasks.callToolStream({ name: 'customer_task', arguments: { email: EMAIL } }, undefined, { task: { ttl: 60_000 } });
    for await (const message of stream) messages.push(message as (typeof messages)[number]);
    const taskId = messages.find((message) => message.type === 'taskCreated')?.task?.taskId;
    assert.match(String(taskId), /^[0-9a-f]{32}$/, JSON.stringify(messages));
    const last = messages.at(-1);
    assert.equal(last?.type, 'result', JSON.stringify(messages));
    const result = last?.result as { content: unknown; structuredContent: { email: string; name: string } };
    assert.match(textOf(result), /e-mail <email:[0-9a-f]{8}>, phone <phone:[0-9a-f]{8}>, IBAN <iban:[0-9a-f]{8}>;/);
    // The task's tool is remembered from its creation: the masked address still fits `format: email`.
    assert.match(result.structuredContent.email, /^email-[0-9a-f]{8}@pseudonym\.invalid$/);
    const task = await guard.client.experimental.tasks.getTask(taskId as string);
    assert.match(String(task.statusMessage), /^looking up <email:[0-9a-f]{8}>$/);
    const listed = await guard.client.experimental.tasks.listTasks();
    assert.deepEqual(listed.tasks.map((entry) => [entry.taskId, entry.statusMessage]), [[taskId, task.statusMessage]]);
    const seen = JSON.stringify([messages, task, listed]);
    for (const value of RAW_VALUES) assert.ok(!seen.includes(value), `the client saw ${value}: ${seen}`);
  });

  it('passes tool arguments to the server unmasked', () => {
    const calls = readFileSync(log, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { arguments: { email?: string } });
    assert.ok(calls.length >= 3);
    for (const call of calls) assert.equal(call.arguments.email, EMAIL);
  });

  it('keeps neither the values nor the argument in the audit trail', async () => {
    await guard.close();
    // The wrapper flushes its trail as it exits; wait until a spool file mentions the last tool.
    for (let attempt = 0; attempt < 100; attempt++) {
      const all = filesUnder(home).map((file) => readFileSync(file, 'utf8')).join('\n');
      if (all.includes('customer_structured') && all.includes('findings')) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const files = filesUnder(home);
    assert.ok(files.some((file) => file.includes('spool')), `no spool under ${home}: ${files.join(', ')}`);
    for (const file of files) {
      const content = readFileSync(file, 'utf8');
      for (const value of [...RAW_VALUES, ID_SCAN]) assert.ok(!content.includes(value), `${file} holds ${value}`);
    }
    const trail = files.map((file) => readFileSync(file, 'utf8')).join('\n');
    assert.match(trail, /"email":\s*\d/, 'findings per type are recorded');
    assert.ok(trail.includes(createHash('sha256').update(ID_SCAN).digest('hex')), 'the image is recorded as its digest');
  });
});

describe('masking for the trail only (the monitor pack)', () => {
  /** The fixture server, directly and through mcp-guard under the monitor pack, with a home of its own. */
  async function monitored(): Promise<{ home: string; direct: GuardConnection; guard: GuardConnection }> {
    const home = tempHome('mcp-guard-monitor-');
    const env = { MCP_GUARD_HOME: home, MCP_GUARD_KEYCHAIN: 'off' };
    const direct = await connectThroughGuard({ server: SERVER, env, direct: true });
    const guard = await connectThroughGuard({ guardArgs: ['--policy', 'monitor'], server: SERVER, env });
    return { home, direct, guard };
  }

  /** The events of the session recorded under `home`, once it has ended. */
  async function recorded(home: string): Promise<AuditEvent[]> {
    let events: AuditEvent[] = [];
    for (let attempt = 0; attempt < 100 && !events.some((event) => event.type === 'session-end'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const [session] = readIndex(home);
      events = session ? readSessionEvents(home, session.session) : [];
    }
    return events;
  }

  it('passes the result as it came, and the trail records what it carried, masked and counted', async () => {
    const { home, direct, guard } = await monitored();
    const expected = await direct.client.callTool({ name: 'find_customer', arguments: { email: EMAIL } });
    assert.ok(textOf(expected).includes(EMAIL));
    assert.deepEqual(await guard.client.callTool({ name: 'find_customer', arguments: { email: EMAIL } }), expected);
    await guard.close();
    await direct.close();
    const events = await recorded(home);
    const trail = filesUnder(home).map((file) => readFileSync(file, 'utf8')).join('\n');
    for (const value of RAW_VALUES) assert.ok(!trail.includes(value), `the trail holds ${value}`);
    const call = events.find((event) => event.type === 'call' && event.tool === 'find_customer');
    assert.ok(call?.type === 'call');
    // What reached the agent unmasked, counted by the trail's masking; the argument's address is masked in the trail only.
    assert.deepEqual(call.findings, { email: 1, phone: 1, iban: 1 });
    assert.equal(call.maskedInTrail?.email, 2);
  });

  it('passes a large result as it came, kept as bytes, and the trail counts and digests it masked, a piece at a time', async () => {
    const { home, direct, guard } = await monitored();
    let original: Array<Record<string, unknown>>;
    try {
      original = (await direct.client.callTool({ name: 'export_customers', arguments: { count: 4000 } })).content as Array<Record<string, unknown>>;
      assert.ok(JSON.stringify(original).length > 2 * 1024 * 1024);
      assert.deepEqual((await guard.client.callTool({ name: 'export_customers', arguments: { count: 4000 } })).content, original);
    } finally {
      await guard.close();
      await direct.close();
    }
    const events = await recorded(home);
    const end = events.find((event) => event.type === 'session-end');
    assert.ok(end?.type === 'session-end' && end.counts['long-strings'] === 1, 'the result was kept as bytes, not parsed whole');
    const call = events.find((event) => event.type === 'call' && event.tool === 'export_customers');
    assert.ok(call?.type === 'call');
    // What it carried, as the monitor pack's masking finds it in each text the result holds (the image aside).
    const masker = createMasker((await loadPolicy('monitor')).policy.masking, new Uint8Array(32));
    const expected: Record<string, number> = {};
    for (const text of [original[0]!.text, original[2]!.text, (original[3]!.resource as { text: string }).text]) {
      for (const [type, count] of Object.entries(masker.maskValue(text).findings)) expected[type] = (expected[type] ?? 0) + count;
    }
    assert.ok((expected.email ?? 0) >= 4000);
    assert.deepEqual(call.findings, expected);
    assert.deepEqual(call.maskedInTrail, expected);
    const result = call.result as unknown as { truncated: boolean; of: string; bytes: number; sha256: string; excerpt: string };
    assert.equal(result.truncated, true);
    assert.equal(result.of, 'message');
    assert.match(result.sha256, /^[0-9a-f]{64}$/);
    assert.match(result.excerpt, /\[long string of \d+ bytes, in the message digest\]/);
    const trail = filesUnder(home).map((file) => readFileSync(file, 'utf8')).join('\n');
    for (const value of [EMAIL, 'anna.schmidt0@example.de', 'anna.schmidt3999@example.de', '+49 30 12345678', 'DE89 3704 0044 0532 0130 00']) assert.ok(!trail.includes(value), `the trail holds ${value}`);
  });
});

describe('large results through the wrapper', () => {
  // Over 1 MiB, a result's long strings stay bytes and are masked a piece at a time (proxy/long-strings.ts).
  const KEY_HEX = '5a'.repeat(32);

  async function guardAndExpected(): Promise<{ guard: GuardConnection; direct: GuardConnection; home: string; mask: (value: unknown) => unknown }> {
    const home = tempHome('mcp-guard-mask-large-');
    const policy = allowAllPolicy(home, 'large-test', '{ in: [client, audit], detectors: [email, phone, iban], fields: [first_name, last_name], style: pseudonym }');
    const env = { MCP_GUARD_HOME: home, MCP_GUARD_KEYCHAIN: 'off', MCP_GUARD_MASKING_KEY: KEY_HEX };
    const guard = await connectThroughGuard({ guardArgs: ['--policy', policy], server: SERVER, env });
    const direct = await connectThroughGuard({ server: SERVER, env, direct: true });
    // What the client must see: each masked field as the masker masks it whole.
    const masker = createMasker((await loadPolicy(policy)).policy.masking, Buffer.from(KEY_HEX, 'hex'));
    return { guard, direct, home, mask: (value) => masker.maskValue(value).value };
  }

  it('masks text that comes as base64 under a text MIME type: a CSV export as a resource\'s blob, over 1 MiB, its first_name column whole', async () => {
    const { guard, direct, mask } = await guardAndExpected();
    try {
      const [original] = (await direct.client.readResource({ uri: 'customer://export.csv' })).contents as { blob: string }[];
      const [csv] = (await guard.client.readResource({ uri: 'customer://export.csv' })).contents as { uri: string; mimeType: string; blob: string }[];
      assert.deepEqual([csv?.uri, csv?.mimeType], ['customer://export.csv', 'text/csv']);
      const text = Buffer.from(csv?.blob ?? '', 'base64').toString('utf8');
      assert.equal(text, mask(Buffer.from(original?.blob ?? '', 'base64').toString('utf8')));
      const lines = text.trimEnd().split('\n');
      assert.equal(lines.length, 20_001);
      assert.equal(lines[0], 'first_name,email');
      assert.ok(lines.slice(1).every((line) => /^<first_name:[0-9a-f]{8}>,<email:[0-9a-f]{8}>$/.test(line)), lines.slice(0, 3).join('\n'));
    } finally {
      await guard.close();
      await direct.close();
    }
  });

  it('masks text, JSON text and embedded resources of a multi-megabyte result exactly as whole texts, and passes the image as it was', async () => {
    const { guard, direct, home, mask } = await guardAndExpected();
    try {
      const original = (await direct.client.callTool({ name: 'export_customers', arguments: { count: 4000 } })).content as Array<Record<string, unknown>>;
      assert.ok(JSON.stringify(original).length > 2 * 1024 * 1024);
      const result = await guard.client.callTool({ name: 'export_customers', arguments: { count: 4000 } });
      const content = result.content as Array<Record<string, unknown>>;
      assert.equal(content.length, 4);
      assert.equal(content[0]!.text, mask(original[0]!.text));
      assert.deepEqual(content[1], original[1]);
      assert.equal(content[2]!.text, mask(original[2]!.text));
      assert.match(String(content[2]!.text), /"first_name": "<first_name:[0-9a-f]{8}>"/);
      assert.deepEqual(content[3], { type: 'resource', resource: { uri: 'customer://all', mimeType: 'text/plain', text: mask((original[3]!.resource as { text: string }).text) } });
      const all = JSON.stringify(content);
      for (const value of [EMAIL, 'anna.schmidt0@example.de', 'anna.schmidt3999@example.de', '+49 30 12345678', 'DE89 3704 0044 0532 0130 00']) assert.ok(!all.includes(value), `client saw ${value}`);

      const structured = await guard.client.callTool({ name: 'export_structured', arguments: { count: 8000 } });
      const originalStructured = (await direct.client.callTool({ name: 'export_structured', arguments: { count: 8000 } })).structuredContent;
      assert.deepEqual(structured.structuredContent, mask(originalStructured));
    } finally {
      await guard.close();
      await direct.close();
    }
    // The trail: both results kept as bytes (counted at the session's end), digested, no value in it.
    let trail = '';
    for (let attempt = 0; attempt < 100 && !trail.includes('long-strings'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      trail = filesUnder(home).map((file) => readFileSync(file, 'utf8')).join('\n');
    }
    assert.match(trail, /"long-strings":\s*2/);
    assert.match(trail, /"truncated":\s*true/);
    for (const value of [EMAIL, 'anna.schmidt0@example.de', '+49 30 12345678']) assert.ok(!trail.includes(value), `the trail holds ${value}`);
    // The image of a message kept in parts is in the wire's digest; its parsed value holds a placeholder, which has no digest of its own.
    assert.doesNotMatch(trail, /omitted\\*":\\*"binary/, 'a placeholder was recorded as if it were the image');
    // The excerpt shows each long string's size, not the wrapper's placeholders.
    assert.match(trail, /\[long string of \d+ bytes, in the message digest\]/);
    assert.doesNotMatch(trail, /mcp-guard long string/);
  });

  it('masks a text of over 1 MiB, which it masks a piece at a time, as the whole text: a record that a piece\'s end cuts too', async () => {
    const home = tempHome('mcp-guard-mask-pieces-');
    const policy = allowAllPolicy(home, 'pieces-test', '{ in: [client], detectors: [email], fields: [full_name], style: redact }');
    const guard = await connectThroughGuard({ guardArgs: ['--policy', policy], server: SERVER, env: { MCP_GUARD_HOME: home, MCP_GUARD_KEYCHAIN: 'off' } });
    try {
      const count = 10_000;
      const text = textOf(await guard.client.callTool({ name: 'customer_pages', arguments: { count } }));
      assert.ok(text.length > 1024 * 1024, `${text.length} characters`);
      assert.deepEqual(text.match(/Anna Schmidt|Jean Dupont|Maria Rossi|Erik Larsson/g) ?? [], []);
      assert.equal(text.match(/\[FULL_NAME\]/g)?.length, 2 * count);
      assert.equal(text.match(/\[EMAIL\]/g)?.length, 2 * count);
      // JSON under a line of text, on one line of over 1 MiB: a person's object that a piece's end cuts too.
      const orders = textOf(await guard.client.callTool({ name: 'customer_orders', arguments: { count: 20_000 } }));
      assert.ok(orders.length > 1024 * 1024, `${orders.length} characters`);
      assert.deepEqual(orders.match(/Anna Schmidt|Jean Dupont|Maria Rossi|Erik Larsson/g) ?? [], []);
      assert.equal(orders.match(/"name":"\[FULL_NAME\]"/g)?.length, 20_000);
    } finally {
      await guard.close();
    }
  });
});

describe('bulk guard through the wrapper', () => {
  /** The wrapper under a policy that masks e-mail addresses and refuses a result with more than five. */
  function guardWithBulkLimit(): Promise<GuardConnection> {
    const home = tempHome('mcp-guard-mask-bulk-');
    const policy = allowAllPolicy(home, 'bulk-test', '{ in: [client, audit], detectors: [email], fields: [], style: redact }', 'bulk: { max_findings_per_result: 5, action: deny }');
    return connectThroughGuard({ guardArgs: ['--policy', policy], server: SERVER, env: { MCP_GUARD_HOME: home, MCP_GUARD_KEYCHAIN: 'off' } });
  }

  it('refuses a result with more findings than the policy allows, with a tool error naming the rule', async () => {
    const guard = await guardWithBulkLimit();
    try {
      const small = await guard.client.callTool({ name: 'list_customers', arguments: { count: 5 } });
      assert.notEqual(small.isError, true);
      assert.equal(textOf(small), Array.from({ length: 5 }, () => '[EMAIL]').join('\n'));
      const large = await guard.client.callTool({ name: 'list_customers', arguments: { count: 6 } });
      assert.equal(large.isError, true);
      assert.match(textOf(large), /6 personal-data findings \(email 6\).*bulk\.max_findings_per_result 5/);
      assert.ok(!textOf(large).includes('@example.com'));
    } finally {
      await guard.close();
    }
  });

  it('lets go of the large results it refuses, so refusing one after another does not grow the wrapper', async () => {
    const guard = await guardWithBulkLimit();
    const pid = guard.transport.pid as number;
    // About 2.4 MB each: a large message, whose line, text and parsed value stay until a major collection.
    const refuse = async (): Promise<void> => {
      const result = await guard.client.callTool({ name: 'list_customers', arguments: { count: 100_000 } });
      assert.equal(result.isError, true);
    };
    try {
      await refuse();
      await refuse();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const settled = residentBytes(pid, 'VmRSS');
      for (let k = 0; k < 6; k += 1) await refuse();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const grown = residentBytes(pid, 'VmRSS') - settled;
      // Left to V8's own timing the six refused results stayed, about 5 MB each.
      assert.ok(grown < 12 * 1024 * 1024, `the wrapper grew ${(grown / 1048576).toFixed(1)} MB over six refused results`);
    } finally {
      await guard.close();
    }
  });
});
