import type { EntityName } from '../contract/entities.js';

export type Snapshot = Record<string, unknown>;

/** Where each kind of object is referred to by id, so that replacing an id keeps the links. */
const REFERENCES: Partial<Record<EntityName, Array<[EntityName, string]>>> = {
  Obj: [
    ['Account', 'ApartmentID'],
    ['Counter', 'FlatId'],
    ['Request', 'FlatId'],
    ['RequestToRegister', 'FlatId'],
    ['RequestToObjectAdding', 'FlatId'],
  ],
  Resident: [
    ['Request', 'ResidentId'],
    ['Car', 'ResidentId'],
    ['RequestToObjectAdding', 'ResidentId'],
  ],
  Account: [
    ['Request', 'AccountId'],
    ['Payment', 'AccountId'],
  ],
  Counter: [['Request', 'IdCounter']],
};

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
    for (const [refEntity, field] of REFERENCES[entity] ?? []) {
      for (const other of this.of(refEntity).values()) if (other[field] === oldId) other[field] = newId;
    }
    if (entity === 'Resident') {
      for (const account of this.of('Account').values()) {
        for (const person of (account.Persons as Snapshot[] | null | undefined) ?? []) {
          if (person.Id === oldId) person.Id = newId;
        }
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
