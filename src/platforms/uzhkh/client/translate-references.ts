import { ENTITIES, type EntityName } from '../contract/entities.js';
import { rewriteReferences } from '../contract/references.js';
import { isTemporaryId } from '../contract/uzhkh-paths.js';
import type { IdEntry, IdResolver } from './id-resolver.js';
import { idEntityOf } from './stable-ids.js';

/**
 * Gives every reference of a snapshot to a platform-created object (`--N`) the id the billing knows
 * that object by — the same the object's own record gets, whichever arrives first (IdResolver) —
 * for each field of seed 001's reference table (contract/references.ts). Answers the translated
 * snapshot (the same object when nothing changed) and the id-map entries learned.
 */
export async function translateReferences(
  resolver: IdResolver,
  entity: EntityName,
  snapshot: Record<string, unknown>,
): Promise<{ record: Record<string, unknown>; ids: IdEntry[] }> {
  const temporary: Array<[idEntity: string, id: string]> = [];
  rewriteReferences(entity, snapshot, (to, id) => {
    if (ENTITIES[to].idReplaceable && isTemporaryId(id)) temporary.push([idEntityOf(to, {}), id]);
    return undefined;
  });
  if (temporary.length === 0) return { record: snapshot, ids: [] };
  const resolved = new Map<string, string>();
  const ids: IdEntry[] = [];
  for (const [idEntity, id] of temporary) {
    const r = await resolver.resolve(idEntity, id);
    resolved.set(`${idEntity}\u0000${id}`, r.id);
    ids.push(...r.ids);
  }
  const record = rewriteReferences(entity, snapshot, (to, id) =>
    resolved.get(`${idEntityOf(to, {})}\u0000${id}`),
  );
  return { record, ids };
}
