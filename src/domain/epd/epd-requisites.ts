import {
  explainBik,
  explainCorrespondentAccount,
  explainInn,
  explainKpp,
  explainSettlementAccount,
} from '../validators/index.js';
import { ValueError } from '../value-error.js';
import type { EpdDocument } from './epd-document.js';

/** A recipient requisite that would send money to the wrong place (or nowhere): `field` names it. */
export class EpdRequisitesError extends ValueError {
  readonly field: string;
  constructor(field: string, message: string) {
    super('epd_requisites', `${field}: ${message}`);
    this.name = 'EpdRequisitesError';
    this.field = field;
  }
}

export interface CheckedRecipient {
  name: string;
  inn: string;
  kpp?: string | undefined;
  bankName: string;
  bik: string;
  account: string;
  corrAccount: string;
}

/**
 * Every requisite a payment QR carries, present and passing its check (ИНН and КПП, БИК, the
 * settlement and correspondent account keys against the БИК) — domain.md «Check digits». The first
 * that fails throws, so no QR is ever drawn with it.
 */
export function checkEpdRequisites(recipient: EpdDocument['recipient']): CheckedRecipient {
  const { name, bankName, corrAccount } = recipient;
  const fail = (field: string, message: string): never => {
    throw new EpdRequisitesError(`recipient.${field}`, message);
  };
  if (!name?.trim())
    fail('name', 'the recipient has no name (neither the receipt nor the organisation gives one)');
  if (!bankName?.trim())
    fail(
      'bankName',
      'the bank name is missing (the receipt and the organisation’s matching bank account have none)',
    );
  if (!corrAccount?.trim())
    fail(
      'corrAccount',
      'the correspondent account is missing (the receipt and the organisation’s matching bank account have none)',
    );
  const checks: Array<[string, string | null]> = [
    ['inn', explainInn(recipient.inn)],
    ['kpp', recipient.kpp === undefined ? null : explainKpp(recipient.kpp)],
    ['bik', explainBik(recipient.bik)],
    ['account', explainSettlementAccount(recipient.account, recipient.bik)],
    ['corrAccount', explainCorrespondentAccount(corrAccount as string, recipient.bik)],
  ];
  for (const [field, why] of checks) {
    if (why) fail(field, `"${(recipient as Record<string, string>)[field]}" ${why}`);
  }
  return {
    ...recipient,
    name: name as string,
    bankName: bankName as string,
    corrAccount: corrAccount as string,
  };
}
