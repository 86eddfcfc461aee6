import { list } from '../list-model.js';

/**
 * Organizations, employees and roles, users, properties, contacts, residents. Fields as the platform's
 * schema publishes them (`reference/doma/condo-schema.graphql`), in our notation (list-model.ts).
 */
export const organizationLists = [
  list(
    'Organization',
    `country:enum name:text type:enum tin:text description:text avatar:file meta:json phone:text
     phoneNumberPrefix:text employees:*OrganizationEmployee relatedOrganizations:*OrganizationLink
     importRemoteSystem:text importId:text features:json=[OrganizationFeature!] isApproved:bool
     @tracked`,
  ),
  list(
    'OrganizationEmployee',
    `organization:>Organization user:>User inviteCode:id name:text email:text phone:text
     role:>OrganizationEmployeeRole position:text isAccepted:bool isRejected:bool isBlocked:bool
     hasAllSpecializations:bool @tracked`,
  ),
  list(
    'User',
    `name:text password:pwd type:enum isAdmin:bool isSupport:bool email:text isEmailVerified:bool
     phone:text isPhoneVerified:bool externalPhone:text isExternalPhoneVerified:bool
     externalEmail:text isExternalEmailVerified:bool externalSystemName:text hasMarketingConsent:bool
     avatar:file meta:json locale:enum customAccess:json=CustomAccessInput showGlobalHints:bool
     rightsSet:>UserRightsSet isTwoFactorAuthenticationEnabled:bool @tracked`,
  ),
  list(
    'UserRightsSet',
    `name:text canReadB2BApps:bool canManageB2BApps:bool canReadB2BAppAccessRights:bool
     canManageB2BAppAccessRights:bool canReadB2BAppAccessRightSets:bool
     canManageB2BAppAccessRightSets:bool canReadB2BAppContexts:bool canManageB2BAppContexts:bool
     canReadB2BAppNewsSharingConfigs:bool canManageB2BAppNewsSharingConfigs:bool
     canReadB2BAppPermissions:bool canManageB2BAppPermissions:bool canReadB2BAppPromoBlocks:bool
     canManageB2BAppPromoBlocks:bool canReadB2CApps:bool canManageB2CApps:bool
     canReadB2CAppAccessRights:bool canManageB2CAppAccessRights:bool canReadB2CAppBuilds:bool
     canManageB2CAppBuilds:bool canReadB2CAppProperties:bool canManageB2CAppProperties:bool
     canReadMessages:bool canReadMessageBatches:bool canManageMessageBatches:bool
     canReadOrganizations:bool canManageOrganizations:bool canReadOrganizationEmployees:bool
     canManageOrganizationEmployees:bool canReadOrganizationLinks:bool
     canManageOrganizationLinks:bool canReadTickets:bool canManageTickets:bool
     canReadTicketAutoAssignments:bool canManageTicketAutoAssignments:bool canReadTicketChanges:bool
     canReadTicketComments:bool canReadProperties:bool canManageProperties:bool canReadResidents:bool
     canReadOidcClients:bool canManageOidcClients:bool canReadResetUserLimitActions:bool
     canManageResetUserLimitActions:bool canReadUsers:bool canReadUserRightsSets:bool
     canManageUserRightsSets:bool canReadPayments:bool canReadBillingReceipts:bool
     canReadBillingIntegrationOrganizationContexts:bool canReadSubscriptionContexts:bool
     canManageSubscriptionContexts:bool canExecuteRegisterNewServiceUser:bool
     canExecuteSendMessage:bool canExecute_internalSendHashedResidentPhones:bool
     canExecute_allPaymentsSum:bool canExecute_allBillingReceiptsSum:bool
     canExecuteGetAvailableSubscriptionPlans:bool canExecuteRegisterSubscriptionContext:bool
     canExecuteInviteNewOrganizationEmployee:bool canExecuteSigninAsUser:bool
     canManageOrganizationIsApprovedField:bool
     canManageBillingIntegrationOrganizationContextDeletedAtField:bool
     canManageTicketSentToAuthoritiesAtField:bool canReadUserEmailField:bool
     canReadUserPhoneField:bool canManageUserHasMarketingConsentField:bool
     canManageUserRightsSetField:bool @tracked`,
  ),
  list(
    'OrganizationEmployeeRole',
    `organization:>Organization isDefault:bool isEditable:bool name:text description:text
     canManageOrganization:bool canReadEmployees:bool canManageEmployees:bool canManageRoles:bool
     canManageIntegrations:bool canReadProperties:bool canManageProperties:bool canReadDocuments:bool
     canManageDocuments:bool canReadTickets:bool canManageTickets:bool canManageMeters:bool
     canManageMeterReadings:bool canReadContacts:bool canManageContacts:bool
     canManageContactRoles:bool canManageTicketComments:bool canShareTickets:bool
     canReadBillingReceipts:bool canImportBillingReceipts:bool canReadPayments:bool
     canInviteNewOrganizationEmployees:bool canBeAssignedAsResponsible:bool
     canBeAssignedAsExecutor:bool canManageTicketPropertyHints:bool ticketVisibilityType:enum
     canManagePropertyScopes:bool canManageBankAccounts:bool canManageBankAccountReportTasks:bool
     canManageBankIntegrationAccountContexts:bool canManageBankIntegrationOrganizationContexts:bool
     canManageBankContractorAccounts:bool canManageBankTransactions:bool
     canManageBankAccountReports:bool canReadIncidents:bool canManageIncidents:bool
     canReadNewsItems:bool canManageNewsItems:bool canManageNewsItemTemplates:bool
     canManageCallRecords:bool canDownloadCallRecords:bool canManageMobileFeatureConfigs:bool
     canManageB2BApps:bool canReadAnalytics:bool canReadInvoices:bool canManageInvoices:bool
     canReadMarketItems:bool canManageMarketItems:bool canReadMeters:bool canReadSettings:bool
     canReadExternalReports:bool canReadServices:bool canReadCallRecords:bool
     canReadMarketItemPrices:bool canManageMarketItemPrices:bool canReadMarketPriceScopes:bool
     canManageMarketPriceScopes:bool canReadPaymentsWithInvoices:bool canReadMarketplace:bool
     canManageMarketplace:bool canReadTour:bool canManageTour:bool canReadMarketSetting:bool
     canManageMarketSetting:bool canManageTicketAutoAssignments:bool
     canManageOrganizationEmployeeRequests:bool canManageSubscriptions:bool @tracked`,
  ),
  list('OrganizationLink', `from:>Organization to:>Organization @tracked`),
  list(
    'Property',
    `organization:>Organization name:text type:enum map:json unitsCount:int uninhabitedUnitsCount:int
     isApproved:bool yearOfConstruction:ord area:ord address:text addressKey:text addressMeta:json
     addressSources:json @tracked`,
  ),
  list(
    'Contact',
    `organization:>Organization property:>Property unitName:text unitType:enum email:text phone:text
     name:text role:>ContactRole isVerified:bool ownershipPercentage:ord communityFee:ord note:text
     meta:json @tracked`,
  ),
  list('ContactRole', `organization:>Organization name:text @tracked`),
  list(
    'Resident',
    `user:>User property:>Property unitName:text unitType:enum organization:>Organization
     address:text addressKey:text addressMeta:json addressSources:json @tracked`,
  ),
];
