/**
 * The output types we read, with only the fields we select (our own subset of the platform's; the
 * contract test checks each field against the platform's schema).
 */
export const objectTypesSdl = /* GraphQL */ `
type User {
  id: ID!
  name: String
}

type SenderField {
  dv: Int!
  fingerprint: String!
}

type Organization {
  id: ID!
  name: String
  tin: String
}

type Property {
  id: ID!
  organization: Organization
  name: String
  address: String
  addressKey: String
  addressMeta: AddressMetaField
  v: Int
  createdAt: String
  updatedAt: String
  deletedAt: String
}

type AddressMetaField {
  dv: Int
  value: String!
  unrestricted_value: String!
  data: AddressMetaDataField!
}

type AddressMetaDataField {
  house_fias_id: String
}

type BillingIntegrationOrganizationContext {
  id: ID!
  status: String
  organization: Organization
  deletedAt: String
}

type BillingCategory {
  id: ID!
  name: String
}

type BillingAccount {
  id: ID!
  importId: String
  number: String
  globalId: String
  unitName: String
  unitType: BillingAccountUnitTypeType
  fullName: String
  isClosed: Boolean
  ownerType: BillingAccountOwnerTypeType
}

type BillingProperty {
  id: ID!
  importId: String
  globalId: String
  address: String
}

type BillingReceipt {
  id: ID!
  context: BillingIntegrationOrganizationContext
  property: BillingProperty
  account: BillingAccount
  period: String
  importId: String
  category: BillingCategory
  raw: JSON
  toPay: String
  toPayDetails: BillingReceiptToPayDetailsField
  services: [BillingReceiptServiceField!]
  recipient: BillingReceiptsRecipientField
  file: BillingReceiptFile
  v: Int
  createdAt: String
  updatedAt: String
  deletedAt: String
}

type BillingReceiptToPayDetailsField {
  formula: String
  charge: String
  balance: String
  recalculation: String
  privilege: String
  penalty: String
  paid: String
}

type BillingReceiptServiceField {
  id: String
  name: String!
  toPay: String!
  toPayDetails: BillingReceiptServiceToPayDetailsField
}

type BillingReceiptServiceToPayDetailsField {
  formula: String
  charge: String
  balance: String
  recalculation: String
  privilege: String
  penalty: String
  paid: String
  volume: String
  tariff: String
  measure: String
}

type BillingReceiptsRecipientField {
  tin: String!
  bic: String!
  bankAccount: String!
}

type File {
  id: ID
  filename: String
  originalFilename: String
  mimetype: String
  publicUrl: String
}

type BillingReceiptFile {
  id: ID!
  file: File
  sensitiveDataFile: File
  publicDataFile: File
  context: BillingIntegrationOrganizationContext
  receipt: BillingReceipt
  controlSum: String
  importId: String
  v: Int
  createdAt: String
  updatedAt: String
  deletedAt: String
  dv: Int
  sender: SenderField
}

type MeterResource {
  id: ID!
  name: String
  measure: String
}

type MeterReadingSource {
  id: ID!
  type: MeterReadingSourceTypeType
  name: String
}

type Meter {
  id: ID!
  organization: Organization
  numberOfTariffs: Int
  installationDate: String
  commissioningDate: String
  verificationDate: String
  nextVerificationDate: String
  controlReadingsDate: String
  sealingDate: String
  archiveDate: String
  isAutomatic: Boolean
  resource: MeterResource
  property: Property
  number: String
  accountNumber: String
  unitName: String
  unitType: MeterUnitTypeType
  place: String
  v: Int
  createdAt: String
  updatedAt: String
  deletedAt: String
  dv: Int
  sender: SenderField
}

type MeterReading {
  id: ID!
  date: String
  meter: Meter
  value1: String
  value2: String
  value3: String
  value4: String
  source: MeterReadingSource
  billingStatus: MeterReadingBillingStatusType
  billingStatusText: String
  accountNumber: String
  organization: Organization
  v: Int
  createdAt: String
  updatedAt: String
  deletedAt: String
  dv: Int
  sender: SenderField
}

type Payment {
  id: ID!
  amount: String
  explicitFee: String
  explicitServiceCharge: String
  implicitFee: String
  serviceFee: String
  advancedAt: String
  depositedDate: String
  transferDate: String
  accountNumber: String
  period: String
  purpose: String
  receipt: BillingReceipt
  organization: Organization
  status: PaymentStatusType
  order: String
  recipientBic: String
  recipientBankAccount: String
  rawAddress: String
  importId: String
  v: Int
  createdAt: String
  updatedAt: String
  deletedAt: String
}
`;
