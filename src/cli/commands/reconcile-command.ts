import type { Command } from 'commander';
import { ReconcileError } from '../../engine/reconcile/reconcile-connection.js';
import type { ReconciliationReport } from '../../engine/reconcile/reconciliation-report.js';
import { findConnection } from '../../hub/routes/find-connection.js';
import { CliError } from '../cli-error.js';
import { HubClient } from '../hub-client.js';
import { orgPath } from '../hub-path.js';
import { printJson, withJsonOption } from '../json-option.js';
import { formatReconciliation } from '../reconcile/format-reconciliation.js';
import { remoteHubOf } from '../remote-hub-of.js';
import { type RemoteFlags, withRemoteOptions } from '../remote-options.js';
import { withStoreOptions } from '../store-options.js';
import { connectionNames } from '../sync/connection-names.js';
import { executeInlineRuns } from '../sync/execute-inline-runs.js';
import { followRemoteRuns } from '../sync/follow-remote-runs.js';
import type { RunLike } from '../sync/run-like.js';
import { runSummaryLine } from '../sync/run-summary-line.js';
import { runsExitCode } from '../sync/runs-exit-code.js';
import { withInlineEngine } from '../sync/with-inline-engine.js';
import { withHubClient } from '../with-hub-client.js';
import type { StoreFlags } from '../with-store.js';

interface ReconcileFlags extends StoreFlags, RemoteFlags {
  org: string;
  connection?: string;
  json?: boolean;
  fix?: boolean;
}

/** One connection's fix: the report before, what went again, the runs as they ended, the report after. */
interface FixOutcome {
  before: ReconciliationReport;
  resent: Record<string, number>;
  runs: RunLike[];
  after: ReconciliationReport;
}

/** `zhkh-bridge reconcile`: where a connection's records stand, here and on the platform. */
export function registerReconcileCommand(program: Command): void {
  withRemoteOptions(
    withStoreOptions(
      withJsonOption(program.command('reconcile'))
        .description(
          'Reconcile connections: per kind what is confirmed, pending, refused or deleted, and what the platform holds beside it',
        )
        .requiredOption('--org <id>', 'the organization')
        .option(
          '--connection <idOrName>',
          'only this connection (default: every connection of the organization)',
        )
        .option(
          '--fix',
          'send again what the platform lacks or holds with another amount, then report again',
        ),
    ),
  )
    .addHelpText(
      'after',
      `
Per kind: live records, confirmed by the platform as they are now, pending (changed since, or never
sent), refused (by error code), deletions not sent yet. For platforms that can be read back (Doma.ai
receipts and meters) also what the platform holds: records only it has (never sent by us), ours it
lacks, amounts that differ to the kopeck; for data the platform sends us («Умное ЖКХ» payments) its
list beside the inbox. --fix sends the records it lacks or holds differently again (an outbound
run); records only the platform has are reported, never deleted.
Exit codes: 0 clean, 2 not clean (or a fix run partial), 1 failed.

Examples:
  zhkh-bridge reconcile --org uk-sever
  zhkh-bridge reconcile --org uk-sever --connection doma-main --fix
  zhkh-bridge reconcile --org uk-sever --json --url http://127.0.0.1:8080 --token ...`,
    )
    .action(async (flags: ReconcileFlags, command: Command) => {
      if (flags.fix) {
        if (!flags.connection) throw new CliError('--fix needs --connection: fix one connection at a time');
        const outcome = await fixOne(flags, command, flags.connection);
        if (flags.json) printJson(outcome);
        else printFix(outcome);
        process.exitCode = Math.max(
          outcome.runs.length > 0 ? runsExitCode(outcome.runs) : 0,
          outcome.after.clean ? 0 : 2,
        );
        if (outcome.runs.some((r) => r.state === 'failed' || r.state === 'cancelled')) process.exitCode = 1;
        return;
      }
      let failed = false;
      const reports = await withHubClient(flags, command, async (client) => {
        if (flags.connection) {
          const path = orgPath(flags.org, 'connections', flags.connection, 'reconciliation');
          return [(await client.get(path)).body as ReconciliationReport];
        }
        const names = await connectionNames({ client }, flags.org);
        if (names.size === 0) throw new CliError(`organization "${flags.org}" has no connections`);
        const out: ReconciliationReport[] = [];
        // One connection that cannot be reconciled (invalid settings) does not hide the others.
        for (const [id, name] of names) {
          try {
            out.push((await client.get(orgPath(flags.org, 'connections', id, 'reconciliation'))).body);
          } catch (err) {
            if (!(err instanceof CliError)) throw err;
            failed = true;
            console.error(`${name}: ${err.message}`);
          }
        }
        return out;
      });
      if (flags.json) printJson(flags.connection ? reports[0] : reports);
      else console.log(reports.map(formatReconciliation).join('\n\n'));
      process.exitCode = failed ? 1 : reports.every((r) => r.clean) ? 0 : 2;
    });
}

function printFix(o: FixOutcome): void {
  console.log(formatReconciliation(o.before));
  const resent = Object.entries(o.resent);
  console.log(
    resent.length === 0
      ? '\nnothing to send again'
      : `\nsent again: ${resent.map(([kind, n]) => `${kind} ${n}`).join(', ')}`,
  );
  for (const run of o.runs) console.log(runSummaryLine(run, o.before.connection.name));
  console.log(`\nafter the fix:\n${formatReconciliation(o.after)}`);
}

/** The fix on a running hub (its workers run it) or on the store in this process (run here). */
async function fixOne(flags: ReconcileFlags, command: Command, connection: string): Promise<FixOutcome> {
  const hub = remoteHubOf(flags, command);
  if (hub) {
    const client = new HubClient(hub);
    const path = orgPath(flags.org, 'connections', connection, 'reconciliation');
    const answer = (await client.post(`${path}/fix`, {})).body;
    const runs = await followRemoteRuns(client, flags.org, answer.runs as RunLike[]);
    const after = (await client.get(path)).body as ReconciliationReport;
    return { before: answer.report, resent: answer.resent, runs, after };
  }
  return withInlineEngine(flags, flags.org, async (engine, { store, box }) => {
    const conn = await findConnection(store.db, box, flags.org, connection);
    if (!conn) throw new CliError(`organization "${flags.org}" has no connection "${connection}"`);
    const fixed = await engine.reconcileFix(flags.org, conn.id).catch((err) => {
      throw err instanceof ReconcileError ? new CliError(err.message) : err;
    });
    if (!fixed) throw new CliError(`organization "${flags.org}" has no connection "${connection}"`);
    const runs = await executeInlineRuns(engine, flags.org, fixed.runs);
    const after = await engine.reconcile(flags.org, conn.id);
    return { before: fixed.report, resent: fixed.resent, runs, after: after!.report };
  });
}
