import type { ReadBack, RemoteRecord, WireRecord } from '../../../engine/connector/connector.js';
import { NonRetryableError } from '../../../engine/policy/platform-errors.js';
import { ALL_BILLING_RECEIPTS_DOCUMENT, AllBillingReceiptsData } from '../contract/all-billing-receipts.js';
import { ALL_METERS_DOCUMENT, AllMetersData } from '../contract/all-meters.js';
import { domaLimits } from '../contract/doma-limits.js';
import type { DomaContext } from './doma-context.js';
import type { DomaCredentials } from './doma-credentials.js';
import { domaGraphql } from './doma-graphql.js';
import { domaMoney } from './doma-money.js';
import type { DomaSettings } from './doma-settings.js';

/**
 * Every row of a list, a page of `first` at a time by `skip` in id order (NOTES.md: always pass
 * `first` and a stable `sortBy`). A row unlike the selection is a broken contract, not a row to skip.
 */
async function* pagesOf<T>(
  ctx: DomaContext,
  what: string,
  query: string,
  where: Record<string, unknown>,
  parse: (data: unknown) => { success: true; data: { objs: T[] | null } } | { success: false; error: Error },
): AsyncGenerator<T[]> {
  for (let skip = 0; ; skip += domaLimits.listFirst) {
    const { data } = await domaGraphql(ctx, what, {
      query,
      variables: { where, first: domaLimits.listFirst, skip, sortBy: ['id_ASC'] },
    });
    const parsed = parse(data);
    if (!parsed.success) {
      throw new NonRetryableError(
        `Doma.ai ${what}: a row unlike the selection: ${parsed.error.message}`,
        'contract_break',
      );
    }
    const rows = parsed.data.objs ?? [];
    yield rows;
    if (rows.length < domaLimits.listFirst) return;
  }
}

/**
 * Receipts: the live receipts of our billing context (`allBillingReceipts`), matched by importId —
 * our key — and compared by `toPay` to the kopeck. A receipt deleted on the platform is missing;
 * one another integration or the УК's staff loaded into the context is the platform's alone.
 */
export const receiptsReadBack: ReadBack<DomaSettings, DomaCredentials> = {
  ledger: 'receipt',
  expect: (record: WireRecord) => ({ amount: domaMoney.in((record.payload as { toPay: string }).toPay) }),
  async *read(ctx) {
    const where = { context: { id: ctx.connection.settings.billingContextId }, deletedAt: null };
    for await (const rows of pagesOf(ctx, 'allBillingReceipts', ALL_BILLING_RECEIPTS_DOCUMENT, where, (d) =>
      AllBillingReceiptsData.safeParse(d),
    )) {
      yield rows.map(
        (r): RemoteRecord => ({
          platformId: r.id,
          key: r.importId ?? undefined,
          amount: r.toPay === null ? undefined : domaMoney.in(r.toPay),
          label: `${r.account?.number ?? '?'} ${r.period?.slice(0, 7) ?? '?'}`,
        }),
      );
    }
  },
};

/**
 * Meters: the organisation's live meters (`allMeters`, seed 000 §"Получение ИПУ"), ours found by
 * the Doma.ai id the id map holds. Meters have no amount: a meter is there or not.
 */
export const metersReadBack: ReadBack<DomaSettings, DomaCredentials> = {
  ledger: 'meter',
  expect: () => ({}),
  async *read(ctx) {
    const where = { organization: { id: ctx.connection.settings.organizationId }, deletedAt: null };
    for await (const rows of pagesOf(ctx, 'allMeters', ALL_METERS_DOCUMENT, where, (d) =>
      AllMetersData.safeParse(d),
    )) {
      const page: RemoteRecord[] = [];
      for (const m of rows) {
        page.push({
          platformId: m.id,
          key: await ctx.ids.keyOf('meter', m.id),
          label: `${m.accountNumber ?? '?'} №${m.number}`,
        });
      }
      yield page;
    }
  },
};
