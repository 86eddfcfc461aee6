import type { Tariff } from '../../../domain/model/tariff.js';
import type { OutboundStream, RecordOutcome, WireRecord } from '../../../engine/connector/connector.js';
import { digestOf } from './digest-of.js';
import type { Is74Credentials } from './is74-credentials.js';
import type { Is74Settings } from './is74-settings.js';
import { contractsOfTariffs } from './load-contract-keys.js';
import { notifyContracts } from './notify-contracts.js';
import { storeOf } from './post-callback.js';

/**
 * Contract callbacks for a change of a tariff's options (seed 003 §"CallBack" 1: «тарифы»): every
 * contract on the tariff shows them. Self-contained: the payload is the tariff's own options.
 */
export const tariffCallbacks: OutboundStream<Is74Settings, Is74Credentials> = {
  kind: 'tariff',
  selfContained: true,
  limits: { maxRecords: 1000, maxBytes: 1_000_000 },
  toWire(rows) {
    const records = rows.map((r): WireRecord => {
      const t = r.data as Tariff;
      return { key: r.key, op: r.deleted ? 'delete' : 'upsert', payload: { seen: digestOf(t.options) } };
    });
    return Promise.resolve({ records });
  },
  async deliver(batch, ctx) {
    const contracts = await contractsOfTariffs(
      storeOf(ctx),
      ctx.connection.orgId,
      batch.map((r) => r.key),
    );
    await notifyContracts(ctx, contracts);
    return batch.map((): RecordOutcome => ({ status: 'ok' }));
  },
};
