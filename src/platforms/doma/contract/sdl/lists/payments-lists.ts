import { list } from '../list-model.js';

/**
 * Payments, multi-payments, acquiring, invoices and service consumers. Fields as the platform's schema
 * publishes them (`reference/doma/condo-schema.graphql`), in our notation (list-model.ts).
 */
export const paymentLists = [
  list(
    'Payment',
    `amount:ord explicitFee:ord explicitServiceCharge:ord implicitFee:ord serviceFee:ord
     currencyCode:enum advancedAt:ord depositedDate:ord transferDate:ord accountNumber:text
     period:ord purpose:text receipt:>BillingReceipt frozenReceipt:json invoice:>Invoice
     frozenInvoice:json multiPayment:>MultiPayment context:>AcquiringIntegrationContext
     organization:>Organization status:enum order:text recipientBic:text recipientBankAccount:text
     recipient:json=RecipientFieldInput rawAddress:text importId:text frozenDistribution:json
     frozenSplits:json posReceiptUrl:text @tracked`,
  ),
  list(
    'Invoice',
    `organization:>Organization type:enum payerOrganization:>Organization number:int
     property:>Property unitType:enum unitName:text accountNumber:text toPay:ord
     rows:json=[InvoiceRowSchemaFieldInput!] ticket:>Ticket contact:>Contact client:>User
     clientName:text clientPhone:text status:enum paymentType:enum publishedAt:ord paidAt:ord
     canceledAt:ord amountDistribution:json=[AmountDistributionFieldInput!]
     paymentStatusChangeWebhookUrl:text paymentStatusChangeWebhookSecret:text @tracked`,
  ),
  list(
    'MultiPayment',
    `explicitFee:ord explicitServiceCharge:ord serviceFee:ord implicitFee:ord
     amountWithoutExplicitFee:ord currencyCode:enum withdrawnAt:ord cardNumber:text paymentWay:enum
     payerEmail:text serviceCategory:text transactionId:text importId:text meta:json status:enum
     user:>User payments:*Payment integration:>AcquiringIntegration
     recurrentPaymentContext:>RecurrentPaymentContext @tracked`,
  ),
  list(
    'AcquiringIntegration',
    `name:text setupUrl:text isHidden:bool type:enum accessRights:*AcquiringIntegrationAccessRight
     canGroupReceipts:bool hostUrl:text supportedBillingIntegrationsGroup:text
     minimumPaymentAmount:ord maximumPaymentAmount:ord
     explicitFeeDistributionSchema:json=[FeeDistributionFieldInput!] contextDefaultStatus:enum
     vatPercentOptions:text @tracked`,
  ),
  list('AcquiringIntegrationAccessRight', `integration:>AcquiringIntegration user:>User @tracked`),
  list(
    'RecurrentPaymentContext',
    `enabled:bool limit:ord autoPayReceipts:bool paymentDay:int settings:json=SettingsFieldInput
     serviceConsumer:>ServiceConsumer billingCategory:>BillingCategory @tracked`,
  ),
  list(
    'ServiceConsumer',
    `paymentCategory:text resident:>Resident
     billingIntegrationContext:>BillingIntegrationOrganizationContext
     acquiringIntegrationContext:>AcquiringIntegrationContext accountNumber:text
     organization:>Organization isDiscovered:bool @tracked`,
  ),
  list(
    'AcquiringIntegrationContext',
    `integration:>AcquiringIntegration organization:>Organization settings:json state:json
     reason:text invoiceReason:text email:text invoiceEmails:text recipient:json=RecipientFieldInput
     invoiceRecipient:json=RecipientFieldInput
     implicitFeeDistributionSchema:json=[FeeDistributionFieldInput!]
     invoiceImplicitFeeDistributionSchema:json=[FeeDistributionFieldInput!] status:sel
     invoiceStatus:sel invoiceTaxRegime:enum invoiceVatPercent:ord invoiceSalesTaxPercent:ord
     @tracked`,
  ),
];
