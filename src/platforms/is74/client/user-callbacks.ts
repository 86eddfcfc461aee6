import type { OutboundStream, RecordOutcome, WireRecord } from '../../../engine/connector/connector.js';
import { is74Paths } from '../contract/is74-paths.js';
import type { Is74Credentials } from './is74-credentials.js';
import type { Is74Settings } from './is74-settings.js';
import { IS74_USER_KIND, type Is74StoredUser } from './is74-user.js';
import { postAll } from './post-all.js';

/**
 * Access follows the billing (seed 003 §"CallBack" 2): a user created, deleted, or given or taken a
 * лицевой счёт makes one `{user_ext_id}` for that user, and the core reads the user's contracts as
 * they are now — a former resident loses the contract, and the permissions it gave, at once rather
 * than at the next sign-in. The payload is the user's accounts alone (self-contained): a new
 * password or phone number calls nobody. The first pass is a baseline like the views'.
 */
export const userCallbacks: OutboundStream<Is74Settings, Is74Credentials> = {
  kind: IS74_USER_KIND,
  selfContained: true,
  firstPass: 'baseline',
  limits: { maxRecords: 1000, maxBytes: 1_000_000 },
  toWire(rows) {
    const records = rows.map(
      (r): WireRecord => ({
        key: r.key,
        op: r.deleted ? 'delete' : 'upsert',
        payload: { accounts: [...new Set((r.data as Is74StoredUser).accountNumbers)].sort() },
      }),
    );
    return Promise.resolve({ records });
  },
  async deliver(batch, ctx) {
    await postAll(
      ctx,
      is74Paths.contractCallback,
      batch.map((r) => ({ user_ext_id: r.key })),
    );
    return batch.map((): RecordOutcome => ({ status: 'ok' }));
  },
};
