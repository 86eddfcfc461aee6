import { z } from 'zod';

/** seed 001 §"Получение информации об удалённых объектах", item types. */
export const DELETED_TYPES = [
  'counter',
  'resident',
  'payment',
  'account',
  'request',
  'object',
  'article',
  'news',
  'notice',
  'requesttoobjectadding',
  'requesttoregister',
] as const;

/** One entry of `To1c/DeletedItems`; `Id` is the billing's id, or the platform's `--` id if none was set. */
export const DeletedItem = z.looseObject({
  Guid: z.string().min(1),
  Id: z.union([z.string(), z.number()]).transform(String),
  Type: z.string().min(1),
});
export type DeletedItem = z.output<typeof DeletedItem>;

export const DeletedItems = z.array(z.unknown());
