/**
 * The operations we serve (the sandbox) and send (the connector), with the platform's own argument
 * lists, and the inputs and outputs of condo's custom mutations (registerBillingReceipts,
 * registerBillingReceiptFile, registerMetersReadings). The list operations' `where`, `sortBy` and
 * create/update inputs are generated (keystone-sdl.ts).
 */
export const operationsSdl = /* GraphQL */ `
scalar JSON
scalar FileMeta

type Query {
  allMeters(where: MeterWhereInput, search: String, sortBy: [SortMetersBy!], orderBy: String, first: Int, skip: Int): [Meter]
  allMeterReadings(where: MeterReadingWhereInput, search: String, sortBy: [SortMeterReadingsBy!], orderBy: String, first: Int, skip: Int): [MeterReading]
  allPayments(where: PaymentWhereInput, search: String, sortBy: [SortPaymentsBy!], orderBy: String, first: Int, skip: Int): [Payment]
  allProperties(where: PropertyWhereInput, search: String, sortBy: [SortPropertiesBy!], orderBy: String, first: Int, skip: Int): [Property]
  allBillingReceipts(where: BillingReceiptWhereInput, search: String, sortBy: [SortBillingReceiptsBy!], orderBy: String, first: Int, skip: Int): [BillingReceipt]
  allBillingReceiptFiles(where: BillingReceiptFileWhereInput, search: String, sortBy: [SortBillingReceiptFilesBy!], orderBy: String, first: Int, skip: Int): [BillingReceiptFile]
  allBillingIntegrationOrganizationContexts(where: BillingIntegrationOrganizationContextWhereInput, search: String, sortBy: [SortBillingIntegrationOrganizationContextsBy!], orderBy: String, first: Int, skip: Int): [BillingIntegrationOrganizationContext]
}

type Mutation {
  authenticateUserWithPassword(email: String, password: String): authenticateUserOutput
  registerBillingReceipts(data: RegisterBillingReceiptsInput!): [BillingReceipt]
  registerBillingReceiptFile(data: RegisterBillingReceiptFileInput!): RegisterBillingReceiptFileOutput
  createBillingReceiptFile(data: BillingReceiptFileCreateInput): BillingReceiptFile
  updateBillingReceiptFile(id: ID!, data: BillingReceiptFileUpdateInput): BillingReceiptFile
  registerMetersReadings(data: RegisterMetersReadingsInput!): [RegisterMetersReadingsOutput]
  createMeter(data: MeterCreateInput): Meter
  updateMeter(id: ID!, data: MeterUpdateInput): Meter
}

type authenticateUserOutput {
  token: String
  item: User
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
  unitName: String
  unitType: String
  normalizedAddress: String
  fullName: String
  tinMeta: JSON
  routingNumberMeta: JSON
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
`;
