/**
 * Renders a session's audit events as a timeline for a person: time offsets,
 * who, direction, method and tool, decision with its rule, masked payload
 * excerpts and findings. Pure: events in, lines out; colour comes from the
 * `Style` passed in (a chalk instance, level 0 when not on a terminal). What
 * the events hold is shown, never acted on: control characters in them (a
 * server's method names and error messages are its own) become `?`, and in
 * payloads JSON escapes (see `lib/terminal-safe.ts`).
 */
import type { ChalkInstance } from 'chalk';
import type { AuditEvent, CallBody, EventEnvelope, NotificationBody, RecordedDecision, RequestBody } from '../audit/event.js';
import { terminalSafe, terminalSafeJson } from '../lib/terminal-safe.js';

export type Style = Pick<ChalkInstance, 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan' | 'magenta' | 'gray'>;

export interface TimelineOptions {
  /** Whole payloads (pretty JSON) instead of one-line excerpts. */
  full: boolean;
  style: Style;
  /** Excerpt length in characters (default 160). */
  excerptChars?: number;
}

/** One event's lines and when it happened, for real-time playback. */
export interface TimelineEntry {
  /** Milliseconds since the session started. */
  offsetMs: number;
  lines: string[];
}

/** The header lines (who, what server, which policy) and one entry per event. */
export function renderTimeline(events: readonly AuditEvent[], options: TimelineOptions): { header: string[]; entries: TimelineEntry[] } {
  const { style } = options;
  const first = events[0];
  const origin = first?.ts ?? 0;
  const header: string[] = [];
  const entries: TimelineEntry[] = [];
  for (const recorded of events) {
    const event = inert(recorded);
    const offsetMs = event.ts - origin;
    const at = style.dim(formatOffset(offsetMs));
    switch (event.type) {
      case 'session-start': {
        const who = event.identity ? `${event.identity.sub}${event.identity.email ? ` <${event.identity.email}>` : ''} (${event.identity.verified ? 'verified' : 'unverified'}${event.identity.issuer ? ` by ${event.identity.issuer}` : ''})` : 'unknown';
        header.push(style.bold(`Session ${event.session}`) + style.dim(`  started ${new Date(event.ts).toISOString()} on ${event.host}`));
        header.push(`  user:    ${who}${event.identityProblem ? style.yellow(` — ${event.identityProblem}`) : ''}`);
        if (event.identity && (event.identity.groups.length > 0 || event.identity.roles.length > 0)) {
          header.push(`  groups:  ${event.identity.groups.join(', ') || '-'}   roles: ${event.identity.roles.join(', ') || '-'}`);
        }
        header.push(`  server:  ${event.server.join(' ')}`);
        header.push(`  policy:  ${event.policy.name} (${event.policy.hash.slice(0, 19)})   mcp-guard ${event.version}   durability ${event.durability}`);
        entries.push({ offsetMs, lines: [`${at}  ${style.cyan('●')} session start`] });
        break;
      }
      case 'call':
        entries.push({ offsetMs, lines: renderCall(event, at, options) });
        break;
      case 'request':
        entries.push({ offsetMs, lines: renderRequest(event, at, options) });
        break;
      case 'notification':
        entries.push({ offsetMs, lines: renderNotification(event, at, options) });
        break;
      case 'bad-input':
        entries.push({ offsetMs, lines: [`${at}  ${style.yellow('!')} ${arrow(event.direction)}  ${style.yellow(`bad input: ${event.problem}`)} (${event.bytes} bytes${event.id !== undefined ? `, id ${String(event.id)}` : ''})`] });
        break;
      case 'session-end': {
        const counts = Object.entries(event.counts)
          .map(([key, count]) => `${key} ${count}`)
          .join(', ');
        const status = event.signal ? `killed by ${event.signal}` : `exit ${event.exitCode}`;
        entries.push({ offsetMs, lines: [`${at}  ${style.cyan('■')} session end: ${status}${event.protocolVersion ? `, protocol ${event.protocolVersion}` : ''}`, `${indent()}${style.dim(counts)}`] });
        break;
      }
    }
  }
  return { header, entries };
}

/** Members whose values are payloads, shown as JSON (see `pushPayload`). */
const PAYLOADS = new Set(['params', 'result']);

/** `event` with every string and member name outside its payloads made safe to print (see `terminalSafe`). */
function inert<T extends object>(event: T): T {
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return terminalSafe(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    // fromEntries defines a `__proto__` member as the member it is.
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [terminalSafe(key), walk(item)]));
  };
  return Object.fromEntries(Object.entries(event).map(([key, item]) => [key, PAYLOADS.has(key) ? item : walk(item)])) as T;
}

/** `+12.345s`, or `+3m04.120s` past a minute. */
export function formatOffset(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 60) return `+${seconds.toFixed(3)}s`.padStart(10);
  const minutes = Math.floor(seconds / 60);
  return `+${minutes}m${(seconds - minutes * 60).toFixed(3).padStart(6, '0')}s`.padStart(10);
}

function indent(): string {
  return ' '.repeat(14);
}

function arrow(direction: 'to-server' | 'to-client'): string {
  return direction === 'to-server' ? 'client→server' : 'server→client';
}

function describeDecision(decision: RecordedDecision | undefined, style: Style): string {
  if (!decision) return '';
  const text = `${decision.action.toUpperCase()} ${decision.rule}${decision.reason ? `: ${decision.reason}` : ''}`;
  return decision.action === 'deny' ? style.red(text) : decision.action === 'approve' ? style.magenta(text) : style.green(text);
}

function title(event: EventEnvelope & (CallBody | RequestBody | NotificationBody)): string {
  return `${event.method}${'tool' in event && event.tool ? ` ${event.tool}` : ''}`;
}

function renderCall(event: EventEnvelope & CallBody, at: string, options: TimelineOptions): string[] {
  const { style } = options;
  const mark = event.outcome === 'denied' || event.outcome === 'withheld' ? style.red('✖') : event.outcome === 'unanswered' || event.error ? style.yellow('▲') : style.green('✔');
  const who = event.user ? style.dim(` [${event.user}]`) : '';
  const parts = [`${at}  ${mark} ${arrow(event.direction)}  ${style.bold(title(event))}${who}`];
  const facts = [
    describeDecision(event.decision, style),
    event.outcome !== 'answered' ? style.yellow(event.outcome) : '',
    event.resultDecision ? `response ${describeDecision(event.resultDecision, style)}` : '',
    event.durationMs !== undefined ? style.dim(`${event.durationMs} ms`) : '',
    event.protocolVersion ? `protocol ${event.protocolVersion}` : '',
  ].filter((fact) => fact !== '');
  if (facts.length > 0) parts.push(`${indent()}${facts.join(' · ')}`);
  pushPayload(parts, 'params', event.params, options);
  if (event.result !== undefined) pushPayload(parts, 'result', event.result, options);
  if (event.error) parts.push(`${indent()}${style.red(`error ${event.error.code}: ${event.error.message}`)}`);
  if (event.problem) parts.push(`${indent()}${style.yellow(`problem: ${event.problem}`)}`);
  pushFindings(parts, event.findings, event.maskedInTrail, style);
  return parts;
}

function renderRequest(event: EventEnvelope & RequestBody, at: string, options: TimelineOptions): string[] {
  const parts = [`${at}  ${options.style.dim('…')} ${arrow(event.direction)}  ${title(event)} ${options.style.dim('recorded before forwarding')}`];
  // The params appear again with the call event; show them here only in full mode.
  if (options.full) pushPayload(parts, 'params', event.params, options);
  return parts;
}

function renderNotification(event: EventEnvelope & NotificationBody, at: string, options: TimelineOptions): string[] {
  const { style } = options;
  const parts = [`${at}  ${style.cyan('→')} ${arrow(event.direction)}  ${event.method}${event.forwarded ? '' : style.red(' (not forwarded)')}`];
  if (event.decision) parts.push(`${indent()}${describeDecision(event.decision, style)}`);
  pushPayload(parts, 'params', event.params, options);
  pushFindings(parts, event.findings, event.maskedInTrail, style);
  return parts;
}

function pushPayload(parts: string[], label: string, value: unknown, options: TimelineOptions): void {
  if (value === undefined) return;
  const { style } = options;
  if (options.full) {
    const lines = terminalSafeJson(JSON.stringify(value, null, 2)).split('\n');
    parts.push(`${indent()}${style.dim(`${label}:`)}`);
    for (const line of lines) parts.push(`${indent()}  ${line}`);
    return;
  }
  const json = terminalSafeJson(JSON.stringify(value));
  const max = options.excerptChars ?? 160;
  parts.push(`${indent()}${style.dim(`${label}:`)} ${json.length > max ? `${json.slice(0, max - 1)}…` : json}`);
}

function pushFindings(parts: string[], findings: Record<string, number> | undefined, masked: Record<string, number> | undefined, style: Style): void {
  const describe = (counts: Record<string, number>): string =>
    Object.entries(counts)
      .map(([type, count]) => `${type}×${count}`)
      .join(', ');
  if (findings && Object.keys(findings).length > 0) parts.push(`${indent()}${style.magenta(`findings: ${describe(findings)}`)}`);
  if (masked && Object.keys(masked).length > 0) parts.push(`${indent()}${style.magenta(`masked in the trail: ${describe(masked)}`)}`);
}
