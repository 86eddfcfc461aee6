import { createHash } from 'node:crypto';
import { ENTITIES, type EntityName, setIdTypeOf } from '../contract/entities.js';
import { isTemporaryId } from '../contract/uzhkh-paths.js';
import type { IdEntry, IdResolver } from './id-resolver.js';
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
  ids: IdEntry[];
}

/**
 * seed 001 §"Особый случай": the billing's id is primary (except заявки and registration requests).
 * A `--` id is resolved like every reference to it (IdResolver): in `hub` mode the hub's id, also
 * sent back as `objectId` on Delete so the platform takes it; in `billing` mode the `--` id until
 * the billing gives one (SetId). A hub id the platform now carries makes the mapping permanent.
 */
export async function resolveId(
  ctx: UzhkhContext,
  resolver: IdResolver,
  entity: EntityName,
  snapshot: { Id: string; TypeName?: unknown },
): Promise<ResolvedId> {
  const platformId = snapshot.Id;
  const idEntity = idEntityOf(entity, snapshot);
  if (!ENTITIES[entity].idReplaceable) return { id: platformId, ids: [] };
  if (isTemporaryId(platformId)) {
    const { id, ids } = await resolver.resolve(idEntity, platformId);
    if (ctx.connection.settings.idAssignment === 'billing') return { id, ids };
    return { id, objectId: id, ids };
  }
  // The platform now carries the hub's id: the temporary mapping becomes permanent.
  if (platformId.startsWith(HUB_ID_PREFIX)) {
    return { id: platformId, ids: [{ entity: idEntity, key: platformId, platformId, temporary: false }] };
  }
  return { id: platformId, ids: [] };
}
