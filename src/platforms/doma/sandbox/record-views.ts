import type { MeterRec, PaymentRec, ReadingRec, ReceiptFileRec, ReceiptRec } from './doma-records.js';

/**
 * Flat JSON views of records for the admin routes and tests (records reference each other, so they
 * cannot be serialised as they are).
 */
export const receiptView = (r: ReceiptRec) => ({
  id: r.id,
  contextId: r.context.id,
  importId: r.importId,
  period: r.period,
  accountNumber: r.account.number,
  accountGlobalId: r.account.globalId,
  address: r.property.address,
  unitName: r.account.unitName,
  fullName: r.account.fullName,
  categoryId: r.category.id,
  toPay: r.toPay,
  toPayDetails: r.toPayDetails,
  services: r.services,
  recipient: r.recipient,
  fileId: r.file?.id ?? null,
  v: r.v,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  deleted: r.deletedAt !== null,
});
export type ReceiptView = ReturnType<typeof receiptView>;

export const receiptFileView = (f: ReceiptFileRec) => ({
  id: f.id,
  contextId: f.context.id,
  receiptId: f.receipt.id,
  importId: f.importId,
  controlSum: f.controlSum,
  md5: f.md5,
  sensitiveDataFile: f.sensitiveDataFile,
  publicDataFile: f.publicDataFile,
  deleted: f.deletedAt !== null,
  v: f.v,
});
export type ReceiptFileView = ReturnType<typeof receiptFileView>;

export const meterView = (m: MeterRec) => ({
  id: m.id,
  organizationId: m.organization.id,
  propertyId: m.property.id,
  address: m.property.address,
  resourceId: m.resource.id,
  number: m.number,
  accountNumber: m.accountNumber,
  unitType: m.unitType,
  unitName: m.unitName,
  numberOfTariffs: m.numberOfTariffs,
  place: m.place,
  verificationDate: m.verificationDate,
  nextVerificationDate: m.nextVerificationDate,
  installationDate: m.installationDate,
  archiveDate: m.archiveDate,
  isAutomatic: m.isAutomatic,
  fingerprint: m.sender.fingerprint,
  deleted: m.deletedAt !== null,
  v: m.v,
  updatedAt: m.updatedAt,
});
export type MeterView = ReturnType<typeof meterView>;

export const readingView = (r: ReadingRec) => ({
  id: r.id,
  meterId: r.meter.id,
  organizationId: r.organization.id,
  date: r.date,
  values: [r.value1, r.value2, r.value3, r.value4],
  accountNumber: r.accountNumber,
  sourceType: r.source.type,
  fingerprint: r.sender.fingerprint,
  createdAt: r.createdAt,
});
export type ReadingView = ReturnType<typeof readingView>;

export const paymentView = (p: PaymentRec) => ({
  id: p.id,
  organizationId: p.organization.id,
  receiptId: p.receipt?.id ?? null,
  amount: p.amount,
  implicitFee: p.implicitFee,
  explicitFee: p.explicitFee,
  status: p.status,
  order: p.order,
  accountNumber: p.accountNumber,
  rawAddress: p.rawAddress,
  period: p.period,
  depositedDate: p.depositedDate,
  transferDate: p.transferDate,
  invoice: p.invoice !== null,
  deleted: p.deletedAt !== null,
});
export type PaymentView = ReturnType<typeof paymentView>;
