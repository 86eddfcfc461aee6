import type { EntityName } from './entities.js';

/** A field of one entity that holds the id of another (seed 001's tables). */
export interface Reference {
  /** The field; `Persons.*.Id` is the field of each item of a list. */
  path: string;
  /** The entity whose id it holds. */
  to: EntityName;
  /** The field holds a comma-separated list of ids ("id собственников, через запятую"). */
  list?: true;
}

/**
 * Every reference of seed 001 to an entity of its own, as data: the sandbox rewrites them when an
 * object's id is replaced, the client gives each the id of the record it points at. Not listed, as
 * they point at nothing the platform sends: houses (`Obj.HouseId`, `Doc.HousesIds`) and staff
 * (`Request.ResponsibleId`, `Request.ExecutorId`).
 */
export const REFERENCES: Readonly<Record<EntityName, readonly Reference[]>> = {
  Obj: [],
  Account: [
    { path: 'ApartmentID', to: 'Obj' },
    { path: 'RelatedAccountId', to: 'Account' },
    { path: 'Persons.*.Id', to: 'Resident' },
    { path: 'Persons.*.ParentResidentId', to: 'Resident' },
  ],
  Resident: [{ path: 'ParentResidentId', to: 'Resident' }],
  Counter: [{ path: 'FlatId', to: 'Obj' }],
  Request: [
    { path: 'AccountId', to: 'Account' },
    { path: 'ResidentId', to: 'Resident' },
    { path: 'FlatId', to: 'Obj' },
    { path: 'IdCounter', to: 'Counter' },
  ],
  Payment: [
    { path: 'AccountId', to: 'Account' },
    { path: 'IdRequest', to: 'Request' },
  ],
  Doc: [
    { path: 'ResidentsIds', to: 'Resident', list: true },
    // "список id лицевых счетов, через запятую"
    { path: 'ResidentToFlatsIds', to: 'Account', list: true },
  ],
  RequestToRegister: [{ path: 'FlatId', to: 'Obj' }],
  RequestToObjectAdding: [
    { path: 'FlatId', to: 'Obj' },
    { path: 'ResidentId', to: 'Resident' },
  ],
  Car: [{ path: 'ResidentId', to: 'Resident' }],
};

/**
 * Calls `visit` for every id an entity's snapshot refers to, and answers the snapshot with each id
 * `visit` answered replaced (a copy where anything changed, the same object otherwise). Empty
 * values are skipped; ids are compared and given as strings.
 */
export function rewriteReferences(
  entity: EntityName,
  snapshot: Record<string, unknown>,
  visit: (to: EntityName, id: string) => string | undefined,
): Record<string, unknown> {
  let out = snapshot;
  for (const ref of REFERENCES[entity]) {
    const [field, star, inner] = ref.path.split('.');
    const value = out[field!];
    let next: unknown;
    if (star === '*' && inner !== undefined) {
      if (!Array.isArray(value)) continue;
      let changed = false;
      const items = value.map((item: unknown) => {
        if (typeof item !== 'object' || item === null) return item;
        const row = item as Record<string, unknown>;
        const id = rewriteId(row[inner], ref, visit);
        if (id === row[inner]) return item;
        changed = true;
        return { ...row, [inner]: id };
      });
      next = changed ? items : value;
    } else {
      next = rewriteId(value, ref, visit);
    }
    if (next !== value) out = { ...out, [field!]: next };
  }
  return out;
}

function rewriteId(
  value: unknown,
  ref: Reference,
  visit: (to: EntityName, id: string) => string | undefined,
): unknown {
  if (value === null || value === undefined || value === '') return value;
  if (typeof value !== 'string' && typeof value !== 'number') return value;
  if (!ref.list) {
    const id = visit(ref.to, String(value));
    return id === undefined || id === String(value) ? value : id;
  }
  const ids = String(value).split(',');
  let changed = false;
  const mapped = ids.map((raw) => {
    const id = raw.trim();
    if (id === '') return raw;
    const next = visit(ref.to, id);
    if (next === undefined || next === id) return raw;
    changed = true;
    return next;
  });
  return changed ? mapped.join(',') : value;
}
