import { type Command, Option } from 'commander';
import { findConnection } from '../../hub/routes/find-connection.js';
import { FINAL_STATES, getOperation, listOperations, type Operation } from '../../store/operation-store.js';
import { CliError } from '../cli-error.js';
import { formatTable } from '../format-table.js';
import { HubClient } from '../hub-client.js';
import { parsePositiveInt } from '../parse-positive-int.js';
import { remoteHubOf } from '../remote-hub-of.js';
import { type RemoteFlags, withRemoteOptions } from '../remote-options.js';
import { withStoreOptions } from '../store-options.js';
import { connectionNames } from '../sync/connection-names.js';
import type { RunLike } from '../sync/run-like.js';
import { runSummaryLine } from '../sync/run-summary-line.js';
import { withInlineEngine } from '../sync/with-inline-engine.js';
import type { StoreFlags } from '../with-store.js';

interface OrgFlags extends StoreFlags, RemoteFlags {
  org: string;
}
interface ListFlags extends OrgFlags {
  connection?: string;
  state?: string;
  before?: number;
  limit: number;
}
type ChildOp = RunLike & { kind: string | null; type: string };

const STATES = ['queued', 'running', 'succeeded', 'partial', 'failed', 'cancelled'];

function common(command: Command): Command {
  return withRemoteOptions(withStoreOptions(command.requiredOption('--org <id>', 'the organization')));
}

const short = (text: string | null, n = 60) => (text && text.length > n ? `${text.slice(0, n - 1)}…` : text);
const when = (iso: string | null) => (iso ? iso.replace('T', ' ').slice(0, 19) : null);

function runsTable(runs: readonly RunLike[], names: ReadonlyMap<string, string>): string {
  return formatTable(
    [
      'id',
      'created (UTC)',
      'state',
      'connection',
      'trigger',
      'planned',
      'sent',
      'unchanged',
      'failed',
      'received',
      'last error',
    ],
    runs.map((r) => [
      r.id,
      when(r.createdAt),
      r.state,
      names.get(r.connectionId) ?? r.connectionId,
      r.trigger,
      r.planned,
      r.sent,
      r.unchanged,
      r.failed,
      r.received,
      short(r.lastError),
    ]),
  );
}

function showRun(run: RunLike, children: readonly ChildOp[], names: ReadonlyMap<string, string>): string {
  const lines = [
    runSummaryLine(run, names.get(run.connectionId)),
    `  trigger ${run.trigger ?? '-'}, planned ${run.planned ?? '-'}, requests ${run.requests}`,
    `  created ${when(run.createdAt)}, started ${when(run.startedAt) ?? '-'}, finished ${when(run.finishedAt) ?? '-'} (UTC)`,
  ];
  if (children.length > 0) {
    lines.push(
      '',
      formatTable(
        ['op', 'type', 'kind', 'state', 'sent', 'unchanged', 'failed', 'received', 'requests', 'error'],
        children.map((o) => [
          o.id,
          o.type,
          o.kind,
          o.state,
          o.sent,
          o.unchanged,
          o.failed,
          o.received,
          o.requests,
          short(o.lastError),
        ]),
      ),
    );
  }
  return lines.join('\n');
}

/** `zhkh-bridge runs list|show|cancel`: the history of sync runs and stopping one. */
export function registerRunsCommand(program: Command): void {
  const runs = program.command('runs').description('Sync runs: list, show one with its batches, cancel');

  common(
    runs
      .command('list')
      .description('Sync runs of an organization, newest first')
      .option('--connection <idOrName>', 'only this connection')
      .addOption(new Option('--state <state>', 'only runs in this state').choices(STATES))
      .addOption(
        new Option('--before <id>', 'runs older than this id (the next page)').argParser(parsePositiveInt),
      )
      .addOption(new Option('--limit <n>', 'how many').default(20).argParser(parsePositiveInt)),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  zhkh-bridge runs list --org uk-sever\n  zhkh-bridge runs list --org uk-sever --connection doma-main --state failed',
    )
    .action(async (flags: ListFlags, command: Command) => {
      const hub = remoteHubOf(flags, command);
      let items: RunLike[];
      let names: Map<string, string>;
      if (hub) {
        const client = new HubClient(hub);
        const q = new URLSearchParams({ limit: String(flags.limit) });
        if (flags.connection) q.set('connection', flags.connection);
        if (flags.state) q.set('state', flags.state);
        if (flags.before) q.set('before', String(flags.before));
        items = (await client.get(`/v1/orgs/${encodeURIComponent(flags.org)}/runs?${q}`)).body.items;
        names = await connectionNames({ client }, flags.org);
      } else {
        [items, names] = await withInlineEngine(flags, flags.org, async (_engine, { store, box }) => {
          let connectionId: string | undefined;
          if (flags.connection) {
            const c = await findConnection(store.db, box, flags.org, flags.connection);
            if (!c) throw new CliError(`organization "${flags.org}" has no connection "${flags.connection}"`);
            connectionId = c.id;
          }
          const list = await listOperations(store.db, {
            orgId: flags.org,
            connectionId,
            type: 'run',
            state: flags.state as Operation['state'] | undefined,
            before: flags.before,
            limit: flags.limit,
          });
          return [list, await connectionNames({ db: store.db, box }, flags.org)] as const;
        });
      }
      if (items.length === 0) {
        console.log('no runs yet: start one with `zhkh-bridge sync`');
        return;
      }
      console.log(runsTable(items, names));
      if (items.length === flags.limit) console.log(`\nolder runs: --before ${items.at(-1)!.id}`);
    });

  common(runs.command('show <id>').description('One run with its delivered batches and inbound pages'))
    .addHelpText('after', '\nExample:\n  zhkh-bridge runs show 42 --org uk-sever')
    .action(async (id: string, flags: OrgFlags, command: Command) => {
      const runId = parsePositiveInt(id);
      const hub = remoteHubOf(flags, command);
      let text: string;
      if (hub) {
        const client = new HubClient(hub);
        const base = `/v1/orgs/${encodeURIComponent(flags.org)}/runs/${runId}`;
        const run = (await client.get(base)).body as RunLike;
        const children = (await client.get(`${base}/operations?limit=200`)).body.items as ChildOp[];
        text = showRun(run, children, await connectionNames({ client }, flags.org));
      } else {
        text = await withInlineEngine(flags, flags.org, async (_engine, { store, box }) => {
          const run = await getOperation(store.db, runId);
          if (!run || run.orgId !== flags.org || run.type !== 'run')
            throw new CliError(`run ${runId} does not exist`);
          const children = await listOperations(store.db, { orgId: flags.org, parentId: runId, limit: 200 });
          return showRun(run, children, await connectionNames({ db: store.db, box }, flags.org));
        });
      }
      console.log(text);
    });

  common(
    runs
      .command('cancel <id>')
      .description('Cancel a run: a queued one at once, a running one after the batch in flight'),
  )
    .addHelpText('after', '\nExample:\n  zhkh-bridge runs cancel 42 --org uk-sever')
    .action(async (id: string, flags: OrgFlags, command: Command) => {
      const runId = parsePositiveInt(id);
      const hub = remoteHubOf(flags, command);
      let run: RunLike;
      if (hub) {
        const answer = await new HubClient(hub).post(
          `/v1/orgs/${encodeURIComponent(flags.org)}/runs/${runId}/cancel`,
          undefined,
          [409],
        );
        if (answer.status === 409)
          throw new CliError(`run ${runId} has already finished (${answer.body.state})`);
        run = answer.body;
      } else {
        run = await withInlineEngine(flags, flags.org, async (engine, { store }) => {
          const before = await getOperation(store.db, runId);
          if (!before || before.orgId !== flags.org || before.type !== 'run')
            throw new CliError(`run ${runId} does not exist`);
          if (FINAL_STATES.includes(before.state))
            throw new CliError(`run ${runId} has already finished (${before.state})`);
          return (await engine.cancel(flags.org, runId)) ?? before;
        });
      }
      console.log(
        run.state === 'cancelled'
          ? `run ${run.id} cancelled`
          : `run ${run.id} will stop after the batch in flight (${run.state} now)`,
      );
    });
}
