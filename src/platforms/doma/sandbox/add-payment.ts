import { z } from 'zod';
import { DomaPaymentStatus } from '../contract/payment-status.js';
import { toDecimal8 } from './decimal8.js';
import type { PaymentRec } from './doma-records.js';
import type { DomaStore } from './doma-store.js';

const Money = z.string().refine((v) => toDecimal8(v) !== undefined, 'a decimal string');

/** A resident's payment through the app, as the admin route and the test handle take it. */
export const PaymentSeed = z.object({
  organizationId: z.string(),
  amount: Money,
  /** The УК's fee, included in amount. */
  implicitFee: Money.default('0'),
  explicitFee: Money.default('0'),
  status: DomaPaymentStatus.default('DONE'),
  /** Links the receipt paid (its account, period and address fill the payment's when not given). */
  receiptId: z.string().optional(),
  receiptImportId: z.string().optional(),
  accountNumber: z.string().optional(),
  rawAddress: z.string().optional(),
  period: z.string().optional(),
  purpose: z.string().optional(),
  depositedDate: z.string().datetime().optional(),
  transferDate: z.string().datetime().nullable().optional(),
  /** Payment order number of the transfer to the УК. */
  order: z.string().nullable().optional(),
  /** A payment for an invoice (not a receipt): registries skip it. */
  invoice: z.boolean().default(false),
  deleted: z.boolean().default(false),
});
export type PaymentSeed = z.input<typeof PaymentSeed>;

/** Stores a payment; throws a readable error for bad input or an unknown organization/receipt. */
export function addPayment(store: DomaStore, input: PaymentSeed): PaymentRec {
  const p = PaymentSeed.parse(input);
  const organization = store.organizations.get(p.organizationId);
  if (!organization) throw new Error(`payment: organization ${p.organizationId} not found`);
  const receipt =
    p.receiptId !== undefined
      ? store.receipts.get(p.receiptId)
      : p.receiptImportId !== undefined
        ? [...store.receipts.values()].find(
            (r) => r.importId === p.receiptImportId && r.context.organization === organization,
          )
        : undefined;
  if ((p.receiptId ?? p.receiptImportId) !== undefined && !receipt)
    throw new Error('payment: receipt not found');
  const accountNumber = p.accountNumber ?? receipt?.account.number;
  if (!accountNumber) throw new Error('payment: accountNumber or a receipt is required');
  const now = store.nowIso();
  const rec: PaymentRec = {
    id: store.newId(),
    amount: toDecimal8(p.amount) as string,
    implicitFee: toDecimal8(p.implicitFee) as string,
    explicitFee: toDecimal8(p.explicitFee) as string,
    explicitServiceCharge: '0.00000000',
    serviceFee: '0.00000000',
    advancedAt: null,
    depositedDate: p.depositedDate ?? now,
    transferDate: p.transferDate === undefined ? (p.status === 'DONE' ? now : null) : p.transferDate,
    accountNumber,
    period: p.period ?? receipt?.period ?? null,
    purpose: p.purpose ?? null,
    receipt: receipt ?? null,
    invoice: p.invoice ? { id: store.newId() } : null,
    organization,
    status: p.status,
    order: p.order ?? null,
    recipientBic: receipt?.recipient.bic ?? null,
    recipientBankAccount: receipt?.recipient.bankAccount ?? null,
    rawAddress:
      p.rawAddress ?? (receipt ? receiptAddress(receipt.property.address, receipt.account.unitName) : null),
    importId: null,
    v: 1,
    createdAt: now,
    updatedAt: now,
    deletedAt: p.deleted ? now : null,
  };
  store.payments.set(rec.id, rec);
  return rec;
}

function receiptAddress(house: string, unitName: string | null): string {
  return unitName ? `${house}, кв. ${unitName}` : house;
}
