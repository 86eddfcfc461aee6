import { z } from 'zod';
import { explainInn, explainKpp, explainOgrn } from '../validators/index.js';
import { BankAccount } from './bank-details.js';
import { checked } from './checked.js';
import { field } from './field.js';

/** A management company (УК, ТСЖ) or a billing centre's client; `id` is the slug used in API paths. */
export const Organization = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'lowercase latin letters, digits, "-" and "_", 1–63 characters'),
  name: field.text(300),
  inn: checked('inn_invalid', explainInn),
  kpp: checked('kpp_invalid', explainKpp).optional(),
  ogrn: checked('ogrn_invalid', explainOgrn).optional(),
  bankAccounts: z.array(BankAccount).max(50).default([]),
  phone: field.phone.optional(),
  email: field.email.optional(),
});
export type Organization = z.output<typeof Organization>;
