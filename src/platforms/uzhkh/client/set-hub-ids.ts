import { z } from 'zod';
import { NonRetryableError } from '../../../engine/policy/platform-errors.js';
import { SET_ID_TYPES, setIdAnswerOf } from '../contract/set-id-answer.js';
import { uzhkhPaths } from '../contract/uzhkh-paths.js';
import { callUzhkh } from './call-uzhkh.js';
import type { UzhkhContext } from './uzhkh-context.js';

export const HubIds = z.array(z.object({ type: z.string(), uzhkhId: z.string(), externalId: z.string() }));
export type HubIds = z.infer<typeof HubIds>;

/**
 * `hub` mode for objects met in a full download with a `--` id: there is no change record whose
 * Delete could carry `objectId`, so after the page is committed the hub tells the platform its id
 * through `SetId` (seed 001 §"Присвоение Id"). `notFound` means the id was replaced meanwhile (a
 * Delete with `objectId` got there first): nothing to do. Types SetId does not know (cars) are left
 * to their next change record's Delete.
 */
export async function setHubIds(token: unknown, ctx: UzhkhContext): Promise<void> {
  for (const a of HubIds.parse(token)) {
    if (!(SET_ID_TYPES as readonly string[]).includes(a.type)) continue;
    const res = await callUzhkh(ctx, uzhkhPaths.setId, {
      uzhkId: a.uzhkhId,
      externalId: a.externalId,
      type: a.type,
    });
    const word = setIdAnswerOf(await res.text());
    if (word === 'success' || word === 'notFound') continue;
    throw new NonRetryableError(
      `«Умное ЖКХ» SetId ${a.type} ${a.uzhkhId} → ${a.externalId}: HTTP ${res.status} ${word ?? ''}`.trim(),
      'uzhkh_set_id',
    );
  }
}
