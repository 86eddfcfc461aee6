import { type Command, InvalidArgumentError } from 'commander';
import type { WebhookView } from '../../platforms/webhook/client/webhook-endpoints.js';
import { WEBHOOK_EVENT_TYPES } from '../../platforms/webhook/contract/webhook-event-types.js';
import { formatTable } from '../format-table.js';
import { orgPath } from '../hub-path.js';
import { printJson, withJsonOption } from '../json-option.js';
import { parsePositiveInt } from '../parse-positive-int.js';
import { type RemoteFlags, withRemoteOptions } from '../remote-options.js';
import { withStoreOptions } from '../store-options.js';
import { withHubClient } from '../with-hub-client.js';
import type { StoreFlags } from '../with-store.js';

interface OrgFlags extends StoreFlags, RemoteFlags {
  org: string;
  json?: boolean;
}
interface WriteFlags extends OrgFlags {
  endpoint?: string;
  events?: string[];
  batchSize?: number;
  name?: string;
  disabled?: boolean;
  rotateSecret?: boolean;
}

function common(command: Command): Command {
  return withRemoteOptions(withStoreOptions(command.requiredOption('--org <id>', 'the organization')));
}

function parseEvents(value: string): string[] {
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const all = list.includes('all') ? [...WEBHOOK_EVENT_TYPES] : list;
  const unknown = all.filter((e) => !(WEBHOOK_EVENT_TYPES as readonly string[]).includes(e));
  if (unknown.length > 0 || all.length === 0)
    throw new InvalidArgumentError(
      `unknown event ${unknown.join(', ')}; known: all, ${WEBHOOK_EVENT_TYPES.join(', ')}`,
    );
  return all;
}

function text(w: WebhookView): string {
  const lines = [
    `${w.name} (id ${w.id})${w.enabled ? '' : ' — disabled'}`,
    `  url:        ${w.url}`,
    `  events:     ${w.events.join(', ')}`,
    `  batch size: ${w.batchSize}`,
    `  queued:     ${w.queued}${w.oldestQueued === null ? '' : ` (oldest event ${w.oldestQueued})`}`,
    `  last run:   ${w.lastRun ? `${w.lastRun.id} ${w.lastRun.state}${w.lastRun.lastError ? `: ${w.lastRun.lastError}` : ''}` : 'none yet'}`,
  ];
  if (w.secret)
    lines.push(
      `  secret:     ${w.secret}`,
      '  (shown this once: give it to the billing to verify signatures)',
    );
  return lines.join('\n');
}

function report(flags: OrgFlags, headline: string, w: WebhookView): void {
  if (flags.json) {
    printJson(w);
    return;
  }
  console.log(headline);
  console.log(text(w));
}

/** The body of a create or edit from the flags. */
function bodyOf(flags: WriteFlags): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (flags.name !== undefined) body.name = flags.name;
  if (flags.endpoint !== undefined) body.url = flags.endpoint;
  if (flags.events !== undefined) body.events = flags.events;
  if (flags.batchSize !== undefined) body.batchSize = flags.batchSize;
  if (flags.rotateSecret) body.rotateSecret = true;
  return body;
}

function writeOptions(command: Command): Command {
  return command
    .option('--endpoint <url>', "the billing's endpoint (POST), e.g. https://billing.example.ru/zhkh-hook")
    .option(
      '--events <list>',
      `comma-separated event types, or all: ${WEBHOOK_EVENT_TYPES.join(', ')}`,
      parseEvents,
    )
    .option('--batch-size <n>', 'events per request (1–1000, default 500)', parsePositiveInt)
    .option('--name <name>', 'unique within the organization');
}

/** `zhkh-bridge webhooks …`: the billing's endpoints for the organization's events. */
export function registerWebhooksCommand(program: Command): void {
  const hooks = program
    .command('webhooks')
    .description(
      'Webhook endpoints of the billing: list, show, create, edit, delete, enable, disable, replay',
    )
    .addHelpText(
      'after',
      `
Events (an inbox entry per kind, a run's end, a refused record) are POSTed to each endpoint that
subscribes to them, in order, batched, signed with the endpoint's secret (README "Webhooks").
An endpoint is named by its name or id. Every subcommand works on the store directly, or through a
running hub with --url/--token (ZHKH_URL, ZHKH_TOKEN).`,
    );

  common(
    withJsonOption(hooks.command('list').description('Endpoints of the organization, with their queues')),
  ).action((flags: OrgFlags, command: Command) =>
    withHubClient(flags, command, async (client) => {
      const list = (await client.get(orgPath(flags.org, 'webhooks'))).body as WebhookView[];
      if (flags.json) return printJson(list);
      if (list.length === 0)
        return console.log(
          `no webhooks yet: add one with \`zhkh-bridge webhooks create --org ${flags.org}\``,
        );
      console.log(
        formatTable(
          ['name', 'enabled', 'queued', 'last run', 'url', 'events'],
          list.map((w) => [
            w.name,
            w.enabled ? 'yes' : 'no',
            w.queued,
            w.lastRun?.state ?? '',
            w.url,
            w.events.join(','),
          ]),
          { wrap: 5 },
        ),
      );
    }),
  );

  common(
    withJsonOption(hooks.command('show <webhook>').description('One endpoint: URL, events, queue, last run')),
  ).action((idOrName: string, flags: OrgFlags, command: Command) =>
    withHubClient(flags, command, async (client) => {
      const w = (await client.get(orgPath(flags.org, 'webhooks', idOrName))).body as WebhookView;
      if (flags.json) return printJson(w);
      console.log(text(w));
    }),
  );

  common(
    withJsonOption(
      writeOptions(
        hooks
          .command('create')
          .description('Add an endpoint; prints its signing secret once')
          .option('--disabled', 'create it disabled (nothing queued until `webhooks enable`)'),
      ),
    ),
  )
    .addHelpText(
      'after',
      '\nExample:\n  zhkh-bridge webhooks create --org uk-sever --name billing --endpoint https://billing.example.ru/zhkh --events inbox.reading,inbox.payment,run.failed',
    )
    .action((flags: WriteFlags, command: Command) =>
      withHubClient(flags, command, async (client) => {
        const body = bodyOf(flags);
        if (flags.disabled) body.enabled = false;
        const w = (await client.post(orgPath(flags.org, 'webhooks'), body)).body as WebhookView;
        report(flags, `created webhook ${w.name}`, w);
      }),
    );

  common(
    withJsonOption(
      writeOptions(
        hooks
          .command('edit <webhook>')
          .description(
            'Change URL, events, batch size or name; --rotate-secret makes a new secret (printed once)',
          )
          .option('--rotate-secret', 'a new signing secret; the old one stops working at once'),
      ),
    ),
  ).action((idOrName: string, flags: WriteFlags, command: Command) =>
    withHubClient(flags, command, async (client) => {
      const w = (await client.patch(orgPath(flags.org, 'webhooks', idOrName), bodyOf(flags)))
        .body as WebhookView;
      report(flags, `changed webhook ${w.name}`, w);
    }),
  );

  for (const [verb, enabled] of [
    ['enable', true],
    ['disable', false],
  ] as const) {
    common(
      withJsonOption(
        hooks
          .command(`${verb} <webhook>`)
          .description(
            enabled ? 'Queue and deliver events again' : 'Stop queueing events (what is queued stays queued)',
          ),
      ),
    ).action((idOrName: string, flags: OrgFlags, command: Command) =>
      withHubClient(flags, command, async (client) => {
        const w = (await client.patch(orgPath(flags.org, 'webhooks', idOrName), { enabled }))
          .body as WebhookView;
        report(flags, `${verb}d webhook ${w.name}`, w);
      }),
    );
  }

  common(hooks.command('delete <webhook>').description('Remove an endpoint and its queue')).action(
    (idOrName: string, flags: OrgFlags, command: Command) =>
      withHubClient(flags, command, async (client) => {
        await client.call('DELETE', orgPath(flags.org, 'webhooks', idOrName));
        console.log(`deleted webhook ${idOrName}`);
      }),
  );

  common(
    withJsonOption(
      hooks
        .command('replay <webhook>')
        .description('Queue the events from an event id (the cursor) on again, in order')
        .requiredOption('--from <event id>', 'the first event to send again (inclusive)', parsePositiveInt),
    ),
  )
    .addHelpText('after', '\nExample:\n  zhkh-bridge webhooks replay billing --org uk-sever --from 120345')
    .action((idOrName: string, flags: OrgFlags & { from: number }, command: Command) =>
      withHubClient(flags, command, async (client) => {
        const res = (
          await client.post(orgPath(flags.org, 'webhooks', idOrName, 'replay'), { from: flags.from })
        ).body as { queued: number; runs: Array<{ id: number }> };
        if (flags.json) return printJson(res);
        console.log(
          `queued ${res.queued} events again${res.runs.length > 0 ? ` (run ${res.runs.map((r) => r.id).join(', ')})` : client.remote ? '' : '; a running hub delivers them (or `zhkh-bridge sync`)'}`,
        );
      }),
    );
}
