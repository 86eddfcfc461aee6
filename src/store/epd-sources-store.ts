import { sql } from 'drizzle-orm';
import type { EpdSources } from '../domain/epd/epd-sources.js';
import type { Account } from '../domain/model/account.js';
import type { House } from '../domain/model/house.js';
import type { Meter } from '../domain/model/meter.js';
import type { Organization } from '../domain/model/organization.js';
import type { Premise } from '../domain/model/premise.js';
import type { Reading } from '../domain/model/reading.js';
import type { Receipt } from '../domain/model/receipt.js';
import { nextPeriod, periodFirstDay } from '../domain/period.js';
import type { Db } from './open-store.js';
import { getOrg } from './org-store.js';
import { queryRows } from './query-rows.js';
import { getLiveRecords } from './record-store.js';

const parsed = <T>(data: unknown): T => (typeof data === 'string' ? JSON.parse(data) : data) as T;

/**
 * Everything the ЕПД of these receipts show, in a handful of queries whatever their number: their
 * accounts, premises and houses by key, the accounts' meters (by account, an index of their own) and
 * each meter's two latest readings dated before the end of the latest period. Answers the sources
 * in the receipts' order; undefined when the organisation does not exist.
 */
export async function loadEpdSources(
  db: Db,
  orgId: string,
  receipts: readonly Receipt[],
  organization?: Organization,
): Promise<EpdSources[] | undefined> {
  const org = organization ?? (await getOrg(db, orgId))?.data;
  if (!org) return undefined;
  if (receipts.length === 0) return [];
  const accounts = (await getLiveRecords(
    db,
    orgId,
    'account',
    receipts.map((r) => r.accountNumber),
  )) as Map<string, Account>;
  const premises = (await getLiveRecords(
    db,
    orgId,
    'premise',
    [...accounts.values()].map((a) => a.premiseId),
  )) as Map<string, Premise>;
  const houses = (await getLiveRecords(
    db,
    orgId,
    'house',
    [...premises.values()].map((p) => p.houseId),
  )) as Map<string, House>;
  const meters = await metersOf(db, orgId, [...accounts.keys()]);
  const latest = receipts.map((r) => r.period).reduce((a, b) => (a > b ? a : b));
  const readings = await latestReadings(
    db,
    orgId,
    [...meters.values()].flat().map((m) => m.id),
    periodFirstDay(nextPeriod(latest)),
  );
  return receipts.map((receipt) => {
    const account = accounts.get(receipt.accountNumber);
    const premise = account ? premises.get(account.premiseId) : undefined;
    const own = meters.get(receipt.accountNumber) ?? [];
    return {
      receipt,
      organization: org,
      account,
      premise,
      house: premise ? houses.get(premise.houseId) : undefined,
      meters: own,
      readings: own.flatMap((m) => readings.get(m.id) ?? []),
    };
  });
}

/** The live meters of these accounts, by account, in key order. */
async function metersOf(
  db: Db,
  orgId: string,
  accountNumbers: readonly string[],
): Promise<Map<string, Meter[]>> {
  const out = new Map<string, Meter[]>();
  if (accountNumbers.length === 0) return out;
  const rows = await queryRows<{ data: unknown }>(
    db,
    sql`
    SELECT r.data FROM jsonb_array_elements_text(${JSON.stringify(accountNumbers)}::jsonb) AS a(number)
    JOIN LATERAL (
      SELECT data, key FROM records
      WHERE data->>'accountNumber' = a.number AND org_id = ${orgId} AND kind = 'meter' AND deleted_at IS NULL
    ) r ON true
    ORDER BY r.key`,
  );
  for (const row of rows) {
    const m = parsed<Meter>(row.data);
    out.set(m.accountNumber, [...(out.get(m.accountNumber) ?? []), m]);
  }
  return out;
}

/** Each meter's two latest live readings dated before `before` (the readings an ЕПД shows). */
async function latestReadings(
  db: Db,
  orgId: string,
  meterIds: readonly string[],
  before: string,
): Promise<Map<string, Reading[]>> {
  const out = new Map<string, Reading[]>();
  if (meterIds.length === 0) return out;
  const rows = await queryRows<{ data: unknown }>(
    db,
    sql`
    SELECT r.data FROM jsonb_array_elements_text(${JSON.stringify(meterIds)}::jsonb) AS m(id)
    JOIN LATERAL (
      SELECT data FROM records
      WHERE data->>'meterId' = m.id AND org_id = ${orgId} AND kind = 'reading' AND deleted_at IS NULL
        AND data->>'date' < ${before}
      ORDER BY data->>'date' DESC LIMIT 2
    ) r ON true`,
  );
  for (const row of rows) {
    const r = parsed<Reading>(row.data);
    out.set(r.meterId, [...(out.get(r.meterId) ?? []), r]);
  }
  return out;
}

/** Receipts of one period (optionally one account), a page in key order after `after`. */
export async function listPeriodReceipts(
  db: Db,
  orgId: string,
  opts: { period: string; account?: string | undefined; after?: string | undefined; limit: number },
): Promise<Array<{ key: string; data: Receipt }>> {
  const rows = await queryRows<{ key: string; data: unknown }>(
    db,
    sql`
    SELECT key, data FROM records
    WHERE org_id = ${orgId} AND kind = 'receipt' AND deleted_at IS NULL AND data->>'period' = ${opts.period}
      ${opts.account === undefined ? sql`` : sql`AND data->>'accountNumber' = ${opts.account}`}
      ${opts.after === undefined ? sql`` : sql`AND key > ${opts.after}`}
    ORDER BY key LIMIT ${opts.limit}`,
  );
  return rows.map((r) => ({ key: r.key, data: parsed<Receipt>(r.data) }));
}

/** How many live receipts the period (or the account's period) has. */
export async function countPeriodReceipts(
  db: Db,
  orgId: string,
  opts: { period: string; account?: string | undefined },
): Promise<number> {
  const rows = await queryRows<{ n: string | number }>(
    db,
    sql`
    SELECT count(*) AS n FROM records
    WHERE org_id = ${orgId} AND kind = 'receipt' AND deleted_at IS NULL AND data->>'period' = ${opts.period}
      ${opts.account === undefined ? sql`` : sql`AND data->>'accountNumber' = ${opts.account}`}`,
  );
  return Number(rows[0]?.n ?? 0);
}
