import { z } from 'zod';
import { DomaReadingSource } from '../contract/meter-reading-sources.js';
import { SENDER_FINGERPRINT_RE } from '../contract/sender.js';

/**
 * Settings of a Doma.ai connection; strict, so a typo is an error rather than a silent default.
 * `categories` maps the canonical receipt category to a Doma.ai BillingCategory id; `housing` and
 * `capital_repair` are built in (doma-categories.ts) and may be overridden here.
 */
export const DomaSettings = z.strictObject({
  /** Where `/admin/api` lives, e.g. https://condo.d.doma.ai */
  baseUrl: z.url(),
  /** The billing integration context (seed 000 §"Интеграция через АПИ": `context.id`). */
  billingContextId: z.uuid(),
  /** The organisation in Doma.ai: meters, readings and payments are filtered by it. */
  organizationId: z.uuid(),
  fingerprint: z
    .string()
    .regex(SENDER_FINGERPRINT_RE, 'seed 000: 5–42 characters of [a-zA-Z0-9!#$%()*+-;=,:[]/.?@^_`{|}~]')
    .default('zhkh-bridge'),
  categories: z.record(z.string().min(1), z.uuid()).default({}),
  /**
   * Our house id → its Doma.ai Property id, for a house whose ФИАС and address do not find it among
   * the organization's (a meter without readings is connected to its house by id).
   */
  propertyIds: z.record(z.string().min(1), z.uuid()).default({}),
  /** What registerMetersReadings records as the source of our readings (default «Внешняя интеграция»). */
  readingSourceId: z.uuid().default(DomaReadingSource.externalIntegration.id),
  /** Bank payment registries: file encoding and the time zone of their dates and times. */
  registryEncoding: z.enum(['windows-1251', 'utf-8']).default('windows-1251'),
  registryTimeZone: z.string().min(1).default('UTC'),
  /** First pull of payments / resident readings starts this far back (days). */
  inboundLookbackDays: z.number().int().min(1).max(3650).default(45),
  /**
   * Every pull re-reads this many hours before the newest item already seen: a payment may become
   * DONE with an earlier transferDate after we read past it. The inbox dedupes what is read twice.
   */
  /**
   * Send the hub's own ЕПД (full and public PDF) for receipts the billing uploaded no PDF for
   * (generated-epd-stream.ts); `epdQrCharset` is its payment QR's charset (1 = windows-1251, 2 = UTF-8).
   */
  generatePdf: z.boolean().default(false),
  epdQrCharset: z.union([z.literal(1), z.literal(2)]).default(1),
  inboundOverlapHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 31)
    .default(72),
});
export type DomaSettings = z.output<typeof DomaSettings>;
