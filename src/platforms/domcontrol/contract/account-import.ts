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
 * the share and the area too (the example: `"ownership": "50"`, `"square": "56.7"`). Every field the
 * document lists is there — "" where the billing does not know it — and the e-mail under one of
 * its two spellings.
 */
export const WireAccount = z
  .object({
    id: wireId,
    name: wireId,
    address: z.string(),
    full_name: z.string(),
    ownership: z.string(),
    square: z.string(),
    cadastral: z.string(),
    phone: z.string(),
    email: z.string().optional(),
    'email ': z.string().optional(),
  })
  .refine((a) => a.email !== undefined || a['email '] !== undefined, {
    message: 'the e-mail ("email") is missing',
    path: ['email'],
  });
export type WireAccount = z.infer<typeof WireAccount>;
