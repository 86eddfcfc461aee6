import { z } from 'zod';

/**
 * seed 003 §"CallBack": `POST {core}/api/v1/mb/callback/contract` with `{ext_id}` (one contract) or
 * `{user_ext_id}` (every contract of a user); `POST {core}/api/v1/mb/callback/charge` with
 * `{user_ext_id}`. HTTP Basic auth.
 */
export const ContractCallback = z.union([
  z.strictObject({ ext_id: z.string().min(1) }),
  z.strictObject({ user_ext_id: z.string().min(1) }),
]);
export type ContractCallback = z.infer<typeof ContractCallback>;

export const ChargeCallback = z.strictObject({ user_ext_id: z.string().min(1) });
export type ChargeCallback = z.infer<typeof ChargeCallback>;
