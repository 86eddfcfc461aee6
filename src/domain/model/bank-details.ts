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
  const why = explainSettlementAccount(v.account, v.bik);
  if (why) {
    ctx.addIssue({
      code: 'custom',
      path: ['account'],
      message: `settlement account "${v.account}" does not match БИК ${v.bik}: ${why}`,
      params: { code: 'bank_account_key' },
    });
  }
  if (v.corrAccount === undefined) return;
  const whyCorr = explainCorrespondentAccount(v.corrAccount, v.bik);
  if (whyCorr) {
    ctx.addIssue({
      code: 'custom',
      path: ['corrAccount'],
      message: `correspondent account "${v.corrAccount}" does not match БИК ${v.bik}: ${whyCorr}`,
      params: { code: 'corr_account_key' },
    });
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
