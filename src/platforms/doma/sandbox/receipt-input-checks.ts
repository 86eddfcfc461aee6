import { DOMA_DEFAULT_CATEGORY_ID } from '../contract/billing-categories.js';
import { DomaErrorCode, DomaErrorType } from '../contract/doma-errors.js';
import { knownCategories } from './known-categories.js';
import { decimalFieldsOf } from './normalize-receipt.js';
import { gqlError, type SandboxError } from './sandbox-error.js';

/** One receipt of registerBillingReceipts as GraphQL coerced it (absent and null optional fields alike). */
export interface ReceiptArg {
  importId?: string | null;
  address: string;
  addressMeta?: {
    globalId?: string | null;
    importId?: string | null;
    unitName?: string | null;
    unitType?: string | null;
  } | null;
  accountNumber: string;
  accountMeta?: {
    globalId?: string | null;
    importId?: string | null;
    fullName?: string | null;
    isClosed?: boolean | null;
    ownerType?: string | null;
  } | null;
  toPay: string;
  toPayDetails?: Record<string, string | null | undefined> | null;
  services?: Array<{
    id?: string | null;
    name: string;
    toPay: string;
    toPayDetails?: Record<string, string | null | undefined> | null;
  } | null> | null;
  category?: { id: string } | null;
  month: number;
  year: number;
  tin: string;
  routingNumber: string;
  bankAccount: string;
  raw?: unknown;
}

/** What a valid receipt resolves to before anything is written. */
export interface CheckedReceipt {
  /** `YYYY-MM-01`; month 0 is December of the year before, as the platform (wrongly) accepts it. */
  period: string;
  categoryId: string;
  accountNumber: string;
}

const fail = (type: string, message: string, inputIndex: number): SandboxError =>
  gqlError(DomaErrorCode.badUserInput, type, message, { inputIndex });

/** Account numbers are cleaned of "л/с", "лс" and "№" (NOTES.md). */
export function cleanAccountNumber(raw: string): string {
  return raw.replace(/л\/с|лс|№/gi, '').trim();
}

/**
 * The checks the platform makes before saving anything, first failure wins. Errors carry the receipt's
 * `inputIndex` in their extensions.
 */
export function checkReceipt(r: ReceiptArg, index: number): CheckedReceipt | SandboxError {
  if (!Number.isInteger(r.month) || r.month < 0 || r.month > 12) {
    return fail(DomaErrorType.wrongMonth, `Month should be in range 1..12, got ${r.month}`, index);
  }
  if (!Number.isInteger(r.year) || r.year < 1000 || r.year > 9999) {
    return fail(DomaErrorType.wrongYear, `Year should be 4 digits, got ${r.year}`, index);
  }
  const categoryId = r.category?.id ?? DOMA_DEFAULT_CATEGORY_ID;
  if (!knownCategories.has(categoryId)) {
    return fail(DomaErrorType.billingCategoryNotFound, `Billing category ${categoryId} not found`, index);
  }
  if (!/\d/.test(r.address) && !r.addressMeta?.globalId) {
    return fail(DomaErrorType.addressNotRecognized, `Address "${r.address}" is not recognized`, index);
  }
  if (
    !/^(\d{10}|\d{12})$/.test(r.tin) ||
    !/^\d{9}$/.test(r.routingNumber) ||
    !/^\d{20}$/.test(r.bankAccount)
  ) {
    return fail(
      DomaErrorType.recipientSaveFailed,
      'Recipient is invalid: check tin, routingNumber, bankAccount',
      index,
    );
  }
  const accountNumber = cleanAccountNumber(r.accountNumber);
  if (accountNumber === '') return fail(DomaErrorType.accountSaveFailed, 'Account number is empty', index);
  const bad = decimalFieldsOf(r).find(
    ([, v]) => v !== undefined && v !== null && !/^\s*-?\d+([.,]\d*)?\s*$/.test(v),
  );
  if (bad) return fail('WRONG_DECIMAL_FORMAT', `${bad[0]}: "${bad[1]}" is not a decimal`, index);
  const year = r.month === 0 ? r.year - 1 : r.year;
  const month = r.month === 0 ? 12 : r.month;
  return { period: `${year}-${String(month).padStart(2, '0')}-01`, categoryId, accountNumber };
}
