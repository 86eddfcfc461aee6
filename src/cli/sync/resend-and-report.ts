import type { Command } from 'commander';
import { findConnection } from '../../hub/routes/find-connection.js';
import { normalizeKinds } from '../../hub/routes/normalize-kinds.js';
import { CliError } from '../cli-error.js';
import { HubClient } from '../hub-client.js';
import { remoteHubOf } from '../remote-hub-of.js';
import type { RemoteFlags } from '../remote-options.js';
import type { StoreFlags } from '../with-store.js';
import { connectionNames } from './connection-names.js';
import { executeInlineRuns } from './execute-inline-runs.js';
import { followRemoteRuns } from './follow-remote-runs.js';
import { reportRuns } from './report-runs.js';
import type { RunLike } from './run-like.js';
import { withInlineEngine } from './with-inline-engine.js';

export interface ResendFlags extends StoreFlags, RemoteFlags {
  org: string;
  connection: string;
  kind?: string;
}

/**
 * `errors retry` (only the refused records) and `resend-all` (everything): forget what the
 * platform confirmed, then run an outbound sync of the connection and report it like `sync`.
 */
export async function resendAndReport(
  flags: ResendFlags,
  command: Command,
  onlyFailed: boolean,
): Promise<void> {
  const say = (reset: number, requeued: Record<string, number>) =>
    console.error(requeuedLine(onlyFailed, reset, requeued));
  const hub = remoteHubOf(flags, command);
  if (hub) {
    const client = new HubClient(hub);
    const org = encodeURIComponent(flags.org);
    const verb = onlyFailed ? 'retry-failed' : 'resend-all';
    const answer = await client.post(
      `/v1/orgs/${org}/connections/${encodeURIComponent(flags.connection)}/${verb}`,
      flags.kind ? { kind: flags.kind } : {},
    );
    say(answer.body.reset, answer.body.requeued ?? {});
    const runs = await followRemoteRuns(client, flags.org, answer.body.runs as RunLike[]);
    reportRuns(runs, await connectionNames({ client }, flags.org));
    return;
  }
  await withInlineEngine(flags, flags.org, async (engine, { store, box }) => {
    const conn = await findConnection(store.db, box, flags.org, flags.connection);
    if (!conn) throw new CliError(`organization "${flags.org}" has no connection "${flags.connection}"`);
    let kind = flags.kind;
    if (kind !== undefined) {
      const n = normalizeKinds(engine.ctx.connectors, [kind]);
      if (!n.ok) throw new CliError(`no platform syncs ${kind} (known: ${n.known.join(', ')})`);
      kind = n.kinds[0];
    }
    const { reset, requeued, runs: queued } = await engine.resend(flags.org, conn.id, { kind, onlyFailed });
    say(reset, requeued);
    if (queued.length === 0) throw new CliError(`connection "${conn.name}" is disabled: enable it first`);
    const runs = await executeInlineRuns(engine, flags.org, queued);
    reportRuns(runs, await connectionNames({ db: store.db, box }, flags.org));
  });
}

/**
 * What was queued again: for `errors retry` the open errors by code ("12 record(s) with an open
 * error will be sent again: dead_letter 10, http_400 2"), for `resend-all` the records forgotten.
 */
export function requeuedLine(onlyFailed: boolean, reset: number, requeued: Record<string, number>): string {
  const codes = Object.entries(requeued).sort(([a], [b]) => a.localeCompare(b));
  const errors = codes.reduce((n, [, c]) => n + c, 0);
  const byCode = codes.map(([code, n]) => `${code} ${n}`).join(', ');
  if (onlyFailed) {
    return errors === 0
      ? 'no record has an open error: nothing to send again'
      : `${errors} record(s) with an open error will be sent again: ${byCode}`;
  }
  return `${reset} record(s) will be sent again${errors > 0 ? ` (open errors among them: ${byCode})` : ''}`;
}
