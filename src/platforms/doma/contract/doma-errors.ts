import { z } from 'zod';

/**
 * Error codes (`extensions.code`) and types (`extensions.type`) the platform answers with (NOTES.md).
 * The code says which class of problem; the type says exactly which.
 */
export const DomaErrorCode = {
  unauthenticated: 'UNAUTHENTICATED',
  forbidden: 'FORBIDDEN',
  badUserInput: 'BAD_USER_INPUT',
  payloadTooLarge: 'PAYLOAD_TOO_LARGE',
  tooManyRequests: 'TOO_MANY_REQUESTS',
  notFound: 'NOT_FOUND',
  internal: 'INTERNAL_SERVER_ERROR',
  graphqlParseFailed: 'GRAPHQL_PARSE_FAILED',
  graphqlValidationFailed: 'GRAPHQL_VALIDATION_FAILED',
} as const;

export const DomaErrorType = {
  variablesSizeExceeded: 'VARIABLES_SIZE_EXCEEDED',
  rootQueryLengthExceeded: 'ROOT_QUERY_LENGTH_EXCEEDED',
  rateLimitExceeded: 'RATE_LIMIT_EXCEEDED',
  receiptsLimitHit: 'RECEIPTS_LIMIT_HIT',
  wrongMonth: 'WRONG_MONTH',
  wrongYear: 'WRONG_YEAR',
  billingCategoryNotFound: 'BILLING_CATEGORY_NOT_FOUND',
  addressNotRecognized: 'ADDRESS_NOT_RECOGNIZED_VALUE',
  recipientSaveFailed: 'RECIPIENT_SAVE_FAILED',
  accountSaveFailed: 'ACCOUNT_SAVE_FAILED',
  propertySaveFailed: 'PROPERTY_SAVE_FAILED',
  wrongSenderFormat: 'WRONG_FORMAT',
  noReceiptForFile: 'NO_RECEIPT_FOR_FILE',
  multipleReceiptsForFile: 'MULTIPLE_RECEIPTS_FOR_FILE',
  tooMuchReadings: 'TOO_MUCH_READINGS',
  organizationNotFound: 'ORGANIZATION_NOT_FOUND',
  invalidAccountNumber: 'INVALID_ACCOUNT_NUMBER',
  invalidMeterNumber: 'INVALID_METER_NUMBER',
  invalidDate: 'INVALID_DATE',
  propertyNotFound: 'PROPERTY_NOT_FOUND',
  multipleMetersFound: 'MULTIPLE_METERS_FOUND',
  invalidMeterValues: 'INVALID_METER_VALUES',
  meterReadingDateInFuture: 'METER_READING_DATE_IN_FUTURE',
  wrongNumberOfValues: 'WRONG_NUMBER_OF_VALUES',
  wrongNumberOfTariffs: 'WRONG_NUMBER_OF_TARIFFS',
  meterNumberTaken: 'METER_NUMBER_TAKEN',
  accountNumberInOtherUnit: 'ACCOUNT_NUMBER_IN_OTHER_UNIT',
  /** A model's required field left out on create (Keystone's "Required field … is null or undefined"). */
  requiredField: 'REQUIRED_FIELD',
  /** `isAutomatic` without the master B2B app (condo's AUTOMATIC_METER_NO_MASTER_APP). */
  automaticMeterNoMasterApp: 'AUTOMATIC_METER_NO_MASTER_APP',
  b2bAppNotConnected: 'B2B_APP_NOT_CONNECTED',
} as const;

/** Messages fixed by the platform (NOTES.md) that clients may recognise. */
export const DomaErrorMessage = {
  unauthenticated: 'No or incorrect authentication credentials',
  accessDenied: 'You do not have access to this resource',
  variablesSizeExceeded:
    'Variables size limit exceeded. Consider using simpler filters or decreasing batch size',
  passwordMismatchPrefix: '[passwordAuth:secret:mismatch]',
  identityNotFoundPrefix: '[passwordAuth:identity:notFound]',
  noReceiptForFile: 'There are no receipts to connect to this receipt file',
  /** Keystone's answer to a write the model's validation refused; the reasons follow in `messages`. */
  invalidMutation: 'You attempted to perform an invalid mutation',
  multipleReceiptsForFile: 'More then one receipt found for receipt file',
} as const;

/** `errors[].name` of the errors a client tells apart. */
export const DomaErrorName = {
  authentication: 'AuthenticationError',
  accessDenied: 'AccessDeniedError',
  gql: 'GQLError',
  /** A list asked for more than 1000 rows (`first` > 1000). */
  limitsExceeded: 'LimitsExceededError',
  validationFailure: 'ValidationFailureError',
} as const;

/** One element of a GraphQL `errors` array as the platform sends it. */
export const DomaGraphqlError = z.looseObject({
  message: z.string(),
  name: z.string().optional(),
  path: z.array(z.union([z.string(), z.number()])).optional(),
  extensions: z
    .looseObject({
      code: z.string().optional(),
      type: z.string().optional(),
      message: z.string().optional(),
      inputIndex: z.number().optional(),
      messageInterpolation: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
});
export type DomaGraphqlError = z.infer<typeof DomaGraphqlError>;

/** A GraphQL answer whose `data` is checked by `data` (errors-only answers have no `data`). */
export function domaResponse<T extends z.ZodType>(data: T) {
  return z.object({
    data: data.nullable().optional(),
    errors: z.array(DomaGraphqlError).optional(),
  });
}
