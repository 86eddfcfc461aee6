import type { EntityKind } from '../../domain/entity-kinds.js';
import type { Organization } from '../../domain/model/organization.js';
import type { RecordResult } from '../../store/record-validation.js';

/**
 * Where imported records go: straight into the store, or through a running hub's API. Either way
 * each record gets the same per-record answer ingestRecords gives, in input order.
 */
export interface RecordSink {
  /** For messages: "PGlite at …", "http://hub:8080". */
  readonly where: string;
  /**
   * The organization; fails with a clear CliError before any file is read when it does not exist.
   * (Its bank account is where receipts without recipient columns are paid.)
   */
  checkOrg(): Promise<Organization>;
  /**
   * Upserts one batch of records of one kind; the results have the batch's indexes. A dry-run sink
   * validates and answers the same but writes nothing. With `merge` each record is laid over the
   * stored one (fields it leaves out keep their values) instead of replacing it.
   */
  send(kind: EntityKind, records: readonly unknown[], opts?: { merge?: boolean }): Promise<RecordResult[]>;
}
