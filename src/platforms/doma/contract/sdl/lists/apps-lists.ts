import { list } from '../list-model.js';

/**
 * B2B and B2C mini-apps, their access rights and configs, OIDC clients. Fields as the platform's
 * schema publishes them (`reference/doma/condo-schema.graphql`), in our notation (list-model.ts).
 */
export const appLists = [
  list(
    'B2BApp',
    `name:text logo:file shortDescription:text developer:text developerUrl:text
     detailedDescription:text appUrl:text additionalDomains:json=[String!] oidcClient:>OidcClient
     isDomainsMappingEnabled:bool isHidden:bool isGlobal:bool isPublic:bool hasDynamicTitle:bool
     icon:enum menuCategory:enum contextDefaultStatus:enum category:enum isClipboardWriteAllowed:bool
     isFullscreenAllowed:bool isMicrophoneAllowed:bool isCameraAllowed:bool
     isSpeakerSelectionAllowed:bool accessRights:*B2BAppAccessRight
     features:json=[B2BAppGlobalFeature!] displayPriority:int label:enum gallery:json=[String!]
     price:text newsSharingConfig:>B2BAppNewsSharingConfig
     posIntegrationConfig:>B2BAppPosIntegrationConfig
     meterIntegrationConfig:>B2BAppMeterIntegrationConfig
     billingEmbeddingConfig:>B2BAppBillingEmbeddingConfig importId:text importRemoteSystem:text
     @tracked`,
  ),
  list(
    'OidcClient',
    `clientId:text payload:json name:text isEnabled:bool canAuthorizeSuperUsers:bool meta:json
     expiresAt:ord importId:text importRemoteSystem:text @tracked`,
  ),
  list(
    'B2BAppAccessRight',
    `user:>User app:>B2BApp accessRightSet:>B2BAppAccessRightSet importId:text
     importRemoteSystem:text @tracked`,
  ),
  list(
    'B2BAppAccessRightSet',
    `app:>B2BApp name:text type:enum canReadB2BAccessTokens:bool canManageB2BAccessTokens:bool
     canReadBillingIntegrationOrganizationContexts:bool
     canManageBillingIntegrationOrganizationContexts:bool canReadBillingReceipts:bool
     canManageBillingReceipts:bool canReadBillingReceiptFiles:bool canManageBillingReceiptFiles:bool
     canReadBillingAccounts:bool canManageBillingAccounts:bool canReadBillingProperties:bool
     canManageBillingProperties:bool canReadBillingRecipients:bool canManageBillingRecipients:bool
     canReadContacts:bool canManageContacts:bool canReadInvoices:bool canManageInvoices:bool
     canReadMeters:bool canManageMeters:bool canReadMeterReadings:bool canManageMeterReadings:bool
     canReadMeterReportingPeriods:bool canManageMeterReportingPeriods:bool canReadOrganizations:bool
     canManageOrganizations:bool canReadOrganizationEmployees:bool
     canManageOrganizationEmployees:bool canReadOrganizationEmployeeRoles:bool
     canManageOrganizationEmployeeRoles:bool canReadPayments:bool canManagePayments:bool
     canReadProperties:bool canManageProperties:bool canReadCustomValues:bool
     canManageCustomValues:bool canReadTickets:bool canManageTickets:bool canReadTicketComments:bool
     canManageTicketComments:bool canReadTicketFiles:bool canManageTicketFiles:bool
     canReadTicketCommentFiles:bool canManageTicketCommentFiles:bool canReadNewsItems:bool
     canManageNewsItems:bool canReadNewsItemScopes:bool canManageNewsItemScopes:bool
     canReadNewsItemFiles:bool canManageNewsItemFiles:bool canReadNewsItemRecipientsExportTasks:bool
     canManageNewsItemRecipientsExportTasks:bool canExecuteRegisterExternalPayments:bool
     canExecuteRegisterMetersReadings:bool canExecuteSendB2BAppPushMessage:bool
     canExecuteRegisterPropertyMetersReadings:bool canExecuteRegisterBillingReceipts:bool
     canExecuteRegisterBillingReceiptFile:bool canExecuteSetPaymentPosReceiptUrl:bool
     canExecuteGetNewsItemsRecipientsCounters:bool importId:text importRemoteSystem:text @tracked`,
  ),
  list(
    'B2BAppNewsSharingConfig',
    `name:text icon:file previewPicture:file
     pushNotificationSettings:enum=B2BAppNewsSharingConfigPushNotificationSettingType publishUrl:text
     previewUrl:text getRecipientsUrl:text customFormUrl:text getRecipientsCountersUrl:text @tracked`,
  ),
  list('B2BAppPosIntegrationConfig', `paymentsAlertPageUrl:text fetchLastPosReceiptUrl:text @tracked`),
  list('B2BAppMeterIntegrationConfig', `validateMeterReadingUrl:text @tracked`),
  list('B2BAppBillingEmbeddingConfig', `tabUrl:text @tracked`),
  list(
    'B2CApp',
    `name:text logo:file shortDescription:text developer:text isHidden:bool isGlobal:bool
     nativeAppFeatures:json=[B2CAppNativeFeature!] colorSchema:json=AppColorSchemaFieldInput
     appUrl:text additionalDomains:json=[String!] oidcClient:>OidcClient isDomainsMappingEnabled:bool
     externalLinks:json=[String!] currentBuild:>B2CAppBuild accessRights:*B2CAppAccessRight
     isClipboardWriteAllowed:bool isFullscreenAllowed:bool isMicrophoneAllowed:bool
     isCameraAllowed:bool isSpeakerSelectionAllowed:bool isPushNotificationsAllowed:bool
     isVoipNotificationsAllowed:bool isBleBeaconBgAllowed:bool isBleCentralBgAllowed:bool
     isBlePeripheralBgAllowed:bool intercomConfig:>B2CAppIntercomConfig importId:text
     importRemoteSystem:text @tracked`,
  ),
  list('B2CAppBuild', `app:>B2CApp version:text data:file importId:text importRemoteSystem:text @tracked`),
  list(
    'B2CAppAccessRight',
    `user:>User app:>B2CApp accessRightSet:>B2CAppAccessRightSet importId:text
     importRemoteSystem:text @tracked`,
  ),
  list(
    'B2CAppAccessRightSet',
    `app:>B2CApp canExecuteSendVoIPCallStartMessage:bool canExecuteSendVoIPCallCancelMessage:bool
     @tracked`,
  ),
  list('B2CAppIntercomConfig', `sendDTMFUrl:text accessToken:text @tracked`),
];
