import { list } from '../list-model.js';

/**
 * The billing integration: contexts, receipts, their files, accounts, properties, recipients. Fields
 * as the platform's schema publishes them (`reference/doma/condo-schema.graphql`), in our notation
 * (list-model.ts).
 */
export const billingLists = [
  list(
    'BillingReceipt',
    `context:>BillingIntegrationOrganizationContext property:>BillingProperty account:>BillingAccount
     period:ord importId:text category:>BillingCategory printableNumber:text raw:json toPay:ord
     formula:text charge:ord balance:ord recalculation:ord privilege:ord penalty:ord
     balanceUpdatedAt:ord paid:ord toPayDetails:json=BillingReceiptToPayDetailsFieldInput
     services:json=[BillingReceiptServiceFieldInput!]
     recipient:json=BillingReceiptsRecipientFieldInput receiver:>BillingRecipient
     file:>BillingReceiptFile amountDistribution:json=[AmountDistributionFieldInput!]
     paymentStatusChangeWebhookUrl:text paymentStatusChangeWebhookSecret:text @tracked`,
  ),
  list(
    'BillingIntegrationOrganizationContext',
    `integration:>BillingIntegration organization:>Organization settings:json status:sel state:json
     lastReport:json currentProblem:>BillingIntegrationProblem @tracked`,
  ),
  list(
    'BillingIntegration',
    `name:text logo:file shortDescription:text targetDescription:text bannerTextColor:enum
     bannerColor:text bannerPromoImage:file receiptsLoadingTime:text detailedDescription:text
     setupUrl:text checkAccountNumberUrl:text checkAddressUrl:text instruction:text
     instructionExtraLink:text appUrl:text extendsBillingPage:bool billingPageTitle:text
     billingPageIcon:file group:text connectedMessage:text connectedUrl:text uploadUrl:text
     uploadMessage:text contextDefaultStatus:enum
     dataFormat:json=BillingIntegrationDataFormatFieldInput currencyCode:enum
     accessRights:*BillingIntegrationAccessRight b2bApp:>B2BApp isTrustedBankAccountSource:bool
     isHidden:bool skipNoAccountNotifications:bool @tracked`,
  ),
  list('BillingIntegrationAccessRight', `integration:>BillingIntegration user:>User @tracked`),
  list(
    'BillingIntegrationProblem',
    `context:>BillingIntegrationOrganizationContext title:text message:text meta:json @tracked`,
  ),
  list(
    'BillingProperty',
    `context:>BillingIntegrationOrganizationContext importId:text raw:json globalId:text
     normalizedAddress:text meta:json address:text addressKey:text addressMeta:json
     addressSources:json @tracked`,
  ),
  list(
    'BillingAccount',
    `context:>BillingIntegrationOrganizationContext importId:text raw:json property:>BillingProperty
     globalId:text number:text unitName:text unitType:enum fullName:text isClosed:bool ownerType:enum
     meta:json @tracked`,
  ),
  list(
    'BillingCategory',
    `name:text serviceNames:json skipNotifications:bool receiptValidityMonths:int
     requiresFullPayment:bool @tracked`,
  ),
  list(
    'BillingRecipient',
    `importId:text context:>BillingIntegrationOrganizationContext category:>BillingCategory
     addressKey:text commission:ord routingNumber:text tin:text iec:text bic:text bankAccount:text
     bankName:text offsettingAccount:text territoryCode:text purpose:text name:text
     classificationCode:text meta:json @tracked`,
  ),
  list(
    'BillingReceiptFile',
    `sensitiveDataFile:file publicDataFile:file context:>BillingIntegrationOrganizationContext
     receipt:>BillingReceipt controlSum:text importId:text @tracked`,
  ),
];
