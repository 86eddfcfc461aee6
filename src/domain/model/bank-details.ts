import { z } from 'zod';
import {
  explainBik,
  explainCorrespondentAccount,
  explainInn,
  explainKpp,
  explainSettlementAccount,
} from '../validators/index.js';
import { checked } from './checked.js';
import { field } from './field.js';

/**
 * A recipient's bank account. The settlement account's key is checked against the БИК here, before
 * anything is sent: the Doma.ai seed warns that money paid to a wrong account bounces for 10 days.
 */
const bankAccountShape = {
  bik: checked('bik_invalid', explainBik),
  account: z.string().trim(),
  corrAccount: z.string().trim().optional(),
  bankName: field.text(200).optional(),
};

type BankFields = { bik: string; account: string; corrAccount?: string | undefined };

function checkKeys(v: BankFields, ctx: z.core.$RefinementCtx<BankFields>): void {
  const checks: Array<[string, string | undefined, typeof explainSettlementAccount, string, string]> = [
    ['account', v.account, explainSettlementAccount, 'settlement account', 'bank_account_key'],
    ['corrAccount', v.corrAccount, explainCorrespondentAccount, 'correspondent account', 'corr_account_key'],
  ];
  for (const [path, account, explain, label, code] of checks) {
    const why = account === undefined ? null : explain(account, v.bik);
    if (why) {
      ctx.addIssue({
        code: 'custom',
        path: [path],
        message: `${label} "${account}" does not match БИК ${v.bik}: ${why}`,
        params: { code },
      });
    }
  }
}

/**
 * A bank account of an organisation. The settlement account's key is checked against the БИК here,
 * before anything is sent: the Doma.ai seed warns that money paid to a wrong account bounces for 10 days.
 */
export const BankAccount = z.strictObject(bankAccountShape).superRefine(checkKeys);
export type BankAccount = z.output<typeof BankAccount>;

/** Who receives the money for a receipt: the organisation's ИНН/КПП and one of its bank accounts. */
export const Recipient = z
  .object({
    ...bankAccountShape,
    inn: checked('inn_invalid', explainInn),
    kpp: checked('kpp_invalid', explainKpp).optional(),
    name: field.text(300).optional(),
  })
  .superRefine(checkKeys);
export type Recipient = z.output<typeof Recipient>;
