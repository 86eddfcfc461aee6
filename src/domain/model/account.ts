import { z } from 'zod';
import { explainEls } from '../validators/index.js';
import { checked } from './checked.js';
import { field } from './field.js';

/** Someone attached to a лицевой счёт; owners and tenants are flags because a person can be both. */
export const Person = z.strictObject({
  id: field.key.optional(),
  fullName: field.text(300),
  isOwner: z.boolean().default(false),
  isTenant: z.boolean().default(false),
  /** Ownership share as an exact fraction string ("1/2") or decimal ("0.5"). */
  share: z
    .string()
    .regex(/^([1-9]\d*\/[1-9]\d*|\d+(\.\d+)?)$/, 'a fraction "1/2" or a decimal "0.5"')
    .optional(),
  birthDate: field.date.optional(),
  phones: z.array(field.phone).max(10).default([]),
  emails: z.array(field.email).max(10).default([]),
});
export type Person = z.output<typeof Person>;

/** A лицевой счёт. Its number is its key: billings and every platform know it by that number. */
export const Account = z.strictObject({
  number: field.accountNumber,
  /** ЕЛС — the ГИС ЖКХ single account number, when the billing has it. */
  els: checked('els_invalid', explainEls).optional(),
  premiseId: field.key,
  ownerName: field.text(300).optional(),
  ownerType: z.enum(['person', 'company']).default('person'),
  state: z.enum(['open', 'closed']).default('open'),
  openedOn: field.date.optional(),
  closedOn: field.date.optional(),
  /** Area the charges are computed on, m² (may differ from the premise's when a share is owned). */
  area: field.decimal.optional(),
  residentsCount: z.int().min(0).max(1000).optional(),
  persons: z.array(Person).max(100).default([]),
  phones: z.array(field.phone).max(10).default([]),
  emails: z.array(field.email).max(10).default([]),
});
export type Account = z.output<typeof Account>;
