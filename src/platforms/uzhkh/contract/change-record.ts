import { z } from 'zod';
import { ENTITY_NAMES, type EntityName } from './entities.js';

/**
 * seed 001 §"Общий класс": one entry of `To1c/Requests` — a `Guid` (what `To1c/Delete` takes) and the
 * full snapshot of the one entity that changed. The envelope is parsed leniently and each entity by
 * its own schema afterwards, so one malformed snapshot does not hide the others of the page.
 */
export const ChangeRecord = z.looseObject({
  Guid: z.string().min(1),
  Resident: z.unknown().optional(),
  Account: z.unknown().optional(),
  Counter: z.unknown().optional(),
  Request: z.unknown().optional(),
  Payment: z.unknown().optional(),
  Obj: z.unknown().optional(),
  Doc: z.unknown().optional(),
  RequestToRegister: z.unknown().optional(),
  RequestToObjectAdding: z.unknown().optional(),
  Car: z.unknown().optional(),
});
export type ChangeRecord = z.output<typeof ChangeRecord>;

/** The answer of `To1c/Requests`: a JSON array of change records (kept loose until parsed one by one). */
export const ChangeRecords = z.array(z.unknown());

/** The entities present (non-null) in a record; the document promises exactly one. */
export function entitiesOf(record: ChangeRecord): EntityName[] {
  return ENTITY_NAMES.filter((name) => record[name] !== undefined && record[name] !== null);
}
