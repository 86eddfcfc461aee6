import type { House } from '../../domain/model/house.js';
import type { Receipt } from '../../domain/model/receipt.js';
import { listRecords } from '../../store/record-store.js';
import type { DemoContext, DemoRun, PlatformDemo } from '../platform-demo.js';
import { SeedIds } from './sandbox/seed-objects.js';
import { startDomaSandbox } from './sandbox/start-doma-sandbox.js';

/** A one-page PDF with a line of text: what a billing would upload per receipt. */
function demoPdf(text: string): string {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  ).toString('base64');
}

function summary(runs: readonly DemoRun[]): string {
  return runs
    .map(
      (r) =>
        `${r.state}: sent ${r.sent}, received ${r.received}, unchanged ${r.unchanged}, failed ${r.failed}`,
    )
    .join('; ');
}

/**
 * `npm run demo`, Doma.ai part: a sandbox with the demo organisation's houses; receipts, three PDFs,
 * meters and readings published; residents then pay and submit readings in the sandbox, the hub
 * pulls them, and the day's bank payment registry is printed.
 */
export const domaDemo: PlatformDemo = {
  platform: 'doma',
  title:
    'Doma.ai: receipts, PDF receipts, meters and readings out; residents’ readings, payments and staff’s meters back; a bank registry',
  async run(ctx: DemoContext) {
    const sandbox = await startDomaSandbox();
    try {
      await play(ctx, sandbox);
    } catch (err) {
      await sandbox.close();
      throw err;
    }
    return { close: () => sandbox.close() };
  },
};

async function play(ctx: DemoContext, sandbox: Awaited<ReturnType<typeof startDomaSandbox>>): Promise<void> {
  const org = encodeURIComponent(ctx.orgId);
  const domaOrg = SeedIds.context; // the seed's organization with the Finished billing context
  // The УК's houses are registered on the platform (its CRM) before any billing integration.
  const houses = await listRecords(ctx.db, ctx.orgId, 'house', { limit: 10_000 });
  for (const h of houses) sandbox.addProperty(domaOrg, (h.data as House).address, (h.data as House).fiasGuid);
  ctx.log(
    `sandbox ${sandbox.url} (${sandbox.email}), ${houses.length} house(s) of the demo registered in its organization`,
  );

  const connectionId = await ctx.freshConnection({
    platform: 'doma',
    name: 'doma-demo',
    credentials: { email: sandbox.email, password: sandbox.password },
    settings: { baseUrl: sandbox.url, billingContextId: SeedIds.context, organizationId: domaOrg },
  });

  const receipts = (await listRecords(ctx.db, ctx.orgId, 'receipt', { limit: 3 })).map(
    (r) => r.data as Receipt,
  );
  await ctx.hub.post(
    `/v1/orgs/${org}/receipt-files`,
    receipts.map(({ accountNumber, period, category }) => ({
      accountNumber,
      period,
      category,
      content: demoPdf(`receipt ${accountNumber} ${period}`),
    })),
  );
  const out = await ctx.syncAndWait(connectionId, { direction: 'outbound' });
  const state = sandbox.state();
  ctx.log(`outbound: ${summary(out)}`);
  ctx.log(
    `  on Doma.ai now: ${state.counts.receipts} receipts, ${state.counts.receiptFiles} PDF receipts, ${state.counts.meters - 1} meters, ${state.counts.readings} readings`,
  );
  const again = await ctx.syncAndWait(connectionId, { direction: 'outbound' });
  ctx.log(
    `  re-sync right away: ${summary(again)} (platform writes: ${sandbox.writeCount() - state.writes.total})`,
  );

  // Residents pay through the app and submit readings.
  const today = new Date().toISOString().slice(0, 10);
  const paid = sandbox.receipts().slice(0, 4);
  paid.forEach((r, i) => {
    sandbox.addPayment({
      organizationId: domaOrg,
      receiptId: r.id,
      amount: r.toPay,
      implicitFee: i === 0 ? '12.50' : '0',
      order: 'DEMO-0001',
      status: i === 3 ? 'WITHDRAWN' : 'DONE',
      transferDate: i === 3 ? null : `${today}T00:00:01.000Z`,
    });
  });
  const meters = sandbox
    .meters()
    .filter((m) => m.id !== SeedIds.meter)
    .slice(0, 2);
  for (const m of meters)
    sandbox.addResidentReading({ meterId: m.id, values: Array(m.numberOfTariffs).fill('123.45') });
  // The УК's staff take a meter out of service in the CRM: it comes back to the billing's inbox.
  const retired = meters[0];
  if (retired) sandbox.archiveMeterAsStaff({ meterId: retired.id });
  const back = await ctx.syncAndWait(connectionId, { direction: 'inbound' });
  ctx.log(
    `inbound: ${summary(back)} (3 DONE payments, 1 WITHDRAWN left out, ${meters.length} readings, ${retired ? 1 : 0} meter archived by staff)`,
  );

  const regs = await ctx.hub.call('GET', `/v1/orgs/${org}/registries?date=${today}`);
  for (const reg of regs.body.registries as Array<{
    order: string;
    count: number;
    amount: string;
    text: string;
  }>) {
    ctx.log(
      `registry for payment order ${reg.order}: ${reg.count} payments, ${reg.amount} ₽ (windows-1251 file: GET /v1/orgs/${ctx.orgId}/connections/doma-demo/registry?date=${today})`,
    );
    for (const line of reg.text.trimEnd().split('\r\n')) ctx.log(`  ${line}`);
  }
}
