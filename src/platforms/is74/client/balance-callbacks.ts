import type { Balance } from '../../../domain/model/balance.js';
import type { OutboundStream, RecordOutcome, WireRecord } from '../../../engine/connector/connector.js';
import type { Is74Credentials } from './is74-credentials.js';
import type { Is74Settings } from './is74-settings.js';
import { contractsOfAccounts } from './load-contract-keys.js';
import { notifyContracts } from './notify-contracts.js';
import { storeOf } from './post-callback.js';

/**
 * Contract callbacks for a change of balance (seed 003 §"CallBack" 1: «баланс»): a changed or
 * deleted balance record changes the balance of its account's contracts. Self-contained: the payload
 * is the record's own account and amount.
 */
export const balanceCallbacks: OutboundStream<Is74Settings, Is74Credentials> = {
  kind: 'balance',
  selfContained: true,
  limits: { maxRecords: 1000, maxBytes: 1_000_000 },
  toWire(rows) {
    const records = rows.map((r): WireRecord => {
      const b = r.data as Balance;
      return {
        key: r.key,
        op: r.deleted ? 'delete' : 'upsert',
        payload: { account: b.accountNumber, amount: b.amount },
      };
    });
    return Promise.resolve({ records });
  },
  async deliver(batch, ctx) {
    const accounts = [...new Set(batch.map((r) => (r.payload as { account: string }).account))];
    await notifyContracts(ctx, await contractsOfAccounts(storeOf(ctx), ctx.connection.orgId, accounts));
    return batch.map((): RecordOutcome => ({ status: 'ok' }));
  },
};
