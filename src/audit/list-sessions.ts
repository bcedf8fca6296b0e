/**
 * The session list behind `mcp-guard sessions`: built from the session index,
 * completed from the session files (event counts of sessions still running or
 * crashed), filtered purely.
 */
import { readdirSync } from 'node:fs';
import { isEvent, readIndex, readSessionRecords, spoolDir, type IndexRecord } from './spool.js';

export interface SessionSummary {
  id: string;
  /** ISO 8601. */
  startedAt: string;
  /** ISO 8601; null while running or when it crashed before a repair. */
  endedAt: string | null;
  user: string | null;
  server: string;
  events: number;
  /** `ended`, `recovered` (crashed, sealed by a later start), or `open` (running, or crashed and not repaired yet). */
  state: 'ended' | 'recovered' | 'open';
  exitCode?: number;
}

export interface SessionFilter {
  /** Matches the user (sub) exactly, or the e-mail. */
  user?: string;
  /** Epoch ms: sessions started at or after. */
  since?: number;
  /** Substring of the server command. */
  server?: string;
}

/** Every session of the home, oldest first (by start). */
export function listSessions(home: string): SessionSummary[] {
  const byId = new Map<string, SessionSummary>();
  const records: IndexRecord[] = readIndex(home);
  for (const record of records) {
    if (record.op === 'start') {
      byId.set(record.session, { id: record.session, startedAt: iso(record.at), endedAt: null, user: record.user, server: record.server, events: -1, state: 'open' });
      continue;
    }
    const summary = byId.get(record.session);
    if (!summary) continue;
    summary.events = record.events;
    if (record.op === 'end') {
      summary.endedAt = iso(record.at);
      summary.state = 'ended';
      summary.exitCode = record.exitCode;
    } else if (summary.state !== 'ended') {
      summary.state = 'recovered';
    }
  }
  // Session files the index does not know (an index lost or copied from elsewhere): read their start event.
  for (const file of safeReaddir(spoolDir(home))) {
    const match = /^(.+)\.jsonl$/.exec(file);
    const id = match?.[1];
    if (!id || id === 'index' || id === 'shipped' || byId.has(id)) continue;
    const start = readSessionRecords(home, id).find(isEvent);
    if (!start || start.type !== 'session-start') continue;
    byId.set(id, { id, startedAt: iso(start.ts), endedAt: null, user: start.identity?.sub ?? null, server: start.server.join(' '), events: -1, state: 'open' });
  }
  for (const summary of byId.values()) {
    if (summary.events >= 0 && summary.state === 'ended') continue;
    const sessionRecords = readSessionRecords(home, summary.id);
    const events = sessionRecords.filter(isEvent);
    summary.events = events.length;
    const end = events.find((event) => event.type === 'session-end');
    if (end && summary.endedAt === null) summary.endedAt = iso(end.ts);
    if (summary.state === 'recovered' && summary.endedAt === null) {
      const last = events[events.length - 1];
      if (last) summary.endedAt = iso(last.ts);
    }
  }
  return [...byId.values()].sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
}

/** Pure: the sessions that pass the filter. */
export function filterSessions(sessions: readonly SessionSummary[], filter: SessionFilter): SessionSummary[] {
  return sessions.filter(
    (session) =>
      (filter.user === undefined || session.user === filter.user) &&
      (filter.since === undefined || Date.parse(session.startedAt) >= filter.since) &&
      (filter.server === undefined || session.server.includes(filter.server)),
  );
}

function iso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

function safeReaddir(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

const DURATION = /^(\d+)\s*(s|m|h|d|w)$/i;
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Pure: `--since` as epoch ms — a duration back from `now` (`90m`, `2h`, `7d`, `1w`) or a date (`2026-11-25`, ISO 8601). Null when it is neither. */
export function parseSince(value: string, now: number): number | null {
  const duration = DURATION.exec(value.trim());
  if (duration) return now - Number(duration[1]) * (UNIT_MS[(duration[2] as string).toLowerCase()] as number);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : date;
}
