import { z } from 'zod';
import { wire } from './wire-values.js';

/** seed 001 §"Заявка на добавление лицевого счёта" (`RequestToRegister`). */
export const RequestToRegister = z.looseObject({
  Id: wire.id,
  FlatId: wire.id,
  AccountNumber: wire.text,
  Surname: wire.text,
  Name: wire.text,
  Patronymic: wire.optText,
  Email: wire.text,
  Phone: wire.text,
});
export type RequestToRegister = z.output<typeof RequestToRegister>;
