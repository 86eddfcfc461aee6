import { z } from 'zod';
import { field } from './field.js';

/**
 * What residents do on a platform reaches the billing as an inbound record: a few normalised fields
 * the billing can act on, plus `source` — the platform's whole payload, kept as received so that no
 * detail is lost even when our model has no field for it.
 */
const envelope = {
  /** The platform's own id of the thing (stable across redeliveries: the inbox dedupes on it). */
  sourceId: field.key,
  accountNumber: field.accountNumber.optional(),
  occurredAt: field.instant.optional(),
  source: z.unknown(),
};

export const Ticket = z.object({
  ...envelope,
  number: z.string().max(100).optional(),
  title: z.string().max(500).optional(),
  text: z.string().max(20000).optional(),
  status: z.string().max(100).optional(),
});

export const Document = z.object({
  ...envelope,
  title: z.string().max(500).optional(),
  fileName: z.string().max(500).optional(),
  url: z.string().max(2000).optional(),
});

export const RegistrationRequest = z.object({
  ...envelope,
  fullName: z.string().max(300).optional(),
  phone: z.string().max(50).optional(),
  email: z.string().max(300).optional(),
  address: z.string().max(500).optional(),
});

export const ObjectAddingRequest = z.object({
  ...envelope,
  address: z.string().max(500).optional(),
  premiseNumber: z.string().max(50).optional(),
});

export const Car = z.object({
  ...envelope,
  plate: z.string().max(30).optional(),
  model: z.string().max(200).optional(),
});

/** Readings and payments that residents submit on a platform arrive the same way. */
export const InboundReading = z.object({
  ...envelope,
  meterId: field.key.optional(),
  meterNumber: z.string().max(100).optional(),
  date: field.date.optional(),
  value1: field.decimal.optional(),
  value2: field.decimal.optional(),
  value3: field.decimal.optional(),
  value4: field.decimal.optional(),
});

export const InboundPayment = z.object({
  ...envelope,
  amount: field.money.optional(),
  period: field.period.optional(),
});

/**
 * A meter the platform's staff created, changed, archived or deleted there (not one we sent): the
 * billing learns of it to add or retire the meter on its side. `sourceId` names the meter and its
 * version, so each change arrives once.
 */
export const InboundMeter = z.object({
  ...envelope,
  /** Our meter id when the platform's meter is one we sent. */
  meterId: field.key.optional(),
  platformMeterId: z.string().max(200).optional(),
  change: z.enum(['created', 'updated', 'archived', 'deleted']).optional(),
  meterNumber: z.string().max(100).optional(),
  resource: z.string().max(50).optional(),
  unitName: z.string().max(100).optional(),
  unitType: z.string().max(50).optional(),
  place: z.string().max(200).optional(),
  tariffCount: z.int().min(1).max(4).optional(),
  archiveDate: field.date.optional(),
});

export const inboundKinds = {
  reading: InboundReading,
  payment: InboundPayment,
  meter: InboundMeter,
  ticket: Ticket,
  document: Document,
  registration_request: RegistrationRequest,
  object_adding_request: ObjectAddingRequest,
  car: Car,
} as const;
export type InboundKind = keyof typeof inboundKinds;
