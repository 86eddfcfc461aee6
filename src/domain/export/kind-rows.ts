import type { ExportKind } from './export-kinds.js';
import { type InboxItem, problemOf, type RowOrProblem, sourceOf } from './export-row.js';
import { localDay } from './one-c-values.js';
import { FieldError, PayloadFields } from './payload-fields.js';

type Fields = Record<string, string | number | undefined>;

/**
 * Each export kind's fields read from an inbox item's payload — the same normalised names every
 * connector writes (Doma.ai readings and payments, «Умное ЖКХ» readings, payments, заявки and
 * registration requests) — and the day the row belongs to. A required field that is missing, or a
 * field that is there but unreadable, is a FieldError: the item is reported, not exported.
 */
const READERS: Record<
  ExportKind,
  (f: PayloadFields, e: InboxItem, tz: string) => { fields: Fields; day: string }
> = {
  readings(f) {
    const date = f.date('date');
    if (date === undefined) throw new FieldError('date', 'the reading has no date');
    const fields: Fields = {
      date,
      accountNumber: f.text('accountNumber'),
      meterNumber: f.text('meterNumber'),
      meterId: f.text('meterId'),
      value1: f.decimal('value1'),
      value2: f.decimal('value2'),
      value3: f.decimal('value3'),
      value4: f.decimal('value4'),
      occurredAt: f.instant('occurredAt'),
    };
    if (fields.value1 === undefined) throw new FieldError('value1', 'the reading has no value');
    if (fields.meterId === undefined && fields.meterNumber === undefined)
      throw new FieldError('meterNumber', 'the reading names no meter (neither meterId nor meterNumber)');
    // A reading belongs to the day it was taken, whenever it was sent.
    return { fields, day: date };
  },
  payments(f, e, tz) {
    const fields: Fields = {
      paymentId: f.text('paymentId') ?? e.sourceId,
      accountNumber: f.text('accountNumber'),
      paidAt: f.instant('occurredAt'),
      amount: f.kopecks('amountKopecks', 'amount'),
      period: f.period('period'),
    };
    if (fields.amount === undefined) throw new FieldError('amount', 'the payment has no amount');
    return { fields, day: localDay(String(fields.paidAt ?? e.receivedAt), tz) };
  },
  tickets(f, e, tz) {
    const fields: Fields = {
      number: f.text('number') ?? f.text('ticketId') ?? e.sourceId,
      createdAt: f.instant('occurredAt'),
      accountNumber: f.text('accountNumber'),
      status: f.text('status'),
      title: f.text('title'),
      text: f.text('text'),
    };
    return { fields, day: localDay(String(fields.createdAt ?? e.receivedAt), tz) };
  },
  registrations(f, e, tz) {
    const fields: Fields = {
      requestId: f.text('requestId') ?? e.sourceId,
      createdAt: f.instant('occurredAt') ?? e.receivedAt,
      accountNumber: f.text('accountNumber'),
      fullName: f.text('fullName'),
      phone: f.text('phone'),
      email: f.text('email'),
      address: f.text('address'),
    };
    return { fields, day: localDay(String(fields.createdAt), tz) };
  },
};

/** One inbox item → its export row, or the problem naming the item and the field. */
export function rowOf(kind: ExportKind, item: InboxItem, timeZone: string): RowOrProblem {
  try {
    const { fields, day } = READERS[kind](new PayloadFields(item.payload), item, timeZone);
    return { row: { sources: [sourceOf(item)], day, fields } };
  } catch (err) {
    if (err instanceof FieldError) return problemOf(item, err.field, err.message);
    throw err;
  }
}
