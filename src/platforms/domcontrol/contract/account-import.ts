import { z } from 'zod';
import { wireId } from './wire-fields.js';

/**
 * The e-mail field as seed 002 §2 spells it in its table (`"email "`, with a space) and in its
 * example (`email`). We send the example's spelling; the sandbox takes both.
 */
export const ACCOUNT_EMAIL_FIELDS = ['email', 'email '] as const;
export type AccountEmailField = (typeof ACCOUNT_EMAIL_FIELDS)[number];

/**
 * seed 002 §2 "Загрузка списка лицевых счетов": one account of `accounts[]`. Every field is a string,
 * the share and the area too (the example: `"ownership": "50"`, `"square": "56.7"`); fields other
 * than the id and the number may be left out.
 */
export const WireAccount = z.object({
  id: wireId,
  name: wireId,
  address: z.string().optional(),
  full_name: z.string().optional(),
  ownership: z.string().optional(),
  square: z.string().optional(),
  cadastral: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  'email ': z.string().optional(),
});
export type WireAccount = z.infer<typeof WireAccount>;
