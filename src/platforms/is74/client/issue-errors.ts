import type { OutboundStream, RecordOutcome, WireRecord } from '../../../engine/connector/connector.js';
import { type ContractIssueRecord, IS74_ISSUE_KIND } from './contract-view-record.js';
import type { Is74Credentials } from './is74-credentials.js';
import type { Is74Settings } from './is74-settings.js';
import { storeOf } from './post-callback.js';
import { refreshContractViews } from './refresh-contract-views.js';

/**
 * What a contract is served without (seed 003 §"3." shows `address`, `building_code`, `region`,
 * `building_num` and `flat` filled) as record errors of the connection, naming the field and the
 * record that lacks it. Nothing goes to the core: a contract with an issue is still served and
 * called back like any other. An issue is refused at mapping (a record error, until it changes);
 * an issue gone is delivered as done, which resolves the error. Every pass of every connection
 * reports the issues there are, the first one included.
 */
export const issueErrors: OutboundStream<Is74Settings, Is74Credentials> = {
  kind: IS74_ISSUE_KIND,
  selfContained: true,
  limits: { maxRecords: 1000, maxBytes: 1_000_000 },
  async prepare(ctx) {
    await refreshContractViews(storeOf(ctx));
  },
  toWire(rows) {
    const records: WireRecord[] = [];
    const rejected: Array<{ key: string; code: string; message: string }> = [];
    for (const r of rows) {
      const issues = r.deleted ? [] : (r.data as ContractIssueRecord).issues;
      if (issues.length === 0) records.push({ key: r.key, op: 'upsert', payload: { resolved: true } });
      else {
        rejected.push({
          key: r.key,
          code: issues[0]!.code,
          message: issues.map((i) => i.message).join('; '),
        });
      }
    }
    return Promise.resolve({ records, rejected });
  },
  deliver: (batch) => Promise.resolve(batch.map((): RecordOutcome => ({ status: 'ok' }))),
};
