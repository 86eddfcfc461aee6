/**
 * The headers of every webhook request (README "Webhooks"). The body is JSON
 * `{"events":[{"id","type","orgId","createdAt","data"}]}`, events in order; `id` is what the billing
 * deduplicates on (delivery is at least once) and the cursor a replay starts from.
 */
export const webhookHeaders = {
  /** Unix seconds when the request was signed; part of the signed text, so it cannot be swapped. */
  timestamp: 'x-zhkh-timestamp',
  /** `v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>" with the endpoint's secret>`. */
  signature: 'x-zhkh-signature',
  /** The endpoint's id (one billing may have several endpoints). */
  endpoint: 'x-zhkh-webhook-id',
  /** `<first event id>..<last event id>` of the batch, for logs. */
  delivery: 'x-zhkh-delivery',
} as const;
