import { z } from 'zod';
import type { InboundItem, InboundPage, InboundStream } from '../../../engine/connector/connector.js';
import { DOWNLOAD_LISTS, DownloadPage } from '../contract/download-page.js';
import { uzhkhPaths } from '../contract/uzhkh-paths.js';
import { callUzhkh, readUzhkhJson } from './call-uzhkh.js';
import { IdResolver } from './id-resolver.js';
import { readSnapshot } from './read-snapshot.js';
import { type HubIds, setHubIds } from './set-hub-ids.js';
import type { UzhkhContext } from './uzhkh-context.js';
import type { UzhkhCredentials } from './uzhkh-credentials.js';
import type { UzhkhSettings } from './uzhkh-settings.js';

/** Which list and page come next, what each list brought so far, and whether all are done. */
const Checkpoint = z.object({
  list: z.number().int().min(0),
  page: z.number().int().min(1),
  done: z.boolean(),
  counts: z.record(z.string(), z.number().int()),
});
type Checkpoint = z.infer<typeof Checkpoint>;
const START: Checkpoint = { list: 0, page: 1, done: false, counts: {} };

/**
 * seed 001 §"Получение всех данных": on the first sync, every `Synchronization/Download*` list page
 * by page until `NoResults`. Each page is one engine page (committed with the checkpoint), so a
 * broken-off download resumes at the page it stopped at; the run's counters and page operations show
 * the progress, the checkpoint the per-list counts. Once done it stays done (reset the checkpoint to
 * download again). In `hub` mode, `--` ids met here are given the hub's ids by SetId after the commit.
 */
async function pull(checkpoint: unknown, ctx: UzhkhContext): Promise<InboundPage> {
  const parsed = Checkpoint.safeParse(checkpoint);
  const cp = parsed.success ? parsed.data : START;
  const at = DOWNLOAD_LISTS[cp.list];
  if (cp.done || !at || !ctx.connection.settings.fullDownload) {
    return { items: [], checkpoint: { ...cp, done: true }, hasMore: false };
  }
  const res = await callUzhkh(ctx, `${uzhkhPaths.download}${at.list}`, { page: String(cp.page) });
  const page = await readUzhkhJson(res, DownloadPage, `Download${at.list} page ${cp.page}`);
  if (page.NoResults || page.Items.length === 0) {
    const list = cp.list + 1;
    const done = list >= DOWNLOAD_LISTS.length;
    return { items: [], checkpoint: { ...cp, list, page: 1, done }, hasMore: !done };
  }
  const items: InboundItem[] = [];
  const hubIds: HubIds = [];
  const resolver = new IdResolver(ctx);
  for (const [i, raw] of page.Items.entries()) {
    const origin = { list: at.list };
    const where = `Download${at.list} page ${cp.page} item ${i}`;
    const mapped = await readSnapshot(ctx, resolver, at.entity, raw, origin, where);
    items.push(...mapped.items);
    if (mapped.objectId && mapped.assigned) {
      hubIds.push({
        type: mapped.assigned.type,
        uzhkhId: mapped.assigned.temporaryId,
        externalId: mapped.objectId,
      });
    }
  }
  const counts = { ...cp.counts, [at.list]: (cp.counts[at.list] ?? 0) + page.Items.length };
  return {
    items,
    checkpoint: { ...cp, page: cp.page + 1, counts },
    ...(hubIds.length > 0 ? { ackToken: hubIds } : {}),
    hasMore: true,
  };
}

export const uzhkhDownloadStream: InboundStream<UzhkhSettings, UzhkhCredentials> = {
  name: 'download',
  checkpointVersion: 1,
  pull,
  ack: setHubIds,
};
