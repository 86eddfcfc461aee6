import type { EntityKind } from '../../domain/entity-kinds.js';
import { ingestRecords } from '../../store/ingest-records.js';
import type { Store } from '../../store/open-store.js';
import { getOrg } from '../../store/org-store.js';
import { CliError } from '../cli-error.js';
import type { RecordSink } from './record-sink.js';

/**
 * Writes into an open store through ingestRecords — the very path the API uses, so an import and a
 * POST of the same records give the same answers. Each batch is one transaction (rolled back in a
 * dry run).
 */
export function directSink(store: Store, orgId: string, opts: { dryRun?: boolean } = {}): RecordSink {
  return {
    where: store.where,
    async checkOrg() {
      const org = await getOrg(store.db, orgId);
      if (!org) {
        throw new CliError(
          `organization "${orgId}" does not exist in ${store.where}; create it with \`zhkh-bridge orgs create\`, or check --org and --data-dir`,
        );
      }
      return org.data;
    },
    async send(kind: EntityKind, records: readonly unknown[], how: { merge?: boolean } = {}) {
      const summary = await ingestRecords(store.db, orgId, kind, records, {
        dryRun: opts.dryRun === true,
        merge: how.merge === true,
      });
      return summary.results;
    },
  };
}
