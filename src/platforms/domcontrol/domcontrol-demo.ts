import type { PlatformDemo } from '../platform-demo.js';
import { startDomcontrolSandbox } from './sandbox/start-domcontrol-sandbox.js';

const KINDS = ['service', 'account', 'meter', 'reading', 'balance', 'transaction'];

/**
 * `npm run demo`: the DomControl sandbox on a free port (bearer auth, as a real installation might
 * ask), a connection of the demo organization to it through the API, one sync, and what landed.
 */
export const domcontrolDemo: PlatformDemo = {
  platform: 'domcontrol',
  title: 'DomControl (seed 002): bulk imports of directories, readings, balances and transactions',
  async run(ctx) {
    const token = 'demo-domcontrol-token';
    const sandbox = await startDomcontrolSandbox({ auth: { mode: 'bearer', token } });
    try {
      const connectionId = await ctx.freshConnection({
        platform: 'domcontrol',
        name: 'DomControl sandbox',
        // The demo ledger's entries are on the account as a whole; DomControl takes each with a
        // service (seed 002 §6), so they go under «Содержание», as a УК would set it up.
        settings: { baseUrl: sandbox.url, auth: { mode: 'bearer' }, defaultTransactionService: 'sod' },
        credentials: { token },
      });
      ctx.log(`sandbox on ${sandbox.url}; connection ${connectionId}`);
      for (const run of await ctx.syncAndWait(connectionId, { direction: 'outbound', kinds: KINDS })) {
        ctx.log(
          `sync ${run.state}: ${run.sent} sent, ${run.unchanged} unchanged, ${run.failed} failed in ${run.requests} requests`,
        );
        if (run.lastError) ctx.log(`  first error: ${run.lastError}`);
      }
      const counts = sandbox.state().directories;
      ctx.log(
        `DomControl now holds: ${Object.entries(counts)
          .map(([name, n]) => `${n} ${name}`)
          .join(', ')}`,
      );
      const before = sandbox.stats.requests;
      const [again] = await ctx.syncAndWait(connectionId, { direction: 'outbound', kinds: KINDS });
      ctx.log(
        `re-sync ${again?.state}: ${again?.sent} sent, ${again?.unchanged} unchanged, ${sandbox.stats.requests - before} requests to DomControl`,
      );
      return { close: () => sandbox.close() };
    } catch (err) {
      await sandbox.close();
      throw err;
    }
  },
};
