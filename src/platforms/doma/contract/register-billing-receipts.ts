import { z } from 'zod';
import { DecimalString, OptionalDecimal } from './decimal-string.js';
import { domaResponse } from './doma-errors.js';
import { Sender } from './sender.js';

/**
 * Publishes receipts (seed 000 §"Публикация начислений"). The answer is in input order: a receipt, or
 * `null` with an `errors[]` entry whose path is `['result', index]` (NOTES.md).
 */
export const REGISTER_BILLING_RECEIPTS_DOCUMENT = `mutation registerBillingReceipts($data: RegisterBillingReceiptsInput!) {
  result: registerBillingReceipts(data: $data) { id importId period toPay v createdAt updatedAt }
}`;

/** The alias of the mutation's answer, the first element of each item error's `path`. */
export const RESULT_ALIAS = 'result';

const ToPayDetails = z.object({
  formula: z.string().nullable().optional(),
  charge: OptionalDecimal,
  balance: OptionalDecimal,
  recalculation: OptionalDecimal,
  privilege: OptionalDecimal,
  penalty: OptionalDecimal,
  paid: OptionalDecimal,
  volume: OptionalDecimal,
  tariff: OptionalDecimal,
  measure: z.string().nullable().optional(),
});

export const ReceiptService = z.object({
  id: z.string().nullable().optional(),
  name: z.string().min(1),
  toPay: DecimalString,
  toPayDetails: ToPayDetails.nullable().optional(),
});
export type ReceiptService = z.infer<typeof ReceiptService>;

export const ReceiptInput = z.object({
  importId: z.string().min(1).optional(),
  address: z.string().min(1),
  addressMeta: z
    .object({
      globalId: z.string().optional(),
      importId: z.string().optional(),
      unitName: z.string().optional(),
      unitType: z.string().optional(),
    })
    .optional(),
  accountNumber: z.string().min(1),
  accountMeta: z
    .object({
      globalId: z.string().optional(),
      importId: z.string().optional(),
      fullName: z.string().optional(),
      isClosed: z.boolean().optional(),
      ownerType: z.enum(['person', 'company']).optional(),
    })
    .optional(),
  toPay: DecimalString,
  toPayDetails: ToPayDetails.optional(),
  services: z.array(ReceiptService).optional(),
  category: z.object({ id: z.string() }).optional(),
  month: z.number().int(),
  year: z.number().int(),
  tin: z.string(),
  routingNumber: z.string(),
  bankAccount: z.string(),
  raw: z.unknown().optional(),
});
export type ReceiptInput = z.infer<typeof ReceiptInput>;

export const RegisterBillingReceiptsVariables = z.object({
  data: z.object({
    dv: z.literal(1),
    sender: Sender,
    context: z.object({ id: z.string() }),
    receipts: z.array(ReceiptInput),
  }),
});
export type RegisterBillingReceiptsVariables = z.infer<typeof RegisterBillingReceiptsVariables>;

export const RegisteredReceipt = z.object({
  id: z.string(),
  importId: z.string().nullable(),
  /** `YYYY-MM-01`. */
  period: z.string(),
  /** With 8 decimals. */
  toPay: DecimalString,
  v: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RegisteredReceipt = z.infer<typeof RegisteredReceipt>;

export const RegisterBillingReceiptsData = z.object({
  result: z.array(RegisteredReceipt.nullable()).nullable(),
});
export const RegisterBillingReceiptsResponse = domaResponse(RegisterBillingReceiptsData);
export type RegisterBillingReceiptsResponse = z.infer<typeof RegisterBillingReceiptsResponse>;
