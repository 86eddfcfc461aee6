import { createHash } from 'node:crypto';
import type { InboundItem } from '../../../engine/connector/connector.js';
import { ENTITIES, type EntityName } from '../contract/entities.js';
import { type MappedEntity, mapEntity, type Origin } from './map-entity.js';
import type { UzhkhContext } from './uzhkh-context.js';

/** The inbox kind of what could not be read: kept whole, with the reason, for a person to look at. */
export const INVALID_KIND = 'uzhkh_invalid';

/**
 * Parses one entity snapshot with its schema and maps it. A snapshot that breaks the contract (or
 * holds a value the hub cannot keep exactly, like a sum with three decimals) does not stop the page:
 * it becomes one `uzhkh_invalid` inbox item naming the record and the field, and is still
 * acknowledged — the raw snapshot is kept in the item, so nothing is lost and the queue moves on.
 */
export function readSnapshot(
  ctx: UzhkhContext,
  entity: EntityName,
  raw: unknown,
  origin: Origin,
  where: string,
): MappedEntity {
  const parsed = ENTITIES[entity].schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = [entity, ...(issue?.path ?? [])].join('.');
    return {
      items: [invalidItem(origin, entity, raw, `${where}: ${field}: ${issue?.message ?? 'invalid'}`)],
    };
  }
  try {
    return mapEntity(ctx, entity, parsed.data as Record<string, unknown>, origin);
  } catch (error) {
    return { items: [invalidItem(origin, entity, raw, `${where}: ${entity}: ${(error as Error).message}`)] };
  }
}

export function invalidItem(
  origin: Origin | undefined,
  entity: string | null,
  raw: unknown,
  error: string,
): InboundItem {
  const guid = origin && 'guid' in origin ? origin.guid : null;
  const sourceId =
    guid ??
    `invalid:${createHash('sha256')
      .update(JSON.stringify(raw) ?? 'null')
      .digest('hex')
      .slice(0, 24)}`;
  return {
    kind: INVALID_KIND,
    sourceId,
    payload: { sourceId, error, source: { platform: 'uzhkh', guid, entity, record: raw } },
  };
}
