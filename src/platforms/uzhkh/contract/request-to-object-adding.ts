import { z } from 'zod';
import { wire } from './wire-values.js';

/** seed 001 §"Заявка на добавление объекта недвижимости" (`RequestToObjectAdding`). */
export const RequestToObjectAdding = z.looseObject({
  Id: wire.id,
  FlatId: wire.id,
  ResidentId: wire.id,
});
export type RequestToObjectAdding = z.output<typeof RequestToObjectAdding>;
