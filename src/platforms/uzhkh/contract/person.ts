import { z } from 'zod';
import { wire } from './wire-values.js';

/**
 * seed 001 §"Собственник" (`Resident`, and the items of `Account.Persons`). `IsEmployer`/`IsOwner`
 * and `ParentResidentId` are filled only inside an account; outside one they are `null`.
 */
export const Person = z.looseObject({
  Surname: wire.text,
  Name: wire.text,
  Patronymic: wire.text,
  UrCompanyName: wire.optText,
  Email: wire.optText,
  Phone: wire.optText,
  Id: wire.id,
  IsEmployer: wire.optBool,
  IsOwner: wire.optBool,
  ParentResidentId: wire.optText,
});
export type Person = z.output<typeof Person>;
