import type { InboundItem, InboundPage, InboundStream } from '../../../engine/connector/connector.js';
import { DeletedItem, DeletedItems } from '../contract/deleted-item.js';
import { uzhkhPaths } from '../contract/uzhkh-paths.js';
import { callUzhkh, readUzhkhJson } from './call-uzhkh.js';
import { deleteGuids } from './delete-guids.js';
import { IdResolver } from './id-resolver.js';
import type { AckEntry } from './read-change.js';
import { invalidItem } from './read-snapshot.js';
import type { UzhkhContext } from './uzhkh-context.js';
import type { UzhkhCredentials } from './uzhkh-credentials.js';
import type { UzhkhSettings } from './uzhkh-settings.js';

/**
 * seed 001 §"Получение информации об удалённых объектах": each entry becomes a `deleted_item` inbox
 * item (source id = its Guid), then is removed with `To1c/Delete` like a change record. A `--` id
 * is shown as the id the billing knows the object by (IdResolver): the hub's in `hub` mode, the
 * billing's once it gave one.
 */
async function pull(_checkpoint: unknown, ctx: UzhkhContext): Promise<InboundPage> {
  const res = await callUzhkh(ctx, uzhkhPaths.deletedItems);
  const all = await readUzhkhJson(res, DeletedItems, 'To1c/DeletedItems');
  const items: InboundItem[] = [];
  const acks: AckEntry[] = [];
  const resolver = new IdResolver(ctx);
  for (const raw of all.slice(0, ctx.connection.settings.pageSize)) {
    const parsed = DeletedItem.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      items.push(
        invalidItem(
          undefined,
          'DeletedItem',
          raw,
          `deleted item: ${issue?.path.join('.')}: ${issue?.message}`,
        ),
      );
      continue;
    }
    const { Guid: guid, Id: platformId, Type: type } = parsed.data;
    // The id the billing knows the object by, as every record of it and every reference to it had.
    const { id } = await resolver.resolve(type, platformId);
    items.push({
      kind: 'deleted_item',
      sourceId: guid,
      payload: {
        sourceId: guid,
        type,
        id,
        source: {
          platform: 'uzhkh',
          guid,
          entity: 'DeletedItem',
          ids: { uzhkh: platformId, id },
          record: raw,
        },
      },
    });
    acks.push({ guid });
  }
  return {
    items,
    checkpoint: null,
    ackToken: { deletes: acks },
    hasMore: all.length > acks.length && acks.length > 0,
  };
}

export const uzhkhDeletedStream: InboundStream<UzhkhSettings, UzhkhCredentials> = {
  name: 'deleted',
  checkpointVersion: 1,
  pull,
  ack: deleteGuids,
};
