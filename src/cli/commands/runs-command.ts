import { type Command, Option } from 'commander';
import { CliError } from '../cli-error.js';
import { formatTable } from '../format-table.js';
import { orgPath } from '../hub-path.js';
import { printJson, withJsonOption } from '../json-option.js';
import { parsePositiveInt } from '../parse-positive-int.js';
import { type RemoteFlags, withRemoteOptions } from '../remote-options.js';
import { withStoreOptions } from '../store-options.js';
import { connectionNames } from '../sync/connection-names.js';
import type { RunLike } from '../sync/run-like.js';
import { runSummaryLine } from '../sync/run-summary-line.js';
import { withHubClient } from '../with-hub-client.js';
import type { StoreFlags } from '../with-store.js';

interface OrgFlags extends StoreFlags, RemoteFlags {
  org: string;
  json?: boolean;
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
      r.lastError,
    ]),
    { wrap: 10 },
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
          o.lastError,
        ]),
        { wrap: 9 },
      ),
    );
  }
  return lines.join('\n');
}

/** `zhkh-bridge runs list|show|cancel`: the history of sync runs and stopping one. */
export function registerRunsCommand(program: Command): void {
  const runs = program.command('runs').description('Sync runs: list, show one with its batches, cancel');

  common(
    withJsonOption(runs.command('list'))
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
    .action((flags: ListFlags, command: Command) =>
      withHubClient(flags, command, async (client) => {
        const q = new URLSearchParams({ limit: String(flags.limit) });
        if (flags.connection) q.set('connection', flags.connection);
        if (flags.state) q.set('state', flags.state);
        if (flags.before) q.set('before', String(flags.before));
        const page = (await client.get(`${orgPath(flags.org, 'runs')}?${q}`)).body;
        if (flags.json) return printJson(page);
        const items = page.items as RunLike[];
        if (items.length === 0) {
          console.log('no runs yet: start one with `zhkh-bridge sync`');
          return;
        }
        console.log(runsTable(items, await connectionNames({ client }, flags.org)));
        if (page.next !== null) console.log(`\nolder runs: --before ${page.next}`);
      }),
    );

  common(
    withJsonOption(
      runs.command('show <id>').description('One run with its delivered batches and inbound pages'),
    ),
  )
    .addHelpText('after', '\nExample:\n  zhkh-bridge runs show 42 --org uk-sever')
    .action((id: string, flags: OrgFlags, command: Command) =>
      withHubClient(flags, command, async (client) => {
        const path = orgPath(flags.org, 'runs', parsePositiveInt(id));
        const run = (await client.get(path)).body as RunLike;
        const operations = (await client.get(`${path}/operations?limit=1000`)).body.items as ChildOp[];
        if (flags.json) return printJson({ run, operations });
        console.log(showRun(run, operations, await connectionNames({ client }, flags.org)));
      }),
    );

  common(
    runs
      .command('cancel <id>')
      .description('Cancel a run: a queued one at once, a running one after the batch in flight'),
  )
    .addHelpText('after', '\nExample:\n  zhkh-bridge runs cancel 42 --org uk-sever')
    .action((id: string, flags: OrgFlags, command: Command) =>
      withHubClient(flags, command, async (client) => {
        const runId = parsePositiveInt(id);
        const answer = await client.post(orgPath(flags.org, 'runs', runId, 'cancel'), undefined, [409]);
        if (answer.status === 409)
          throw new CliError(`run ${runId} has already finished (${answer.body.state})`);
        const run = answer.body as RunLike;
        console.log(
          run.state === 'cancelled'
            ? `run ${run.id} cancelled`
            : `run ${run.id} will stop after the batch in flight (${run.state} now)`,
        );
      }),
    );
}
