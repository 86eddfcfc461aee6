import type { OutboundStream, WireRecord } from '../../../engine/connector/connector.js';
import { type ContractViewRecord, IS74_VIEW_KIND } from './contract-view-record.js';
import { digestOf } from './digest-of.js';
import type { Is74Credentials } from './is74-credentials.js';
import type { Is74Settings } from './is74-settings.js';
import { notifyViews, type ViewMark } from './notify-views.js';
import { storeOf } from './post-callback.js';
import { refreshContractViews } from './refresh-contract-views.js';

/**
 * Contract callbacks (seed 003 §"CallBack" 1 and 2) from the contract views: a view changes exactly
 * when what the core reads of the contract changed — state, options, tariffs and their options,
 * balance, address — however many records moved (a contract and its balance changed together are
 * one change, one callback). Self-contained: the payload is the view's own digest. Before a pass
 * the views are brought up to date, so the pass sees every change that committed before it.
 *
 * The first pass of a connection calls nobody (`firstPass: 'baseline'`): the core reads everything
 * of a resident when they sign in, so what is there before the connection's first run is news to
 * nobody — the engine takes every view as known without reading one.
 */
export const viewCallbacks: OutboundStream<Is74Settings, Is74Credentials> = {
  kind: IS74_VIEW_KIND,
  selfContained: true,
  firstPass: 'baseline',
  limits: { maxRecords: 1000, maxBytes: 1_000_000 },
  async prepare(ctx) {
    await refreshContractViews(storeOf(ctx));
  },
  toWire(rows) {
    const records = rows.map((r): WireRecord => {
      const v = r.data as ContractViewRecord;
      const payload: ViewMark = {
        ext_id: v.contractId,
        account: v.accountNumber,
        seen: digestOf(v.body),
      };
      return { key: r.key, op: r.deleted ? 'delete' : 'upsert', payload };
    });
    return Promise.resolve({ records });
  },
  deliver: notifyViews,
};
