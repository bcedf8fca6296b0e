import { Command } from 'commander';
import { GuardError, usageError } from '../errors.js';

interface VerifyCliOptions {
  all?: boolean;
  json?: boolean;
}

/** `mcp-guard verify <id>` / `--all`: recompute hashes and signatures; exit 0 when intact, 1 when not. */
export function command(): Command {
  return new Command('verify')
    .description('recompute the hash chain and signatures of a session (or --all); exit 1 and name the first bad event when altered')
    .argument('[session-id]', 'the session to verify (a unique prefix will do)')
    .option('--all', 'verify every recorded session')
    .option('--json', 'print the results as JSON')
    .action(async (query: string | undefined, options: VerifyCliOptions) => {
      if ((query === undefined) === !options.all) throw usageError('give a session id or --all, e.g. `mcp-guard verify 3f9a1c2e` or `mcp-guard verify --all`');
      const { resolveHome } = await import('../config/home.js');
      const { prepareSpool } = await import('../audit/open-spool.js');
      const { listSessions } = await import('../audit/list-sessions.js');
      const { verifySession } = await import('../audit/verify.js');
      const { readIndex } = await import('../audit/spool.js');
      const { closestIds, resolveSessionId } = await import('../replay/closest.js');
      const { terminalSafe, terminalSafeJson } = await import('../lib/terminal-safe.js');
      const home = resolveHome();
      const { knownKeys } = await prepareSpool(home);
      const ids = listSessions(home).map((session) => session.id);
      let targets: string[];
      if (query === undefined) targets = ids;
      else {
        const id = resolveSessionId(query, ids);
        if (!id) throw notFound(query, closestIds(query, ids));
        targets = [id];
      }
      const index = readIndex(home);
      const results = [];
      for (const id of targets) results.push({ id, ...(await verifySession(home, id, { knownKeys, index })) });
      if (options.json) process.stdout.write(`${terminalSafeJson(JSON.stringify(query === undefined ? results : results[0], null, 2))}\n`);
      else {
        for (const result of results) {
          if (result.ok) {
            const extra = result.state === 'running' ? `, still running (${result.unsignedEvents} events not signed yet)` : result.state === 'recovered' ? `, recovered after a crash (${result.tornBytes ?? 0} torn bytes cut off)` : '';
            process.stdout.write(`intact    ${result.id}: ${result.events} events in ${result.batches} signed batches${extra}\n`);
          } else if (result.firstBad) {
            // The detail may quote the tampered file (a key id): shown, never acted on.
            process.stdout.write(`NOT INTACT ${result.id}: event ${result.firstBad.seq} ${result.firstBad.problem}: ${terminalSafe(result.firstBad.detail)}\n`);
          }
        }
        if (results.length === 0) process.stderr.write('no sessions recorded yet\n');
      }
      if (results.some((result) => !result.ok)) process.exitCode = 1;
    });
}

function notFound(query: string, closest: string[]): GuardError {
  const hint = closest.length > 0 ? ` — closest: ${closest.join(', ')}` : ' — no sessions are recorded yet';
  return new GuardError('GUARD_SESSION_NOT_FOUND', `no session "${query}"${hint}`);
}
