import { z } from 'zod';
import { DecimalString } from './decimal-string.js';
import { domaResponse } from './doma-errors.js';
import { IdFilter, listVariables } from './list-variables.js';
import { DomaPaymentStatus } from './payment-status.js';

/**
 * Residents' payments for a bank registry (seed 000 §"Получение реестров платежей через АПИ"). The
 * seed writes `allPayments(data: $data)`; the real argument is `where` (condo schema). `order` is the
 * payment order number a registry is grouped by; `implicitFee` is included in `amount`.
 */
export const ALL_PAYMENTS_DOCUMENT = `query allPayments($where: PaymentWhereInput, $first: Int, $skip: Int, $sortBy: [SortPaymentsBy!]) {
  objs: allPayments(where: $where, first: $first, skip: $skip, sortBy: $sortBy) {
    id amount explicitFee implicitFee serviceFee depositedDate transferDate accountNumber period purpose
    rawAddress status order importId recipientBic recipientBankAccount createdAt
    receipt { id importId } organization { id }
  }
}`;

export const PaymentWhere = z.object({
  organization: IdFilter.optional(),
  status: DomaPaymentStatus.optional(),
  status_in: z.array(DomaPaymentStatus).optional(),
  invoice_is_null: z.boolean().optional(),
  order: z.string().optional(),
  transferDate_gte: z.string().optional(),
  transferDate_lt: z.string().optional(),
  createdAt_gt: z.string().optional(),
  deletedAt: z.null().optional(),
});
export type PaymentWhere = z.infer<typeof PaymentWhere>;

export const SortPaymentsBy = z.enum(['id_ASC', 'transferDate_ASC', 'depositedDate_ASC', 'createdAt_ASC']);

export const AllPaymentsVariables = listVariables(PaymentWhere, SortPaymentsBy);
export type AllPaymentsVariables = z.infer<typeof AllPaymentsVariables>;

export const DomaPayment = z.object({
  id: z.string(),
  amount: DecimalString,
  explicitFee: DecimalString.nullable(),
  implicitFee: DecimalString.nullable(),
  serviceFee: DecimalString.nullable(),
  /** UTC, when the resident paid. */
  depositedDate: z.string().nullable(),
  /** UTC, when the money was transferred to the УК. */
  transferDate: z.string().nullable(),
  accountNumber: z.string().nullable(),
  period: z.string().nullable(),
  purpose: z.string().nullable(),
  rawAddress: z.string().nullable(),
  status: DomaPaymentStatus,
  order: z.string().nullable(),
  importId: z.string().nullable(),
  recipientBic: z.string().nullable(),
  recipientBankAccount: z.string().nullable(),
  createdAt: z.string(),
  receipt: z.object({ id: z.string(), importId: z.string().nullable() }).nullable(),
  organization: z.object({ id: z.string() }).nullable(),
});
export type DomaPayment = z.infer<typeof DomaPayment>;

export const AllPaymentsData = z.object({ objs: z.array(DomaPayment).nullable() });
export const AllPaymentsResponse = domaResponse(AllPaymentsData);
export type AllPaymentsResponse = z.infer<typeof AllPaymentsResponse>;
