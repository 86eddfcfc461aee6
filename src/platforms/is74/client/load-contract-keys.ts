import { sql } from 'drizzle-orm';
import type { Db } from '../../../store/open-store.js';
import { fastRows } from './fast-rows.js';
import type { ChangedContract } from './notify-contracts.js';

/** The contracts of these accounts, each account through the account-number index. */
export async function contractsOfAccounts(
  db: Db,
  orgId: string,
  accounts: readonly string[],
): Promise<ChangedContract[]> {
  if (accounts.length === 0) return [];
  return fastRows<ChangedContract>(
    db,
    sql`
    SELECT r.key AS ext_id, r.account FROM jsonb_array_elements_text(${JSON.stringify(accounts)}::jsonb) AS ns(v)
    CROSS JOIN LATERAL (
      SELECT key, data->>'accountNumber' AS account FROM records
      WHERE data->>'accountNumber' = ns.v AND org_id = ${orgId} AND kind = 'contract' AND deleted_at IS NULL
      OFFSET 0) r`,
  );
}

/** The contracts on any of these tariffs: a scan of the organisation's contracts (tariffs change rarely). */
export async function contractsOfTariffs(
  db: Db,
  orgId: string,
  tariffIds: readonly string[],
): Promise<ChangedContract[]> {
  if (tariffIds.length === 0) return [];
  return fastRows<ChangedContract>(
    db,
    sql`
    SELECT key AS ext_id, data->>'accountNumber' AS account FROM records
    WHERE org_id = ${orgId} AND kind = 'contract' AND deleted_at IS NULL
      AND data->'tariffIds' ?| (SELECT array_agg(x) FROM jsonb_array_elements_text(${JSON.stringify(tariffIds)}::jsonb) AS x)`,
  );
}
