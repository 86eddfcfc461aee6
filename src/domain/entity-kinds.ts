import type { z } from 'zod';
import { Account } from './model/account.js';
import { Balance } from './model/balance.js';
import { Contract } from './model/contract.js';
import { House } from './model/house.js';
import { Meter } from './model/meter.js';
import { Payment } from './model/payment.js';
import { Premise } from './model/premise.js';
import { Reading } from './model/reading.js';
import { Receipt } from './model/receipt.js';
import { ReceiptFile, receiptFileKey } from './model/receipt-file.js';
import { Service } from './model/service.js';
import { Tariff } from './model/tariff.js';
import { Transaction } from './model/transaction.js';

/**
 * Every canonical kind the billing writes, with its URL segment and the stable key that identifies a
 * record within an organisation. Composite keys join their parts with "/" — the parts are keys or
 * formatted dates/periods, and a key containing "/" is still unambiguous because the arity is fixed.
 */
export interface EntityKind<S extends z.ZodType = z.ZodType> {
  name: string;
  plural: string;
  schema: S;
  keyOf(record: z.output<S>): string;
  /** Names of the fields the key is made of, in order (for docs and errors). */
  keyFields: readonly string[];
  description: string;
}

function kind<S extends z.ZodType>(k: EntityKind<S>): EntityKind<S> {
  return k;
}

export const entityKinds = {
  house: kind({
    name: 'house',
    plural: 'houses',
    schema: House,
    keyOf: (r) => r.id,
    keyFields: ['id'],
    description: 'Buildings',
  }),
  premise: kind({
    name: 'premise',
    plural: 'premises',
    schema: Premise,
    keyOf: (r) => r.id,
    keyFields: ['id'],
    description: 'Flats, parking spaces, storage rooms, commercial units',
  }),
  account: kind({
    name: 'account',
    plural: 'accounts',
    schema: Account,
    keyOf: (r) => r.number,
    keyFields: ['number'],
    description: 'Лицевые счета with their persons',
  }),
  service: kind({
    name: 'service',
    plural: 'services',
    schema: Service,
    keyOf: (r) => r.id,
    keyFields: ['id'],
    description: 'Services charged for',
  }),
  tariff: kind({
    name: 'tariff',
    plural: 'tariffs',
    schema: Tariff,
    keyOf: (r) => r.id,
    keyFields: ['id'],
    description: 'Tariffs',
  }),
  receipt: kind({
    name: 'receipt',
    plural: 'receipts',
    schema: Receipt,
    keyOf: (r) => `${r.accountNumber}/${r.period}/${r.category}`,
    keyFields: ['accountNumber', 'period', 'category'],
    description: 'Receipts: account × period × category, with service lines',
  }),
  receipt_file: kind({
    name: 'receipt_file',
    plural: 'receipt-files',
    schema: ReceiptFile,
    keyOf: receiptFileKey,
    keyFields: ['accountNumber', 'period', 'category', 'variant'],
    description: 'PDF receipts (base64): the full one and an optional public one without personal data',
  }),
  meter: kind({
    name: 'meter',
    plural: 'meters',
    schema: Meter,
    keyOf: (r) => r.id,
    keyFields: ['id'],
    description: 'Individual meters',
  }),
  reading: kind({
    name: 'reading',
    plural: 'readings',
    schema: Reading,
    keyOf: (r) => `${r.meterId}/${r.date}`,
    keyFields: ['meterId', 'date'],
    description: 'Meter readings, one per meter and date',
  }),
  payment: kind({
    name: 'payment',
    plural: 'payments',
    schema: Payment,
    keyOf: (r) => r.id,
    keyFields: ['id'],
    description: 'Payments',
  }),
  balance: kind({
    name: 'balance',
    plural: 'balances',
    schema: Balance,
    keyOf: (r) => `${r.accountNumber}/${r.serviceId}/${r.date}`,
    keyFields: ['accountNumber', 'serviceId', 'date'],
    description: 'Сальдо per account × service × date (positive = debt)',
  }),
  transaction: kind({
    name: 'transaction',
    plural: 'transactions',
    schema: Transaction,
    keyOf: (r) => r.id,
    keyFields: ['id'],
    description: 'Charges, payments and corrections (positive = debt grows)',
  }),
  contract: kind({
    name: 'contract',
    plural: 'contracts',
    schema: Contract,
    keyOf: (r) => r.id,
    keyFields: ['id'],
    description: 'is74 contracts: state, options, tariffs',
  }),
};
export type EntityKindName = keyof typeof entityKinds;
export const entityKindNames = Object.keys(entityKinds) as EntityKindName[];

export function kindByPlural(plural: string): EntityKind | undefined {
  return Object.values(entityKinds).find((k) => k.plural === plural) as EntityKind | undefined;
}

/**
 * What is referred to before what refers to it (a premise names its house, a receipt its account
 * and services): the order a directory is imported in and platforms are written to.
 */
export const DEPENDENCY_ORDER: readonly EntityKindName[] = [
  'house',
  'premise',
  'account',
  'service',
  'tariff',
  'meter',
  'reading',
  'receipt',
  'balance',
  'transaction',
  'payment',
  'contract',
];
