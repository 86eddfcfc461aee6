import { z } from 'zod';
import { field } from '../model/field.js';
import { MeterResource } from '../model/meter.js';
import { ReceiptLine } from '../model/receipt.js';

export const EpdVariant = z.enum(['full', 'public']);
export type EpdVariant = z.output<typeof EpdVariant>;

const EpdReading = z.strictObject({
  date: field.date,
  values: z.array(field.decimal).min(1).max(4),
});

/** A row of section 4 (meter readings): the meter and its two latest readings up to the period's end. */
export const EpdMeter = z.strictObject({
  resource: MeterResource,
  number: field.text(100),
  place: field.text(200).optional(),
  previous: EpdReading.optional(),
  current: EpdReading.optional(),
});
export type EpdMeter = z.output<typeof EpdMeter>;

/**
 * Everything one ЕПД shows (Приказ Минстроя № 43/пр, domain.md «ЕПД»), assembled from the canonical
 * receipt, its account, premise and house, the organisation, and the account's meters and readings.
 * Requisites are carried as the billing wrote them: they are checked where the payment QR is built,
 * so a wrong one stops the document with the field named. Money in kopecks (rubles on the API).
 */
export const EpdDocument = z.strictObject({
  variant: EpdVariant,
  accountNumber: field.key.max(30),
  period: field.period,
  category: field.text(100),
  payer: z.strictObject({
    /** ФИО (or a company's name); never in the public variant. */
    fullName: field.text(300).optional(),
    isCompany: z.boolean().default(false),
    address: field.text(600).optional(),
    els: z.string().optional(),
    area: field.decimal.optional(),
    residentsCount: z.int().min(0).optional(),
  }),
  recipient: z.strictObject({
    name: z.string().optional(),
    inn: z.string(),
    kpp: z.string().optional(),
    bankName: z.string().optional(),
    bik: z.string(),
    account: z.string(),
    corrAccount: z.string().optional(),
    phone: z.string().optional(),
    email: z.string().optional(),
  }),
  summary: z.strictObject({
    /** Debt at the period's start (canonical sign: positive = owed, negative = advance). */
    balance: field.money.optional(),
    paid: field.money.optional(),
    penalty: field.money.optional(),
    charge: field.money,
    privilege: field.money,
    recalculation: field.money,
    toPay: field.money,
  }),
  dueDate: field.date,
  lines: z.array(ReceiptLine),
  meters: z.array(EpdMeter),
});
export type EpdDocument = z.output<typeof EpdDocument>;
