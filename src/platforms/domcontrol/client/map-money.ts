import type { Balance } from '../../../domain/model/balance.js';
import type { Transaction } from '../../../domain/model/transaction.js';
import { type JsonNumber, rublesOf } from '../contract/json-number.js';
import { toOneCDate } from '../contract/one-c-date.js';
import { type DomcontrolSigns, wireKopecks } from './domcontrol-signs.js';

/** seed 002 §5: a canonical balance as an item of `balances[]`, signed per `signs`. */
export function mapBalance(b: Balance, signs: DomcontrolSigns) {
  return {
    account: b.accountNumber,
    service: b.serviceId,
    date: toOneCDate(b.date),
    amount: rublesOf(wireKopecks(b.amount, signs)) as JsonNumber,
  };
}

/** seed 002 §6: a canonical transaction as an item of `transactions[]`; no service → left out. */
export function mapTransaction(t: Transaction, signs: DomcontrolSigns) {
  return {
    account: t.accountNumber,
    date: toOneCDate(t.date),
    amount: rublesOf(wireKopecks(t.amount, signs)) as JsonNumber,
    ...(t.serviceId === undefined ? {} : { service: t.serviceId }),
  };
}
