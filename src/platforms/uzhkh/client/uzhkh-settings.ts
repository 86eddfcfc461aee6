import { z } from 'zod';

/** Connection settings of a «Умное ЖКХ» connection; strict, so a typo is an error rather than a default. */
export const UzhkhSettings = z.strictObject({
  /** The "внутренняя ссылка" support issues, without a trailing path. */
  baseUrl: z.url(),
  /**
   * Who gives objects created on the platform (`--` ids) their permanent id: `hub` at once (a stable
   * id passed as `objectId` on `To1c/Delete`), or `billing` later through our API (the hub calls `SetId`).
   */
  idAssignment: z.enum(['hub', 'billing']).default('hub'),
  /** Download every `Synchronization/Download*` list once, on the first sync. */
  fullDownload: z.boolean().default(true),
  /** Change records committed per page: a longer `To1c/Requests` answer is taken in slices. */
  pageSize: z.number().int().min(1).max(5000).default(2000),
  /** `To1c/Delete` calls in flight at once (one call per guid). */
  deleteConcurrency: z.number().int().min(1).max(64).default(16),
  /** The zone of the platform's zone-less DateTime values. */
  timeZone: z
    .string()
    .regex(/^[+-]\d\d:\d\d$/)
    .default('+03:00'),
});
export type UzhkhSettings = z.output<typeof UzhkhSettings>;
