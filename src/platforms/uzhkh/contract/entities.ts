import type { z } from 'zod';
import { Account } from './account.js';
import { Car } from './car.js';
import { Counter } from './counter.js';
import { Doc } from './doc.js';
import { Obj } from './obj.js';
import { Payment } from './payment.js';
import { Person } from './person.js';
import { Request } from './request.js';
import { RequestToObjectAdding } from './request-to-object-adding.js';
import { RequestToRegister } from './request-to-register.js';

/**
 * The entities a change record may carry (seed 001 §"Общий класс"), by the record's field name.
 * `idReplaceable`: the billing's id is primary (seed 001 §"Особый случай"), so a `--` id of these is
 * replaced once the billing's id is known; заявки and the two registration requests keep the
 * platform's id. `setIdType`: the `type` of `SetId` and of `DeletedItems` (seed 001 §"Присвоение Id"); cars have none.
 */
export const ENTITIES = {
  Resident: { schema: Person, setIdType: 'resident', idReplaceable: true },
  Account: { schema: Account, setIdType: 'account', idReplaceable: true },
  Counter: { schema: Counter, setIdType: 'counter', idReplaceable: true },
  Request: { schema: Request, setIdType: 'request', idReplaceable: false },
  Payment: { schema: Payment, setIdType: 'payment', idReplaceable: true },
  Obj: { schema: Obj, setIdType: 'object', idReplaceable: true },
  Doc: { schema: Doc, setIdType: undefined, idReplaceable: true },
  RequestToRegister: { schema: RequestToRegister, setIdType: 'requesttoregister', idReplaceable: false },
  RequestToObjectAdding: {
    schema: RequestToObjectAdding,
    setIdType: 'requesttoobjectadding',
    idReplaceable: false,
  },
  Car: { schema: Car, setIdType: undefined, idReplaceable: true },
} as const satisfies Record<
  string,
  { schema: z.ZodType; setIdType: string | undefined; idReplaceable: boolean }
>;

export type EntityName = keyof typeof ENTITIES;
export const ENTITY_NAMES = Object.keys(ENTITIES) as EntityName[];

/** A document's SetId/DeletedItems type is its `TypeName` (article, news, notice). */
export function setIdTypeOf(entity: EntityName, snapshot: { TypeName?: unknown }): string | undefined {
  if (entity === 'Doc') return typeof snapshot.TypeName === 'string' ? snapshot.TypeName : undefined;
  return ENTITIES[entity].setIdType;
}
