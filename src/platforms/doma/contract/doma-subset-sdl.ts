/**
 * Our own SDL of the part of the Doma.ai (condo) GraphQL API we use: the types we send and read, with
 * only the fields and filters we need. Written by us from the platform's published schema (seed 000
 * and `reference/doma`); a contract test checks every type, field and argument here against the real
 * schema. The sandbox serves exactly this schema, so a document valid here is valid there.
 */
export const domaSubsetSdl = /* GraphQL */ `
scalar JSON
scalar FileMeta

type Query {
  allMeters(where: MeterWhereInput, sortBy: [SortMetersBy!], first: Int, skip: Int): [Meter]
  allMeterReadings(where: MeterReadingWhereInput, sortBy: [SortMeterReadingsBy!], first: Int, skip: Int): [MeterReading]
  allPayments(where: PaymentWhereInput, sortBy: [SortPaymentsBy!], first: Int, skip: Int): [Payment]
}

type Mutation {
  authenticateUserWithPassword(email: String, password: String): authenticateUserOutput
  registerBillingReceipts(data: RegisterBillingReceiptsInput!): [BillingReceipt]
  registerBillingReceiptFile(data: RegisterBillingReceiptFileInput!): RegisterBillingReceiptFileOutput
  createBillingReceiptFile(data: BillingReceiptFileCreateInput): BillingReceiptFile
  registerMetersReadings(data: RegisterMetersReadingsInput!): [RegisterMetersReadingsOutput]
  updateMeter(id: ID!, data: MeterUpdateInput): Meter
}

type authenticateUserOutput {
  token: String
  item: User
}

type User {
  id: ID!
  name: String
}

input SenderFieldInput {
  dv: Int!
  fingerprint: String!
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

input OrganizationWhereUniqueInput {
  id: ID!
}

input OrganizationWhereInput {
  id: ID
  id_in: [ID]
}

type Property {
  id: ID!
  address: String
  addressKey: String
}

input PropertyWhereInput {
  id: ID
  id_in: [ID]
}

type BillingIntegrationOrganizationContext {
  id: ID!
  status: String
  organization: Organization
}

input BillingIntegrationOrganizationContextWhereUniqueInput {
  id: ID!
}

input BillingIntegrationOrganizationContextWhereInput {
  id: ID
}

input BillingIntegrationOrganizationContextRelateToOneInput {
  connect: BillingIntegrationOrganizationContextWhereUniqueInput
}

type BillingCategory {
  id: ID!
  name: String
}

input BillingCategoryWhereUniqueInput {
  id: ID!
}

enum BillingAccountOwnerTypeType {
  person
  company
}

enum BillingAccountUnitTypeType {
  parking
  flat
  apartment
  commercial
  warehouse
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

input BillingAccountWhereInput {
  id: ID
  number: String
}

type BillingProperty {
  id: ID!
  importId: String
  globalId: String
  address: String
}

input RegisterBillingReceiptsInput {
  dv: Int!
  sender: SenderFieldInput!
  context: BillingIntegrationOrganizationContextWhereUniqueInput
  receipts: [RegisterBillingReceiptInput!]!
}

input RegisterBillingReceiptInput {
  importId: String
  address: String!
  addressMeta: RegisterBillingReceiptAddressMetaInput
  accountNumber: String!
  accountMeta: RegisterBillingReceiptAccountMetaInput
  toPay: String!
  toPayDetails: BillingReceiptServiceToPayDetailsFieldInput
  services: [BillingReceiptServiceFieldInput]
  category: BillingCategoryWhereUniqueInput
  month: Int!
  year: Int!
  tin: String!
  routingNumber: String!
  bankAccount: String!
  raw: JSON
}

input RegisterBillingReceiptAddressMetaInput {
  globalId: String
  importId: String
  unitName: String
  unitType: String
}

input RegisterBillingReceiptAccountMetaInput {
  globalId: String
  importId: String
  fullName: String
  isClosed: Boolean
  ownerType: BillingAccountOwnerTypeType
}

input BillingReceiptServiceFieldInput {
  id: String
  name: String!
  toPay: String!
  toPayDetails: BillingReceiptServiceToPayDetailsFieldInput
}

input BillingReceiptServiceToPayDetailsFieldInput {
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

input BillingReceiptWhereUniqueInput {
  id: ID!
}

input BillingReceiptWhereInput {
  id: ID
  id_in: [ID]
  importId: String
  importId_in: [String]
  period: String
  account: BillingAccountWhereInput
  context: BillingIntegrationOrganizationContextWhereInput
}

input BillingReceiptRelateToOneInput {
  connect: BillingReceiptWhereUniqueInput
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
}

input BillingReceiptFileCreateInput {
  sensitiveDataFile: FileMeta
  publicDataFile: FileMeta
  context: BillingIntegrationOrganizationContextRelateToOneInput
  receipt: BillingReceiptRelateToOneInput
  controlSum: String
  importId: String
  dv: Int
  sender: SenderFieldInput
}

input RegisterBillingReceiptFileInput {
  dv: Int!
  sender: SenderFieldInput!
  context: BillingIntegrationOrganizationContextWhereUniqueInput!
  receipt: BillingReceiptWhereInput!
  base64EncodedPDF: String!
}

type RegisterBillingReceiptFileOutput {
  id: ID!
  status: RegisterBillingReceiptFileResultStatus!
}

enum RegisterBillingReceiptFileResultStatus {
  CREATED
  UPDATED
  SKIPPED
}

input MeterResourceWhereUniqueInput {
  id: ID!
}

input MeterResourceWhereInput {
  id: ID
  id_in: [ID]
}

type MeterResource {
  id: ID!
  name: String
  measure: String
}

enum MeterReadingSourceTypeType {
  import_condo
  call
  mobile_app
  external_import
  email
  remote_system
  other
  visit
  web_app
  organization_site
  messenger
  social_network
  mobile_app_staff
  crm
  external_integration
}

type MeterReadingSource {
  id: ID!
  type: MeterReadingSourceTypeType
  name: String
}

input MeterReadingSourceWhereUniqueInput {
  id: ID!
}

input MeterReadingSourceWhereInput {
  id: ID
  id_in: [ID]
  id_not_in: [ID]
}

enum MeterReadingBillingStatusType {
  approved
  declined
}

enum MeterUnitTypeType {
  parking
  flat
  apartment
  commercial
  warehouse
}

input RegisterMetersReadingsInput {
  dv: Int!
  sender: SenderFieldInput!
  organization: OrganizationWhereUniqueInput!
  readings: [RegisterMetersReadingsReadingInput!]!
}

input RegisterMetersReadingsReadingInput {
  address: String!
  addressInfo: RegisterMetersReadingsReadingAddressInfoInput!
  accountNumber: String!
  meterNumber: String!
  meterResource: MeterResourceWhereUniqueInput!
  date: String!
  value1: String!
  value2: String
  value3: String
  value4: String
  meterMeta: RegisterMetersReadingsMeterMetaInput
  readingSource: MeterReadingSourceWhereUniqueInput
  billingStatus: MeterReadingBillingStatusType
  billingStatusText: String
}

input RegisterMetersReadingsReadingAddressInfoInput {
  unitType: String
  unitName: String
  globalId: String
}

input RegisterMetersReadingsMeterMetaInput {
  numberOfTariffs: Int
  place: String
  verificationDate: String
  nextVerificationDate: String
  installationDate: String
  commissioningDate: String
  sealingDate: String
  controlReadingsDate: String
  isAutomatic: Boolean
  archiveDate: String
}

type RegisterMetersReadingsOutput {
  id: ID!
  meter: RegisterMetersReadingsMeterOutput!
}

type RegisterMetersReadingsMeterOutput {
  id: ID!
  property: RegisterMetersReadingsMeterPropertyOutput!
  unitType: String!
  unitName: String!
  accountNumber: String!
  number: String!
}

type RegisterMetersReadingsMeterPropertyOutput {
  id: ID!
  address: String!
  addressKey: String!
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
}

input MeterWhereInput {
  AND: [MeterWhereInput]
  OR: [MeterWhereInput]
  id: ID
  id_in: [ID]
  organization: OrganizationWhereInput
  property: PropertyWhereInput
  resource: MeterResourceWhereInput
  number: String
  number_in: [String]
  accountNumber: String
  accountNumber_in: [String]
  unitName: String
  unitType: MeterUnitTypeType
  archiveDate: String
  archiveDate_not: String
  createdAt_gt: String
  createdAt_gte: String
  updatedAt_gt: String
  updatedAt_gte: String
  deletedAt: String
}

enum SortMetersBy {
  id_ASC
  id_DESC
  number_ASC
  number_DESC
  createdAt_ASC
  createdAt_DESC
  updatedAt_ASC
  updatedAt_DESC
}

input MeterUpdateInput {
  archiveDate: String
  dv: Int
  sender: SenderFieldInput
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

input MeterReadingWhereInput {
  AND: [MeterReadingWhereInput]
  OR: [MeterReadingWhereInput]
  id: ID
  id_in: [ID]
  date_gte: String
  date_lt: String
  meter: MeterWhereInput
  source: MeterReadingSourceWhereInput
  organization: OrganizationWhereInput
  accountNumber: String
  createdAt_gt: String
  createdAt_gte: String
  createdAt_lt: String
  deletedAt: String
}

enum SortMeterReadingsBy {
  id_ASC
  id_DESC
  date_ASC
  date_DESC
  createdAt_ASC
  createdAt_DESC
}

enum PaymentStatusType {
  CREATED
  PROCESSING
  DONE
  ERROR
  WITHDRAWN
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

input PaymentWhereInput {
  AND: [PaymentWhereInput]
  OR: [PaymentWhereInput]
  id: ID
  id_in: [ID]
  organization: OrganizationWhereInput
  status: PaymentStatusType
  status_in: [PaymentStatusType]
  invoice_is_null: Boolean
  receipt: BillingReceiptWhereInput
  receipt_is_null: Boolean
  order: String
  order_in: [String]
  accountNumber: String
  transferDate_gte: String
  transferDate_lt: String
  transferDate_lte: String
  transferDate_in: [String]
  depositedDate_gte: String
  depositedDate_lt: String
  createdAt_gt: String
  createdAt_gte: String
  deletedAt: String
}

enum SortPaymentsBy {
  id_ASC
  id_DESC
  transferDate_ASC
  transferDate_DESC
  depositedDate_ASC
  depositedDate_DESC
  createdAt_ASC
  createdAt_DESC
}
`;
