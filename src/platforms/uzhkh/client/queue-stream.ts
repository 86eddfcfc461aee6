import { z } from 'zod';
import type { InboundItem, InboundPage, InboundStream } from '../../../engine/connector/connector.js';
import { ChangeRecords } from '../contract/change-record.js';
import { uzhkhPaths } from '../contract/uzhkh-paths.js';
import { callUzhkh, readUzhkhJson } from './call-uzhkh.js';
import { deleteGuids } from './delete-guids.js';
import { IdResolver } from './id-resolver.js';
import { type AckEntry, readChange } from './read-change.js';
import type { UzhkhContext } from './uzhkh-context.js';
import type { UzhkhCredentials } from './uzhkh-credentials.js';
import type { UzhkhSettings } from './uzhkh-settings.js';

/** Only a tally: the queue itself is the position (records stay until deleted). */
const Checkpoint = z.object({ records: z.number().int() });
/** Session key: the guids of the last page, to notice a platform serving the same records again. */
const LAST_PAGE = 'uzhkh.queue.lastPage';
/** Session key: what a long answer held beyond the page taken from it. */
const REST = 'uzhkh.queue.rest';

function rest(ctx: UzhkhContext): unknown[] {
  return (ctx.session.get(REST) as unknown[] | undefined) ?? [];
}

/**
 * The next `pageSize` records: from the rest of the last answer while it lasts, else from a new
 * `To1c/Requests`. The seed does not page that list — a platform may answer with everything it
 * holds — so one answer is cut into pages instead of being fetched again for each. Serving the rest
 * later is safe: those records stay on the platform until their Delete, whatever happens here.
 */
async function nextRecords(ctx: UzhkhContext, pageSize: number): Promise<unknown[]> {
  const waiting = rest(ctx);
  if (waiting.length > 0) return waiting.splice(0, pageSize);
  const res = await callUzhkh(ctx, uzhkhPaths.requests);
  const all = await readUzhkhJson(res, ChangeRecords, 'To1c/Requests');
  ctx.session.set(REST, all.slice(pageSize));
  return all.slice(0, pageSize);
}

/**
 * seed 001 §"Отправка данных": pulls `To1c/Requests`, maps each record, and — through `ack`, after
 * the engine committed the page — deletes each guid. A record whose Delete was lost comes again and
 * lands nowhere new (inbox source ids). The run goes on while pages bring records not seen in the
 * previous page, so a platform that keeps serving deleted records does not hold a run forever.
 */
async function pull(checkpoint: unknown, ctx: UzhkhContext): Promise<InboundPage> {
  const { pageSize } = ctx.connection.settings;
  const records = await nextRecords(ctx, pageSize);
  const items: InboundItem[] = [];
  const acks: AckEntry[] = [];
  const resolver = new IdResolver(ctx);
  for (const raw of records) {
    const change = await readChange(ctx, resolver, raw);
    items.push(...change.items);
    if (change.ack) acks.push(change.ack);
  }
  const previous = (ctx.session.get(LAST_PAGE) as Set<string> | undefined) ?? new Set<string>();
  const guids = new Set(acks.map((a) => a.guid));
  ctx.session.set(LAST_PAGE, guids);
  const progressed = [...guids].some((g) => !previous.has(g));
  const before = Checkpoint.safeParse(checkpoint);
  return {
    items,
    checkpoint: { records: (before.success ? before.data.records : 0) + records.length },
    ackToken: { deletes: acks, meters: items.filter((i) => i.kind === 'meter').map((i) => i.sourceId) },
    hasMore: records.length > 0 && (rest(ctx).length > 0 || progressed),
  };
}

export const uzhkhQueueStream: InboundStream<UzhkhSettings, UzhkhCredentials> = {
  name: 'queue',
  checkpointVersion: 1,
  pull,
  ack: deleteGuids,
};
