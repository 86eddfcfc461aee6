import { z } from 'zod';
import { NonRetryableError } from '../../../engine/policy/platform-errors.js';
import { uzhkhPaths } from '../contract/uzhkh-paths.js';
import { callUzhkh } from './call-uzhkh.js';
import { rememberCommittedMeters } from './committed-meters.js';
import type { AckEntry } from './read-change.js';
import type { UzhkhContext } from './uzhkh-context.js';

/** The guids to delete, and the meter items the committed page held (see committed-meters). */
export const AckToken = z.object({
  deletes: z.array(z.object({ guid: z.string(), objectId: z.string().optional() })),
  meters: z.array(z.string()).default([]),
});

/**
 * seed 001 §"Действия после получения запроса": `To1c/Delete?guid=&objectId=`, one call per record,
 * `deleteConcurrency` at a time. Called only after the page is committed. A Delete of a guid
 * already gone is harmless, so the engine may retry the whole token after one call failed.
 */
export async function deleteGuids(token: unknown, ctx: UzhkhContext): Promise<void> {
  const parsed = AckToken.parse(token);
  rememberCommittedMeters(ctx, parsed.meters);
  const entries: AckEntry[] = parsed.deletes;
  let next = 0;
  let failed = false;
  const worker = async () => {
    // After one failure no new Delete starts: the ack has failed and the rest come again anyway.
    while (next < entries.length && !failed) {
      const entry = entries[next++]!;
      const res = await callUzhkh(ctx, uzhkhPaths.delete, { guid: entry.guid, objectId: entry.objectId });
      const text = await res.text();
      if (!res.ok) {
        throw new NonRetryableError(
          `«Умное ЖКХ» To1c/Delete ${entry.guid}: HTTP ${res.status} ${text.slice(0, 100)}`,
          `http_${res.status}`,
        );
      }
    }
  };
  const workers = Math.min(ctx.connection.settings.deleteConcurrency, entries.length);
  await Promise.all(
    Array.from({ length: workers }, () =>
      worker().catch((error: unknown) => {
        failed = true;
        throw error;
      }),
    ),
  );
}
