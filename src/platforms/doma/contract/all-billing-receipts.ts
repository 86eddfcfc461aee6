import { z } from 'zod';
import { DecimalString } from './decimal-string.js';
import { domaResponse } from './doma-errors.js';
import { listVariables } from './list-variables.js';

/**
 * The live receipts of our billing context, read back for a reconciliation (seed 000 §"Публикация
 * начислений": BillingReceipt is a list like any other; the real schema's `allBillingReceipts`).
 * `importId` is our key (receipt-to-doma.ts); `toPay` the total as the platform keeps it.
 */
export const ALL_BILLING_RECEIPTS_DOCUMENT = `query allBillingReceipts($where: BillingReceiptWhereInput, $first: Int, $skip: Int, $sortBy: [SortBillingReceiptsBy!]) {
  objs: allBillingReceipts(where: $where, first: $first, skip: $skip, sortBy: $sortBy) {
    id importId period toPay account { number }
  }
}`;

export const BillingReceiptWhere = z.object({
  context: z.object({ id: z.string() }),
  deletedAt: z.null(),
});

export const SortBillingReceiptsBy = z.enum(['id_ASC']);

export const AllBillingReceiptsVariables = listVariables(BillingReceiptWhere, SortBillingReceiptsBy);
export type AllBillingReceiptsVariables = z.infer<typeof AllBillingReceiptsVariables>;

export const DomaReceiptRow = z.object({
  id: z.string(),
  importId: z.string().nullable(),
  period: z.string().nullable(),
  toPay: DecimalString.nullable(),
  account: z.object({ number: z.string().nullable() }).nullable(),
});
export type DomaReceiptRow = z.infer<typeof DomaReceiptRow>;

export const AllBillingReceiptsData = z.object({ objs: z.array(DomaReceiptRow).nullable() });
export const AllBillingReceiptsResponse = domaResponse(AllBillingReceiptsData);
