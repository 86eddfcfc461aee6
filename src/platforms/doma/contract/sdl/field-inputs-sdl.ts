/**
 * Inputs of the platform's typed Json fields and of its custom-access field: a list's where and
 * create inputs name them (`sender: SenderFieldInput`, `services: [BillingReceiptServiceFieldInput!]`),
 * so our SDL has them as the platform's schema declares them.
 */
export const fieldInputsSdl = /* GraphQL */ `
input SenderFieldInput {
  dv: Int!
  fingerprint: String!
}

input CustomAccessInput {
  accessRules: [CustomAccessListRuleInput]
}

input CustomAccessListRuleInput {
  list: String!
  create: Boolean
  read: Boolean
  update: Boolean
  fields: [CustomAccessFieldRuleInput]
}

input CustomAccessFieldRuleInput {
  field: String!
  create: Boolean
  read: Boolean
  update: Boolean
}

input AppColorSchemaFieldInput {
  main: String!
  secondary: String!
}

input BillingIntegrationDataFormatFieldInput {
  hasToPayDetails: Boolean!
  hasServices: Boolean!
  hasServicesDetails: Boolean!
}

input BillingReceiptToPayDetailsFieldInput {
  formula: String
  charge: String
  balance: String
  recalculation: String
  privilege: String
  penalty: String
  paid: String
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

input BillingReceiptsRecipientFieldInput {
  name: String
  bankName: String
  territoryCode: String
  offsettingAccount: String
  tin: String!
  iec: String
  bic: String!
  bankAccount: String!
  classificationCode: String
}

input RecipientFieldInput {
  name: String
  bankName: String
  territoryCode: String
  offsettingAccount: String
  tin: String!
  iec: String
  bic: String!
  bankAccount: String!
  classificationCode: String
}

input AmountDistributionFieldInput {
  recipient: RecipientFieldInput!
  amount: String!
  order: Int
  vor: Boolean
  isFeePayer: Boolean
  overpaymentPart: Int
}

input InvoiceRowSchemaFieldInput {
  name: String!
  toPay: String!
  count: Int!
  currencyCode: String
  vatPercent: String
  salesTaxPercent: String
  sku: String
  isMin: Boolean!
  measure: String
  meta: InvoiceRowMetaSchemaFieldInput
}

input InvoiceRowMetaSchemaFieldInput {
  imageUrl: String
  categoryBgColor: String
}

input FeeDistributionFieldInput {
  recipient: String!
  percent: String!
  minAmount: String
  maxAmount: String
  category: String
}

input SettingsFieldInput {
  cardId: String!
}
`;
