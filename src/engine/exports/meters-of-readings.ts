import { sql } from 'drizzle-orm';
import type { ExportRow } from '../../domain/export/export-row.js';
import type { Db } from '../../store/open-store.js';
import { queryRows } from '../../store/query-rows.js';

/**
 * Fills in what a platform's reading leaves out from our meter records: «Умное ЖКХ» names the meter
 * (our id) but not the лицевой счёт, Doma.ai names the account and the meter's number but not our
 * id. With both filled the billing gets whole rows, and the same reading from the two platforms has
 * the same meter, so it is deduplicated. A meter we do not hold leaves the row as the platform sent
 * it. Rows are changed in place.
 */
interface MeterRow {
  key: string;
  a: string | null;
  n: string | null;
  gone: boolean;
}

export async function completeReadingMeters(
  db: Db,
  orgId: string,
  rows: readonly ExportRow[],
): Promise<void> {
  const ids = new Set<string>();
  const accounts = new Set<string>();
  for (const { fields: f } of rows) {
    if (typeof f.meterId === 'string') ids.add(f.meterId);
    else if (typeof f.accountNumber === 'string') accounts.add(f.accountNumber);
  }
  if (ids.size === 0 && accounts.size === 0) return;
  // Two look-ups, each by its index (the key; the meters' лицевой счёт), not one OR that scans the
  // kind. Live meters first: a deleted meter's number may have been given to a new one.
  const list = (values: Set<string>) => JSON.stringify([...values]);
  const meters = [
    ...(ids.size === 0
      ? []
      : await queryRows<MeterRow>(
          db,
          sql`
          SELECT key, data->>'accountNumber' AS a, data->>'number' AS n, deleted_at IS NOT NULL AS gone FROM records
          WHERE org_id = ${orgId} AND kind = 'meter'
            AND key IN (SELECT jsonb_array_elements_text(${list(ids)}::jsonb))`,
        )),
    ...(accounts.size === 0
      ? []
      : await queryRows<MeterRow>(
          db,
          sql`
          SELECT key, data->>'accountNumber' AS a, data->>'number' AS n, deleted_at IS NOT NULL AS gone FROM records
          WHERE data->>'accountNumber' IN (SELECT jsonb_array_elements_text(${list(accounts)}::jsonb))
            AND org_id = ${orgId} AND kind = 'meter'`,
        )),
  ].sort((x, y) => Number(x.gone) - Number(y.gone));
  const byId = new Map<string, { a: string | null; n: string | null }>();
  const byNumber = new Map<string, string>();
  for (const m of meters) {
    byId.set(m.key, m);
    const pair = `${m.a}\u0000${m.n}`;
    if (!byNumber.has(pair)) byNumber.set(pair, m.key);
  }
  for (const { fields: f } of rows) {
    if (typeof f.meterId === 'string') {
      const m = byId.get(f.meterId);
      if (!m) continue;
      f.accountNumber ??= m.a ?? undefined;
      f.meterNumber ??= m.n ?? undefined;
    } else if (typeof f.accountNumber === 'string' && typeof f.meterNumber === 'string') {
      f.meterId = byNumber.get(`${f.accountNumber}\u0000${f.meterNumber}`);
    }
  }
}
