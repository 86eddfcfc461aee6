import { createHash } from 'node:crypto';
import { ENTITIES, type EntityName, setIdTypeOf } from '../contract/entities.js';
import { isTemporaryId } from '../contract/uzhkh-paths.js';
import type { UzhkhContext } from './uzhkh-context.js';

/** Ids the hub assigns start with this, so a later snapshot carrying one is known to be ours. */
export const HUB_ID_PREFIX = 'zb-';

/** The id-map entity of an object: its SetId type (`counter`, `news`…), `car` for cars. */
export function idEntityOf(entity: EntityName, snapshot: { TypeName?: unknown }): string {
  return setIdTypeOf(entity, snapshot) ?? entity.toLowerCase();
}

/**
 * The hub's permanent id for an object the platform created with a `--` id. Derived from the
 * connection and the temporary id, so a redelivered record (a crash before `To1c/Delete`) gets the
 * very same id again without a lookup.
 */
export function hubIdFor(connectionId: string, idEntity: string, tempId: string): string {
  const hash = createHash('sha256').update(`${connectionId}\u0000${idEntity}\u0000${tempId}`).digest('hex');
  return `${HUB_ID_PREFIX}${idEntity}-${hash.slice(0, 16)}`;
}

export interface ResolvedId {
  /** The id the billing sees for this object (the hub's id for a temporary one in `hub` mode). */
  id: string;
  /** The hub id to send as `objectId` on Delete, when the hub assigned one just now. */
  objectId?: string;
  ids: Array<{ entity: string; key: string; platformId: string; temporary?: boolean }>;
}

/**
 * seed 001 §"Особый случай": the billing's id is primary (except заявки and registration requests).
 * A `--` id is either replaced by the hub at once (`hub`) or kept as the object's id until the
 * billing assigns one through `SetId` (`billing`). Both are recorded in the id map.
 */
export function resolveId(
  ctx: UzhkhContext,
  entity: EntityName,
  snapshot: { Id: string; TypeName?: unknown },
): ResolvedId {
  const platformId = snapshot.Id;
  const idEntity = idEntityOf(entity, snapshot);
  if (!ENTITIES[entity].idReplaceable) return { id: platformId, ids: [] };
  if (isTemporaryId(platformId)) {
    if (ctx.connection.settings.idAssignment === 'billing') {
      return { id: platformId, ids: [{ entity: idEntity, key: platformId, platformId, temporary: true }] };
    }
    const id = hubIdFor(ctx.connection.id, idEntity, platformId);
    return { id, objectId: id, ids: [{ entity: idEntity, key: id, platformId, temporary: true }] };
  }
  // The platform now carries the hub's id: the temporary mapping becomes permanent.
  if (platformId.startsWith(HUB_ID_PREFIX)) {
    return { id: platformId, ids: [{ entity: idEntity, key: platformId, platformId, temporary: false }] };
  }
  return { id: platformId, ids: [] };
}
