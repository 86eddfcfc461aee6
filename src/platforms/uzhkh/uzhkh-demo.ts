import type { DemoContext, PlatformDemo } from '../platform-demo.js';
import { startUzhkhSandbox } from './sandbox/start-uzhkh-sandbox.js';

/** Counts of the connection's inbox entries by kind, read through the billing's feed. */
async function inboxCounts(ctx: DemoContext, connectionId: string) {
  const org = encodeURIComponent(ctx.orgId);
  const counts: Record<string, number> = {};
  // biome-ignore lint/suspicious/noExplicitAny: the feed's items are read field by field
  const mine: any[] = [];
  let after = 0;
  for (;;) {
    const page = (await ctx.hub.call('GET', `/v1/orgs/${org}/inbox?after=${after}&limit=1000`)).body;
    for (const item of page.items) {
      if (item.connectionId !== connectionId) continue;
      counts[item.kind] = (counts[item.kind] ?? 0) + 1;
      mine.push(item);
    }
    if (page.next === null) return { counts, items: mine };
    after = page.next;
  }
}

/**
 * «Умное ЖКХ»: a sandbox with three houses and a day of resident activity queued; the demo
 * organization connects, the first sync downloads everything and drains the queue, the billing
 * approves the registration request, and the meter created on the platform shows its new id.
 */
export const uzhkhDemo: PlatformDemo = {
  platform: 'uzhkh',
  title: '«Умное ЖКХ» (change queue, Delete after commit, id assignment)',
  async run(ctx) {
    const sandbox = await startUzhkhSandbox({ demo: { houses: 3, flatsPerHouse: 12 } });
    try {
      const org = encodeURIComponent(ctx.orgId);
      const day = sandbox.demo!.day;
      ctx.log(
        `sandbox ${sandbox.url}: ${sandbox.demo!.houses.flats.length} flats, ${day.queued} changes queued`,
      );
      const connectionId = await ctx.freshConnection({
        platform: 'uzhkh',
        name: 'uzhkh-demo',
        credentials: { token: sandbox.token },
        settings: { baseUrl: sandbox.url, idAssignment: 'hub' },
      });
      const [run] = await ctx.syncAndWait(connectionId, { direction: 'inbound' });
      ctx.log(
        `sync ${run?.state}: ${run?.received} inbox items received (the full download, then the queue, each record deleted after commit)`,
      );
      const { counts, items } = await inboxCounts(ctx, connectionId);
      ctx.log(
        `inbox: ${Object.entries(counts)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')}`,
      );
      ctx.log(
        `platform queue now: ${sandbox.world().queue.length} change records, ${sandbox.world().queue.deletionsLength} deleted items`,
      );

      const meter = items.find((i) => i.kind === 'meter' && i.payload.source.ids.uzhkh === day.newMeterId);
      const hubId = meter?.payload.meterId as string | undefined;
      const renamed = hubId !== undefined && sandbox.world().entities.get('Counter', hubId) !== undefined;
      ctx.log(
        `new meter ${day.newMeterId} → hub id ${hubId} (${renamed ? 'the platform took it on Delete' : 'not replaced'})`,
      );

      await ctx.hub.call('POST', `/v1/orgs/${org}/connections/${connectionId}/uzhkh/decisions?sync=false`, [
        { request: 'register', requestId: day.registrationRequestId, approve: true, notify: true },
      ]);
      await ctx.syncAndWait(connectionId, { direction: 'outbound' });
      const state = sandbox.state().requests[day.registrationRequestId];
      ctx.log(
        `registration request ${day.registrationRequestId}: ${state?.state}, notification ${state?.notificationSent ? 'sent' : 'not sent'}`,
      );
      return { close: () => sandbox.close() };
    } catch (error) {
      await sandbox.close();
      throw error;
    }
  },
};
