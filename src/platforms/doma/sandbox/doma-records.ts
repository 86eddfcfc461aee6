/**
 * The sandbox's records, shaped like the GraphQL types they answer as (relations are object
 * references), so the schema's default resolvers read them directly.
 */
export interface OrganizationRec {
  id: string;
  name: string;
  tin: string;
}

export interface ContextRec {
  id: string;
  /** `Finished` is the only status that lets a billing publish. */
  status: string;
  organization: OrganizationRec;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** `dv` and `sender` of the last write, as every condo model keeps them. */
export interface SenderRec {
  dv: number;
  fingerprint: string;
}

/** A house of an organization (condo's Property): receipts and readings are matched to it. */
export interface PropertyRec {
  id: string;
  organization: OrganizationRec;
  address: string;
  addressKey: string;
  /** ФИАС of the house, when known. */
  fias: string | null;
  /** Other spellings of the address the sandbox recognises. */
  aliases: string[];
  name: string | null;
  type: string;
  /** The address service's answer, as condo stores it (only what the sandbox knows). */
  addressMeta: {
    dv: number;
    value: string;
    unrestricted_value: string;
    data: { house_fias_id: string | null };
  };
  v: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface BillingPropertyRec {
  id: string;
  context: ContextRec;
  importId: string | null;
  globalId: string | null;
  address: string;
}

export interface BillingAccountRec {
  id: string;
  context: ContextRec;
  property: BillingPropertyRec;
  importId: string | null;
  number: string;
  globalId: string | null;
  unitName: string | null;
  unitType: string | null;
  fullName: string | null;
  isClosed: boolean | null;
  ownerType: string | null;
}

export interface StoredFile {
  id: string;
  filename: string;
  originalFilename: string;
  mimetype: string;
  publicUrl: string;
  size: number;
}

export interface ReceiptRec {
  id: string;
  context: ContextRec;
  property: BillingPropertyRec;
  account: BillingAccountRec;
  period: string;
  importId: string;
  category: { id: string; name: string };
  raw: unknown;
  toPay: string;
  toPayDetails: Record<string, string | null> | null;
  services: Array<Record<string, unknown>> | null;
  recipient: { tin: string; bic: string; bankAccount: string };
  file: ReceiptFileRec | null;
  /** Digest of what the billing sent: an equal digest means nothing changed, so no write. */
  content: string;
  v: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface ReceiptFileRec {
  id: string;
  context: ContextRec;
  receipt: ReceiptRec;
  importId: string | null;
  controlSum: string | null;
  /** md5 of the base64 string (registerBillingReceiptFile's change check). */
  md5: string | null;
  file: StoredFile | null;
  sensitiveDataFile: StoredFile | null;
  publicDataFile: StoredFile | null;
  v: number;
  createdAt: string;
  updatedAt: string;
  /** Set by `updateBillingReceiptFile(id, {deletedAt})` (seed 000): the file is gone from the receipt. */
  deletedAt: string | null;
  dv: number;
  sender: SenderRec | null;
}

export interface MeterRec {
  id: string;
  organization: OrganizationRec;
  property: PropertyRec;
  resource: { id: string; name: string; measure: string };
  number: string;
  accountNumber: string;
  unitName: string;
  unitType: string;
  numberOfTariffs: number;
  place: string | null;
  isAutomatic: boolean;
  installationDate: string | null;
  commissioningDate: string | null;
  verificationDate: string | null;
  nextVerificationDate: string | null;
  controlReadingsDate: string | null;
  sealingDate: string | null;
  archiveDate: string | null;
  meta: unknown;
  v: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  dv: number;
  /** Who wrote the meter last: our connector's fingerprint, or the CRM's when staff changed it. */
  sender: SenderRec;
}

export interface ReadingRec {
  id: string;
  meter: MeterRec;
  organization: OrganizationRec;
  date: string;
  value1: string | null;
  value2: string | null;
  value3: string | null;
  value4: string | null;
  accountNumber: string;
  source: { id: string; type: string; name: string };
  billingStatus: string | null;
  billingStatusText: string | null;
  dv: number;
  sender: { dv: number; fingerprint: string };
  v: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface PaymentRec {
  id: string;
  amount: string;
  explicitFee: string;
  explicitServiceCharge: string;
  implicitFee: string;
  serviceFee: string;
  advancedAt: string | null;
  depositedDate: string;
  transferDate: string | null;
  accountNumber: string;
  period: string | null;
  purpose: string | null;
  receipt: ReceiptRec | null;
  /** Payments for invoices (not receipts) have one; registries skip them. */
  invoice: { id: string } | null;
  organization: OrganizationRec;
  status: string;
  order: string | null;
  recipientBic: string | null;
  recipientBankAccount: string | null;
  rawAddress: string | null;
  importId: string | null;
  v: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}
