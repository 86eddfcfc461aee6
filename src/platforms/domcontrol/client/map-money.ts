import type { Balance } from '../../../domain/model/balance.js';
import type { Transaction } from '../../../domain/model/transaction.js';
import { type JsonNumber, rublesOf } from '../contract/json-number.js';
import { toOneCDate } from '../contract/one-c-date.js';
import type { DomcontrolSettings } from './domcontrol-settings.js';
import { type DomcontrolSigns, wireKopecks } from './domcontrol-signs.js';
import { MappingRefusal } from './mapping-refusal.js';

/** seed 002 §5: a canonical balance as an item of `balances[]`, signed per `signs`. */
export function mapBalance(b: Balance, signs: DomcontrolSigns) {
  return {
    account: b.accountNumber,
    service: b.serviceId,
    date: toOneCDate(b.date),
    amount: rublesOf(wireKopecks(b.amount, signs)) as JsonNumber,
  };
}

/**
 * seed 002 §6: a canonical transaction as an item of `transactions[]`. The import lists `service`
 * with every transaction: one without a service takes the connection's `defaultTransactionService`,
 * else it is refused here (`service_missing`) rather than sent without one.
 */
export function mapTransaction(
  t: Transaction,
  settings: Pick<DomcontrolSettings, 'signs' | 'defaultTransactionService'>,
) {
  const service = t.serviceId ?? settings.defaultTransactionService;
  if (service === undefined) {
    return new MappingRefusal(
      'service_missing',
      `transaction ${t.id} names no service and the connection has no defaultTransactionService; DomControl's transactions import takes a service with each`,
    );
  }
  return {
    account: t.accountNumber,
    date: toOneCDate(t.date),
    amount: rublesOf(wireKopecks(t.amount, settings.signs)) as JsonNumber,
    service,
  };
}
