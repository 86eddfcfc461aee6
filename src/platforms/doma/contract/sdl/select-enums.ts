/** Splits a list of names written with spaces and line breaks. */
const words = (text: string): readonly string[] => text.trim().split(/\s+/);

/** ISO 4217 codes: the platform's currency selects (payments, integrations, multi-payments). */
const currencyCodes = words(
  `AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN
   BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP
   ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR
   ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD
   MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR
   PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLL SOS SRD SSP STN SVC SYP SZL THB
   TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VES VND VUV WST XAF XAG XAU
   XBA XBB XBC XBD XCD XDR XOF XPD XPF XPT XSU XTS XUA YER ZAR ZMW ZWL`,
);

/**
 * The values of every enum the platform's input types reachable from our operations use: Select
 * fields (`<List><Field>Type`) and the enums of typed Json fields, as its schema publishes them.
 */
export const selectEnums: Readonly<Record<string, readonly string[]>> = {
  AcquiringIntegrationContextDefaultStatusType: words('InProgress Verification Error Finished'),
  AcquiringIntegrationContextInvoiceTaxRegimeType: words('general simple'),
  AcquiringIntegrationTypeType: words('ONLINE_PROCESSING EXTERNAL_IMPORT'),
  B2BAppAccessRightSetTypeType: words('GLOBAL SCOPED'),
  B2BAppCategoryType: words('DISPATCHING GIS SMART_HOME BUSINESS_DEVELOPMENT FINANCE OTHER'),
  B2BAppContextDefaultStatusType: words('InProgress Error Finished'),
  B2BAppGlobalFeature: words('PropertyMapGeneration AttachCallRecordToTicket'),
  B2BAppIconType: words(
    `AlertCircle ArrowDownUp ArrowLeft ArrowRight ArrowUp BarChartHorizontal BarChartVertical
     Bell Bill Bold Briefcase Building CalendarDays Car Check CheckCircle CheckSquare ChevronDown
     ChevronLeft ChevronRight ChevronUp CircleEllipsis Clock Close Contacts Copy CreditCard
     DoorOpen Doors Download Edit Employee ExternalLink Eye EyeOff FileCheck FileDown FileEdit
     FileText FileUp Filter Flat Floor FloorParking Frown Globe GripHorizontal Guide History Home
     House Inbox Info Interfloor Italic Key Layers LayoutList Link List Lock LogOut Mail Market
     Menu Meters Mic MicOff MinusCircle Monitor MoreHorizontal MoreVertical NewAppeal Newspaper
     NumberList OnOff Paperclip Parking Pause PauseFilled Phone PhoneIncoming PhoneOutgoing
     PieChart Play PlayFilled Plus PlusCircle Print QuestionCircle Readings Redo RefreshCw
     RemoveFormatting Rocket Ruble Sber Search Send Services Settings Share Sheet Slash SmartHome
     Smartphone Smile SortAsc SortDesc Sparkles Star StarFilled Subtitles Trash Undo Unlock User
     UserSquare Volume VolumeOff Wallet XCircle`,
  ),
  B2BAppLabelType: words('FREE DISCOUNT POPULAR NEW'),
  B2BAppMenuCategoryType: words(
    `TOUR DASHBOARD COMMUNICATION PROPERTIES RESIDENTS EMPLOYEES MARKET BILLING METERS MINIAPPS
     SETTINGS`,
  ),
  B2BAppNewsSharingConfigPushNotificationSettingType: words('ONLY_EMERGENCY ENABLED DISABLED'),
  B2CAppNativeFeature: words('Tickets News Payments'),
  BillingAccountOwnerTypeType: words('person company'),
  BillingAccountUnitTypeType: words('parking flat apartment commercial warehouse'),
  BillingIntegrationBannerTextColorType: words('BLACK WHITE'),
  BillingIntegrationContextDefaultStatusType: words('InProgress Error Finished'),
  BillingIntegrationCurrencyCodeType: currencyCodes,
  ContactUnitTypeType: words('parking flat apartment commercial warehouse'),
  FeedbackAdditionalOptionsType: words('lowQuality highQuality slowly quickly'),
  InvoicePaymentTypeType: words('online cash'),
  InvoiceStatusType: words('draft published paid canceled'),
  InvoiceTypeType: words('b2b b2c'),
  InvoiceUnitTypeType: words('parking flat apartment commercial warehouse'),
  MeterReadingBillingStatusType: words('approved declined'),
  MeterReadingSourceTypeType: words(
    `import_condo call mobile_app external_import email remote_system other visit web_app
     organization_site messenger social_network mobile_app_staff crm external_integration`,
  ),
  MeterUnitTypeType: words('parking flat apartment commercial warehouse'),
  MultiPaymentCurrencyCodeType: currencyCodes,
  MultiPaymentPaymentWayType: words(
    `CARD CARD_BINDING CARD_MOTO CARD_PRESENT SBRF_SBOL UPOP FILE_BINDING SMS_BINDING P2P
     P2P_BINDING PAYPAL MTS APPLE_PAY APPLE_PAY_BINDING ANDROID_PAY ANDROID_PAY_BINDING
     GOOGLE_PAY_CARD GOOGLE_PAY_CARD_BINDING GOOGLE_PAY_TOKENIZED GOOGLE_PAY_TOKENIZED_BINDING
     SAMSUNG_PAY SAMSUNG_PAY_BINDING IPOS SBERPAY SBERID SBRF_SBOL_BINDING SBOL_BINDING`,
  ),
  MultiPaymentStatusType: words('CREATED DONE PROCESSING ERROR WITHDRAWN'),
  OrganizationCountryType: words('en ru es'),
  OrganizationEmployeeRoleTicketVisibilityTypeType: words(
    `organization property propertyAndSpecialization assigned`,
  ),
  OrganizationFeature: words('SPP ACTIVE_BANKING HIGH_REVENUE_CUSTOMER'),
  OrganizationTypeType: words('MANAGING_COMPANY HOLDING SERVICE_PROVIDER'),
  PaymentCurrencyCodeType: currencyCodes,
  PaymentStatusType: words('CREATED PROCESSING DONE ERROR WITHDRAWN'),
  PropertyTypeType: words('building village'),
  QualityControlAdditionalOptionsType: words('lowQuality highQuality slowly quickly'),
  ResidentUnitTypeType: words('parking flat apartment commercial warehouse'),
  TicketFeedbackValueType: words('bad good returned'),
  TicketLastCommentWithResidentTypeCreatedByUserTypeType: words('staff resident service'),
  TicketQualityControlValueType: words('bad good'),
  TicketReviewValueType: words('bad good returned'),
  TicketSectionTypeType: words('parking section'),
  TicketSourceTypeType: words(
    `email mobile_app remote_system call other visit web_app organization_site messenger
     social_network mobile_app_staff mobile_app_resident crm_import web_app_resident`,
  ),
  TicketStatusTypeType: words('new_or_reopened processing canceled completed deferred closed'),
  TicketUnitTypeType: words('parking flat apartment commercial warehouse'),
  UserLocaleType: words('ru en es'),
  UserTypeType: words('staff resident service'),
};
