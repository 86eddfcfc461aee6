import type { EntityName } from '../contract/entities.js';
import { REFERENCES, type Reference, rewriteReferences } from '../contract/references.js';

export type Snapshot = Record<string, unknown>;

/**
 * The platform's current objects by kind and id. Documents are unique per type only (seed 001
 * §"Документ"), so they are keyed `<TypeName>:<Id>`.
 */
export class EntityStore {
  private readonly byKind = new Map<EntityName, Map<string, Snapshot>>();

  of(entity: EntityName): Map<string, Snapshot> {
    let map = this.byKind.get(entity);
    if (!map) {
      map = new Map();
      this.byKind.set(entity, map);
    }
    return map;
  }

  static keyOf(entity: EntityName, snapshot: Snapshot): string {
    const id = String(snapshot.Id);
    return entity === 'Doc' ? `${String(snapshot.TypeName)}:${id}` : id;
  }

  put(entity: EntityName, snapshot: Snapshot): void {
    this.of(entity).set(EntityStore.keyOf(entity, snapshot), snapshot);
  }

  get(entity: EntityName, key: string): Snapshot | undefined {
    return this.of(entity).get(key);
  }

  remove(entity: EntityName, key: string): Snapshot | undefined {
    const map = this.of(entity);
    const found = map.get(key);
    map.delete(key);
    return found;
  }

  /**
   * Gives an object a new id (seed 001 §"Особый случай": the platform writes the billing's id in
   * place of its `--` one) and rewrites every reference to it. Answers the object, or undefined.
   */
  replaceId(entity: EntityName, key: string, newId: string): Snapshot | undefined {
    const map = this.of(entity);
    const found = map.get(key);
    if (!found) return undefined;
    const oldId = String(found.Id);
    map.delete(key);
    found.Id = newId;
    map.set(EntityStore.keyOf(entity, found), found);
    // Every reference to it, as seed 001's tables have them (contract/references.ts).
    const rewrite = (to: EntityName, id: string) => (to === entity && id === oldId ? newId : undefined);
    for (const [other, refs] of Object.entries(REFERENCES) as Array<[EntityName, readonly Reference[]]>) {
      if (!refs.some((r) => r.to === entity)) continue;
      for (const snapshot of this.of(other).values()) {
        const next = rewriteReferences(other, snapshot, rewrite);
        if (next !== snapshot) Object.assign(snapshot, next);
      }
    }
    return found;
  }

  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [entity, map] of this.byKind) out[entity] = map.size;
    return out;
  }
}
