import { sql } from 'drizzle-orm';
import type { Db } from '../../../store/open-store.js';
import { queryRows } from '../../../store/query-rows.js';
import { deleteRecords, upsertRecords } from '../../../store/record-store.js';
import { prepareRecord } from '../../../store/record-validation.js';
import { contractView } from './contract-view.js';
import {
  type ContractIssueRecord,
  type ContractViewRecord,
  IS74_ISSUE_KIND,
  IS74_VIEW_KIND,
  type ViewIssue,
  viewKey,
} from './contract-view-record.js';
import { loadViewSources } from './load-view-sources.js';

/** Change marks taken per transaction, and лицевые счета rendered per statement. */
const CLAIM = 5000;
const ACCOUNTS_PER_LOAD = 500;
/** Held by a refresh for its transaction: two never render the same account at once. */
const VIEWS_LOCK = 0x69733734;

const running = new WeakMap<Db, Promise<number>>();

/**
 * Brings every contract view up to date with what has committed: takes the change marks the
 * `records` trigger left (table `is74_dirty`), finds the лицевые счета whose views they touch, and
 * renders those again from their records. A view whose rendering is unchanged is not written (the
 * record write compares hashes), so it moves no sequence and calls nobody back. Answers how many
 * marks it took.
 *
 * Marks are taken and their views written in one transaction under a lock, so two hubs never
 * write one account's views from different moments; reads see the views of a write as soon as its
 * refresh commits. A caller arriving while a refresh runs in this process shares it: the refresh
 * ends only when it finds no mark left, which is after the caller looked.
 */
export function refreshContractViews(db: Db): Promise<number> {
  const current = running.get(db);
  if (current) return current;
  const started = drain(db).finally(() => running.delete(db));
  running.set(db, started);
  return started;
}

async function drain(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const taken = await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${VIEWS_LOCK})`);
      const marks = await queryRows<{ org_id: string; kind: string; ref: string }>(
        tx,
        sql`
        DELETE FROM is74_dirty WHERE id IN (SELECT id FROM is74_dirty ORDER BY id LIMIT ${CLAIM})
        RETURNING org_id, kind, ref`,
      );
      const byOrg = new Map<string, Array<{ kind: string; ref: string }>>();
      for (const m of marks) {
        const list = byOrg.get(m.org_id) ?? [];
        list.push(m);
        byOrg.set(m.org_id, list);
      }
      for (const [orgId, list] of byOrg) await refreshOrg(tx, orgId, list);
      return marks.length;
    });
    total += taken;
    if (taken < CLAIM) break;
  }
  // PGlite has no autovacuum: without this, the emptied table keeps its dead rows, and every
  // served read's "anything to refresh?" look walks them.
  if (total > 1000) await db.execute(sql`VACUUM is74_dirty`).catch(() => {});
  return total;
}

async function refreshOrg(tx: Db, orgId: string, marks: ReadonlyArray<{ kind: string; ref: string }>) {
  const refs = (kind: string) => [...new Set(marks.filter((m) => m.kind === kind).map((m) => m.ref))];
  const accounts = new Set(refs('account'));
  for (const a of await accountsShowing(tx, orgId, refs('premise'), refs('house'), refs('tariff')))
    accounts.add(a);
  const list = [...accounts];
  for (let i = 0; i < list.length; i += ACCOUNTS_PER_LOAD) {
    await renderAccounts(tx, orgId, list.slice(i, i + ACCOUNTS_PER_LOAD));
  }
}

/**
 * Renders every view of these accounts; drops the views of contracts no longer on them. A view's
 * issues are written beside it; an issue that went away (fixed, or its view gone) is written empty.
 */
async function renderAccounts(tx: Db, orgId: string, accountNumbers: readonly string[]): Promise<void> {
  const src = await loadViewSources(tx, orgId, accountNumbers);
  const issues = new Map<string, ContractIssueRecord>();
  const rendered = src.contracts.map(({ data: c }) => {
    const account = src.accounts.get(c.accountNumber);
    const premise = account && src.premises.get(account.premiseId);
    const house = premise && src.houses.get(premise.houseId);
    const { view, issues: found } = contractView(c, {
      account,
      premise,
      house,
      balances: src.balances.get(c.accountNumber) ?? [],
      tariffs: src.tariffs,
    });
    const record: ContractViewRecord = {
      accountNumber: c.accountNumber,
      contractId: c.id,
      ...(account && { premiseId: account.premiseId }),
      ...(premise && { houseId: premise.houseId }),
      tariffIds: c.tariffIds,
      body: JSON.stringify(view),
    };
    const key = viewKey(c.accountNumber, c.id);
    if (found.length > 0)
      issues.set(key, { accountNumber: c.accountNumber, contractId: c.id, issues: found });
    return prepareRecord(key, record);
  });
  if (rendered.length > 0) await upsertRecords(tx, orgId, IS74_VIEW_KIND, rendered);
  const keep = new Set(rendered.map((r) => r.key));
  const gone = src.views.filter((k) => !keep.has(k));
  if (gone.length > 0) await deleteRecords(tx, orgId, IS74_VIEW_KIND, gone);
  const cleared = (await openIssues(tx, orgId, [...keep, ...gone])).filter((i) => !issues.has(i.key));
  const writes = [
    ...[...issues].map(([key, i]) => prepareRecord(key, i)),
    ...cleared.map((i) => prepareRecord(i.key, { ...i.data, issues: [] as ViewIssue[] })),
  ];
  if (writes.length > 0) await upsertRecords(tx, orgId, IS74_ISSUE_KIND, writes);
}

/** The issue records among these view keys that name an issue now (one key lookup each). */
async function openIssues(
  tx: Db,
  orgId: string,
  keys: readonly string[],
): Promise<Array<{ key: string; data: ContractIssueRecord }>> {
  if (keys.length === 0) return [];
  const rows = await queryRows<{ key: string; data: unknown }>(
    tx,
    sql`
    SELECT k.v AS key, (SELECT r.data FROM records r
      WHERE r.org_id = ${orgId} AND r.kind = ${IS74_ISSUE_KIND} AND r.key = k.v AND r.data->'issues' <> '[]'::jsonb) AS data
    FROM jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb) AS k(v)`,
  );
  return rows.flatMap((r) =>
    r.data === null
      ? []
      : [
          {
            key: r.key,
            data: (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as ContractIssueRecord,
          },
        ],
  );
}

/** The accounts whose views show one of these premises, houses or tariffs (through the views' indexes). */
async function accountsShowing(
  tx: Db,
  orgId: string,
  premises: readonly string[],
  houses: readonly string[],
  tariffs: readonly string[],
): Promise<string[]> {
  if (premises.length + houses.length + tariffs.length === 0) return [];
  // The field is spelled out (not a parameter), so the planner matches the expression index.
  const through = (field: 'premiseId' | 'houseId', refs: readonly string[]) => sql`
    SELECT r.a FROM jsonb_array_elements_text(${JSON.stringify(refs)}::jsonb) AS x(v) CROSS JOIN LATERAL (
      SELECT data->>'accountNumber' AS a FROM records
      WHERE data->>${sql.raw(`'${field}'`)} = x.v AND org_id = ${orgId} AND kind = ${IS74_VIEW_KIND} AND deleted_at IS NULL
      OFFSET 0) r`;
  // Tariffs change rarely and a tariff is on many contracts: the organisation's views are read.
  const onTariffs =
    tariffs.length === 0
      ? sql``
      : sql`UNION ALL SELECT data->>'accountNumber' FROM records
        WHERE org_id = ${orgId} AND kind = ${IS74_VIEW_KIND} AND deleted_at IS NULL
          AND data->'tariffIds' ?| (SELECT array_agg(x) FROM jsonb_array_elements_text(${JSON.stringify(tariffs)}::jsonb) AS x)`;
  const rows = await queryRows<{ a: string }>(
    tx,
    sql`SELECT DISTINCT a FROM (${through('premiseId', premises)} UNION ALL ${through('houseId', houses)} ${onTariffs}) u`,
  );
  return rows.map((r) => r.a);
}
