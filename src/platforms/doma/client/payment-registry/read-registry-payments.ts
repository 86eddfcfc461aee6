import { sql } from 'drizzle-orm';
import type { Db } from '../../../../store/open-store.js';
import { queryRows } from '../../../../store/query-rows.js';

/** The platform's payment row as the payments stream keeps it in the inbox (`payload.source`). */
export interface DomaPaymentSource {
  id: string;
  amount?: string | null;
  implicitFee?: string | null;
  depositedDate?: string | null;
  transferDate?: string | null;
  order?: string | null;
  accountNumber?: string | null;
  rawAddress?: string | null;
  status?: string | null;
  deletedAt?: string | null;
}

/**
 * The Doma.ai payments in an organisation's inbox that were transferred to the УК in [start, end),
 * from the given connections. Only DONE payments are registry material (seed 000: WITHDRAWN money
 * has not reached the УК); the pull takes only those, and this filter holds the line again.
 */
export async function readRegistryPayments(
  db: Db,
  orgId: string,
  connectionIds: readonly string[],
  window: { start: Date; end: Date },
): Promise<Array<{ connectionId: string; source: DomaPaymentSource }>> {
  if (connectionIds.length === 0) return [];
  const rows = await queryRows<{ connection_id: string; source: unknown }>(
    db,
    sql`
    SELECT connection_id, payload->'source' AS source FROM inbox
    WHERE org_id = ${orgId} AND kind = 'payment' AND platform = 'doma'
      AND connection_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(connectionIds)}::jsonb))
      AND (payload->'source'->>'transferDate')::timestamptz >= ${window.start.toISOString()}::timestamptz
      AND (payload->'source'->>'transferDate')::timestamptz < ${window.end.toISOString()}::timestamptz
    ORDER BY id`,
  );
  return rows
    .map((r) => ({
      connectionId: r.connection_id,
      source: (typeof r.source === 'string' ? JSON.parse(r.source) : r.source) as DomaPaymentSource,
    }))
    .filter((p) => p.source.status === 'DONE' && !p.source.deletedAt);
}
