import type { Receipt } from '../../../domain/model/receipt.js';
import type { OutboundStream, RecordOutcome, WireRecord } from '../../../engine/connector/connector.js';
import { is74Paths } from '../contract/is74-paths.js';
import { digestOf } from './digest-of.js';
import type { Is74Credentials } from './is74-credentials.js';
import type { Is74Settings } from './is74-settings.js';
import { chargeView } from './load-charges.js';
import { postAll } from './post-all.js';
import { type Is74Context, storeOf } from './post-callback.js';
import { usersOfAccounts } from './user-links.js';

interface ChargeMark {
  account: string;
  seen: string;
}

/**
 * Charge callbacks (seed 003 §"CallBack" 3): charges are the receipts of a user's accounts, so a
 * receipt whose charge view changed (or that was deleted) makes one `{user_ext_id}` per user of its
 * account. The payload is a function of the receipt alone: unchanged receipts are not even read.
 * The first pass is a baseline (the core reads charges when a resident signs in).
 */
export const chargeCallbacks: OutboundStream<Is74Settings, Is74Credentials> = {
  kind: 'receipt',
  selfContained: true,
  firstPass: 'baseline',
  limits: { maxRecords: 1000, maxBytes: 1_000_000 },
  toWire(rows) {
    const records = rows.map((r): WireRecord => {
      const receipt = r.data as Receipt;
      const payload: ChargeMark = { account: receipt.accountNumber, seen: digestOf(chargeView(receipt)) };
      return { key: r.key, op: r.deleted ? 'delete' : 'upsert', payload };
    });
    return Promise.resolve({ records });
  },
  deliver: deliverChargeCallbacks,
};

async function deliverChargeCallbacks(
  batch: readonly WireRecord[],
  ctx: Is74Context,
): Promise<RecordOutcome[]> {
  const accounts = [...new Set(batch.map((r) => (r.payload as ChargeMark).account))];
  const users = await usersOfAccounts(storeOf(ctx), ctx.connection.orgId, accounts);
  await postAll(
    ctx,
    is74Paths.chargeCallback,
    users.map((u) => ({ user_ext_id: u.id })),
  );
  return batch.map((): RecordOutcome => ({ status: 'ok' }));
}
