import type { Contract } from '../../../domain/model/contract.js';
import type { OutboundStream, RecordOutcome, WireRecord } from '../../../engine/connector/connector.js';
import { digestOf } from './digest-of.js';
import type { Is74Credentials } from './is74-credentials.js';
import type { Is74Settings } from './is74-settings.js';
import { is74State } from './is74-wire-values.js';
import { type ChangedContract, notifyContracts } from './notify-contracts.js';

/**
 * Contract callbacks for a change of the contract itself: its state, options, tariffs or account.
 * The payload is a function of the contract alone (self-contained), so a re-sync reads only the
 * contracts changed since the last pass. Balances and tariffs' options have streams of their own.
 */
export const contractCallbacks: OutboundStream<Is74Settings, Is74Credentials> = {
  kind: 'contract',
  selfContained: true,
  limits: { maxRecords: 1000, maxBytes: 1_000_000 },
  toWire(rows) {
    const records = rows.map((r): WireRecord => {
      const c = r.data as Contract;
      const seen = digestOf([c.number, is74State(c.state), c.options, c.tariffIds]);
      const payload: ChangedContract & { seen: string } = { ext_id: r.key, account: c.accountNumber, seen };
      return { key: r.key, op: r.deleted ? 'delete' : 'upsert', payload };
    });
    return Promise.resolve({ records });
  },
  async deliver(batch, ctx) {
    await notifyContracts(
      ctx,
      batch.map((r) => r.payload as ChangedContract),
    );
    return batch.map((): RecordOutcome => ({ status: 'ok' }));
  },
};
