import { premiseAddress } from '../premise-address.js';
import type { EpdDocument } from './epd-document.js';
import { epdMeters } from './epd-meters.js';
import type { EpdSources } from './epd-sources.js';
import { payerName } from './payer-name.js';
import { paymentDueDate } from './payment-due-date.js';

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * The full ЕПД of a receipt. The recipient is the receipt's; its name, bank name and correspondent
 * account, when the receipt leaves them out, come from the organisation (its name, and the bank
 * account with the same number). Receipt-level totals are taken as the billing stated them, else
 * summed from the lines.
 */
export function epdDocumentOf(src: EpdSources): EpdDocument {
  const { receipt, organization, account, premise, house } = src;
  const r = receipt.recipient;
  const bank = organization.bankAccounts.find((b) => b.account === r.account && b.bik === r.bik);
  const fullName = account ? payerName(account) : undefined;
  const area = account?.area ?? premise?.area;
  return {
    variant: 'full',
    accountNumber: receipt.accountNumber,
    period: receipt.period,
    category: receipt.category,
    payer: {
      ...(fullName ? { fullName } : {}),
      isCompany: account?.ownerType === 'company',
      ...(house && premise ? { address: premiseAddress(house, premise) } : {}),
      ...(account?.els ? { els: account.els } : {}),
      ...(area ? { area } : {}),
      ...(account?.residentsCount !== undefined ? { residentsCount: account.residentsCount } : {}),
    },
    recipient: {
      name: r.name ?? organization.name,
      inn: r.inn,
      ...(r.kpp ? { kpp: r.kpp } : {}),
      ...((r.bankName ?? bank?.bankName) ? { bankName: r.bankName ?? bank?.bankName } : {}),
      bik: r.bik,
      account: r.account,
      ...((r.corrAccount ?? bank?.corrAccount) ? { corrAccount: r.corrAccount ?? bank?.corrAccount } : {}),
      ...(organization.phone ? { phone: organization.phone } : {}),
      ...(organization.email ? { email: organization.email } : {}),
    },
    summary: {
      ...(receipt.balance !== undefined ? { balance: receipt.balance } : {}),
      ...(receipt.paid !== undefined ? { paid: receipt.paid } : {}),
      ...(receipt.penalty !== undefined ? { penalty: receipt.penalty } : {}),
      charge: receipt.charge ?? sum(receipt.lines.map((l) => l.charge)),
      privilege: receipt.privilege ?? sum(receipt.lines.map((l) => l.privilege)),
      recalculation: receipt.recalculation ?? sum(receipt.lines.map((l) => l.recalculation)),
      toPay: receipt.toPay,
    },
    dueDate: paymentDueDate(receipt.period),
    lines: receipt.lines,
    meters: epdMeters(receipt.period, src.meters, src.readings),
  };
}
