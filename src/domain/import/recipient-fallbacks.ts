import type { Organization } from '../model/organization.js';

/**
 * The organization's first bank account as a receipt's recipient, for the receipts of an export
 * that has no bank columns (planColumns uses them only when no column or constant names any
 * recipient field). Empty when the organization has no bank account.
 */
export function recipientFallbacks(
  org: Pick<Organization, 'inn' | 'kpp' | 'name' | 'bankAccounts'>,
): Record<string, string> {
  const bank = org.bankAccounts[0];
  if (bank === undefined) return {};
  const out: Record<string, string> = {
    'recipient.inn': org.inn,
    'recipient.name': org.name,
    'recipient.bik': bank.bik,
    'recipient.account': bank.account,
  };
  if (org.kpp) out['recipient.kpp'] = org.kpp;
  if (bank.corrAccount) out['recipient.corrAccount'] = bank.corrAccount;
  if (bank.bankName) out['recipient.bankName'] = bank.bankName;
  return out;
}
