import { Command } from 'commander';
import { usageError } from '../errors.js';

interface SessionsOptions {
  user?: string;
  since?: string;
  server?: string;
  json?: boolean;
}

/** `mcp-guard sessions [--user U] [--since DATE|DURATION] [--server S] [--json]`: the recorded sessions, newest last. */
export function command(): Command {
  return new Command('sessions')
    .description('list the recorded sessions, newest last')
    .option('--user <user>', 'only sessions of this user (sub)')
    .option('--since <when>', 'only sessions started since a date (2026-11-25, ISO 8601) or a duration ago (90m, 2h, 7d, 1w)')
    .option('--server <text>', 'only sessions whose server command contains this text')
    .option('--json', 'print a JSON array')
    .action(async (options: SessionsOptions) => {
      const { resolveHome } = await import('../config/home.js');
      const { prepareSpool } = await import('../audit/open-spool.js');
      const { filterSessions, listSessions, parseSince } = await import('../audit/list-sessions.js');
      const { terminalSafe, terminalSafeJson } = await import('../lib/terminal-safe.js');
      let since: number | undefined;
      if (options.since !== undefined) {
        const parsed = parseSince(options.since, Date.now());
        if (parsed === null) throw usageError(`--since: expected a date such as 2026-11-25 or a duration such as 2h or 7d, got "${options.since}"`);
        since = parsed;
      }
      const home = resolveHome();
      await prepareSpool(home);
      const sessions = filterSessions(listSessions(home), {
        ...(options.user !== undefined ? { user: options.user } : {}),
        ...(since !== undefined ? { since } : {}),
        ...(options.server !== undefined ? { server: options.server } : {}),
      });
      if (options.json) {
        process.stdout.write(`${terminalSafeJson(JSON.stringify(sessions, null, 2))}\n`);
        return;
      }
      if (sessions.length === 0) {
        process.stderr.write('no sessions recorded yet\n');
        return;
      }
      for (const session of sessions) {
        const ended = session.endedAt ?? (session.state === 'open' ? 'running/crashed' : '-');
        // The user and the server command come from the trail: shown, never acted on.
        process.stdout.write(`${terminalSafe(`${session.id}  ${session.startedAt}  ${ended}  ${session.user ?? '-'}  ${session.events} events  ${session.server}`)}\n`);
      }
    });
}
