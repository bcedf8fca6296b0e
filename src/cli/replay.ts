import { Command } from 'commander';
import { GuardError, usageError } from '../errors.js';

interface ReplayOptions {
  full?: boolean;
  json?: boolean;
  realtime?: boolean;
  speed?: number;
}

/** `mcp-guard replay <id> [--full] [--json] [--realtime] [--speed N]`: a session's timeline for a person. */
export function command(): Command {
  return new Command('replay')
    .description('show a recorded session as a timeline (decisions, masked payloads, findings)')
    .argument('<session-id>', 'the session (a unique prefix will do)')
    .option('--full', 'whole payloads instead of excerpts')
    .option('--json', 'print the events as a JSON array')
    .option('--realtime', 'play the session back with its original pacing')
    .option('--speed <n>', 'with --realtime: play faster (2) or slower (0.5)', (value) => {
      const speed = Number(value);
      if (!Number.isFinite(speed) || speed <= 0) throw usageError(`--speed: expected a positive number such as 2 or 0.5, got "${value}"`);
      return speed;
    })
    .action(async (query: string, options: ReplayOptions) => {
      if (options.speed !== undefined && !options.realtime) throw usageError('--speed only applies with --realtime, e.g. `mcp-guard replay ID --realtime --speed 4`');
      const { resolveHome } = await import('../config/home.js');
      const { prepareSpool } = await import('../audit/open-spool.js');
      const { listSessions } = await import('../audit/list-sessions.js');
      const { readSessionEvents } = await import('../audit/spool.js');
      const { closestIds, resolveSessionId } = await import('../replay/closest.js');
      const { terminalSafeJson } = await import('../lib/terminal-safe.js');
      const home = resolveHome();
      await prepareSpool(home);
      const ids = listSessions(home).map((session) => session.id);
      const id = resolveSessionId(query, ids);
      if (!id) {
        const closest = closestIds(query, ids);
        throw new GuardError('GUARD_SESSION_NOT_FOUND', `no session "${query}"${closest.length > 0 ? ` — closest: ${closest.join(', ')}` : ' — no sessions are recorded yet'}`);
      }
      const events = readSessionEvents(home, id);
      if (options.json) {
        process.stdout.write(`${terminalSafeJson(JSON.stringify(events, null, 2))}\n`);
        return;
      }
      const { Chalk } = await import('chalk');
      const { renderTimeline } = await import('../replay/timeline.js');
      // Colour only on a terminal: piped output stays plain text.
      const style = new Chalk({ level: process.stdout.isTTY ? 1 : 0 });
      const { header, entries } = renderTimeline(events, { full: options.full === true, style });
      for (const line of header) process.stdout.write(`${line}\n`);
      let previous = 0;
      for (const entry of entries) {
        if (options.realtime) {
          const wait = (entry.offsetMs - previous) / (options.speed ?? 1);
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          previous = entry.offsetMs;
        }
        for (const line of entry.lines) process.stdout.write(`${line}\n`);
      }
    });
}
