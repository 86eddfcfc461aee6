import { sql } from 'drizzle-orm';
import type { Receipt } from '../../../domain/model/receipt.js';
import { MONTH_NAMES } from '../../../domain/month-names.js';
import type { Db } from '../../../store/open-store.js';
import type { Is74ChargeView } from '../contract/catalogue-response.js';
import { fastRows } from './fast-rows.js';
import { IS74_USER_KIND } from './is74-user.js';
import { is74Period } from './is74-wire-values.js';

/**
 * A user's charges, latest first (seed 003 §"7. Начисления"), from the receipts of the user's
 * accounts: one charge per receipt, `cost` the period's charge (the receipt's `charge`, or its
 * `toPay` when the billing sent no separate charge). `undefined` when the user is unknown.
 */
export async function loadCharges(
  db: Db,
  orgId: string,
  userId: string,
  limit: number,
): Promise<Is74ChargeView[] | undefined> {
  const rows = await fastRows<{ k: string; data: unknown }>(
    db,
    sql`
    WITH u AS (
      SELECT data FROM records
      WHERE org_id = ${orgId} AND kind = ${IS74_USER_KIND} AND key = ${userId} AND deleted_at IS NULL
    ),
    r AS (
      SELECT r.data FROM (SELECT DISTINCT jsonb_array_elements_text(data->'accountNumbers') AS v FROM u) us
      CROSS JOIN LATERAL (
        SELECT data FROM records
        WHERE data->>'accountNumber' = us.v AND org_id = ${orgId} AND kind = 'receipt' AND deleted_at IS NULL OFFSET 0) r
      ORDER BY r.data->>'period' DESC, r.data->>'accountNumber', r.data->>'category'
      LIMIT ${limit}
    )
    SELECT 'u' AS k, NULL::jsonb AS data FROM u
    UNION ALL SELECT 'r', data FROM r`,
  );
  if (!rows.some((r) => r.k === 'u')) return undefined;
  return rows
    .filter((r) => r.k === 'r')
    .map((r) => chargeView((typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Receipt));
}

export function chargeView(r: Receipt): Is74ChargeView {
  const month = MONTH_NAMES[Number(r.period.slice(5, 7)) - 1];
  return {
    account: r.accountNumber,
    cost: r.charge ?? r.toPay,
    period: is74Period(r.period),
    description: `Начисления (${r.category}) за ${month} ${r.period.slice(0, 4)}`,
  };
}
