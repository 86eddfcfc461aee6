/**
 * The platform's request limits (NOTES.md, read from condo's source; seed 000 §"Интеграция через АПИ"
 * states the 1000 receipts). Production may differ; the sandbox takes these as defaults.
 */
export const domaLimits = {
  /** registerBillingReceipts: receipts per call, else RECEIPTS_LIMIT_HIT for the whole call. */
  receiptsPerCall: 1000,
  /** registerMetersReadings: readings per call, else TOO_MUCH_READINGS. */
  readingsPerCall: 500,
  /** Variables, measured by {@link variablesSize}: 512 KB, else VARIABLES_SIZE_EXCEEDED. */
  variablesBytes: 512 * 1024,
  /** Characters of the query text, else ROOT_QUERY_LENGTH_EXCEEDED. */
  queryChars: 8192,
  /** `first` of every list query. */
  listFirst: 1000,
  /** Complexity points per user per hour. */
  complexityPerHour: 50_000,
  /** Complexity cost of any mutation, whatever its size. */
  mutationCost: 5,
  /** How long a service user's session lives (about 7 days). */
  sessionTtlMs: 7 * 24 * 3600 * 1000,
} as const;

/** The one endpoint every request goes to. */
export const DOMA_API_PATH = '/admin/api';
