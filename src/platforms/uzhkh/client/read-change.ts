import type { InboundItem } from '../../../engine/connector/connector.js';
import { ChangeRecord, entitiesOf } from '../contract/change-record.js';
import type { IdResolver } from './id-resolver.js';
import { invalidItem, readSnapshot } from './read-snapshot.js';
import type { UzhkhContext } from './uzhkh-context.js';

/** What Delete is called with once the page is committed. */
export interface AckEntry {
  guid: string;
  objectId?: string;
}

/**
 * One `To1c/Requests` entry (seed 001 §"Общий класс") → inbox items and its Delete. The document
 * promises one entity per record; a record with several is mapped whole, one with none or without a
 * Guid becomes an `uzhkh_invalid` item (without a Guid it cannot be deleted and will come again —
 * its content-derived source id keeps it from landing twice).
 */
export async function readChange(
  ctx: UzhkhContext,
  resolver: IdResolver,
  raw: unknown,
): Promise<{ items: InboundItem[]; ack?: AckEntry }> {
  const record = ChangeRecord.safeParse(raw);
  if (!record.success) {
    const guid =
      typeof (raw as { Guid?: unknown })?.Guid === 'string' ? (raw as { Guid: string }).Guid : undefined;
    const error = `change record ${guid ?? '(no Guid)'}: ${record.error.issues[0]?.path.join('.') || 'record'}: ${record.error.issues[0]?.message}`;
    return guid
      ? { items: [invalidItem({ guid }, null, raw, error)], ack: { guid } }
      : { items: [invalidItem(undefined, null, raw, error)] };
  }
  const { Guid: guid } = record.data;
  const entities = entitiesOf(record.data);
  if (entities.length === 0) {
    return {
      items: [invalidItem({ guid }, null, raw, `change record ${guid}: no entity in it`)],
      ack: { guid },
    };
  }
  const items: InboundItem[] = [];
  let objectId: string | undefined;
  for (const entity of entities) {
    const mapped = await readSnapshot(
      ctx,
      resolver,
      entity,
      record.data[entity],
      { guid },
      `change record ${guid}`,
    );
    items.push(...mapped.items);
    objectId ??= mapped.objectId;
  }
  // With several entities in one record, each needs its own source id within a kind: only the
  // first item of a kind keeps the bare guid.
  const seen = new Set<string>();
  for (const item of items) {
    const k = `${item.kind}\u0000${item.sourceId}`;
    if (seen.has(k)) {
      item.sourceId = `${item.sourceId}#${seen.size}`;
      (item.payload as { sourceId: string }).sourceId = item.sourceId;
    }
    seen.add(k);
  }
  return { items, ack: objectId ? { guid, objectId } : { guid } };
}
