import type { OutboundStream, RecordOutcome, WireRecord } from '../../../engine/connector/connector.js';
import { is74Paths } from '../contract/is74-paths.js';
import type { Is74Credentials } from './is74-credentials.js';
import type { Is74Settings } from './is74-settings.js';
import { postAll } from './post-all.js';
import { IS74_LINK_KIND } from './user-links.js';

/**
 * Access follows the billing (seed 003 §"CallBack" 2): a лицевой счёт linked to or unlinked from an
 * is74 user — a user created, changed or deleted — makes one `{user_ext_id}` for that user, and the
 * core reads the user's contracts as they are now: a former resident loses the contract, and the
 * permissions it gave, at once rather than at the next sign-in. The links are records of their own
 * (see user-links), so the stream is self-contained; its first pass is a baseline like the views'.
 */
export const linkCallbacks: OutboundStream<Is74Settings, Is74Credentials> = {
  kind: IS74_LINK_KIND,
  selfContained: true,
  firstPass: 'baseline',
  limits: { maxRecords: 1000, maxBytes: 1_000_000 },
  toWire(rows) {
    const records = rows.map((r): WireRecord => {
      const link = r.data as { userId: string; accountNumber: string };
      return {
        key: r.key,
        op: r.deleted ? 'delete' : 'upsert',
        payload: { user: link.userId, account: link.accountNumber },
      };
    });
    return Promise.resolve({ records });
  },
  async deliver(batch, ctx) {
    const users = [...new Set(batch.map((r) => (r.payload as { user: string }).user))];
    await postAll(
      ctx,
      is74Paths.contractCallback,
      users.map((u) => ({ user_ext_id: u })),
    );
    return batch.map((): RecordOutcome => ({ status: 'ok' }));
  },
};
