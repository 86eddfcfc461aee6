import { z } from 'zod';
import { Person } from './person.js';
import { wire } from './wire-values.js';

/** seed 001 §"Лицевой счёт" (`Account`), with its persons (tenants `IsEmployer`, owners `IsOwner`). */
export const Account = z.looseObject({
  Id: wire.id,
  AccountNumber: wire.text,
  IsActive: wire.bool,
  ApartmentID: wire.id,
  TypeObject: wire.text,
  DateTimeOpen: wire.optDateTime,
  DateTimeClose: wire.optDateTime,
  SpelledOutPerson: wire.optInt,
  RegisteredPerson: wire.optInt,
  LivingPerson: wire.optInt,
  RelatedAccountId: wire.optText,
  Balance: wire.money,
  Persons: z.array(Person).nullish(),
});
export type Account = z.output<typeof Account>;
