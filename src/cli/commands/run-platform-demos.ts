import { builtinDemos } from '../../platforms/builtin-demos.js';
import type { DemoContext, DemoRun } from '../../platforms/platform-demo.js';
import type { Db } from '../../store/open-store.js';
import { HubClient } from '../hub-client.js';
import { followRemoteRuns } from '../sync/follow-remote-runs.js';

/**
 * Runs each platform's demo against the hub: its sandbox starts, the demo organization connects to
 * it and syncs. Answers a function that stops every sandbox that was started.
 */
export async function runPlatformDemos(opts: {
  hubUrl: string;
  token: string;
  orgId: string;
  db: Db;
  log(line: string): void;
}): Promise<() => Promise<void>> {
  const ctx = demoContext(opts);
  const closers: Array<() => Promise<void>> = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch(() => {});
  };
  try {
    for (const demo of builtinDemos) {
      opts.log(`\n== ${demo.title} ==`);
      const running = await demo.run(ctx);
      closers.push(() => running.close());
    }
  } catch (err) {
    await closeAll();
    throw err;
  }
  return closeAll;
}

/** What each platform's demo is handed: the hub's API with the demo token, and sync-and-wait. */
export function demoContext(opts: {
  hubUrl: string;
  token: string;
  orgId: string;
  db: Db;
  log(line: string): void;
}): DemoContext {
  const hub = new HubClient({ url: opts.hubUrl, token: opts.token });
  const org = encodeURIComponent(opts.orgId);
  return {
    hub,
    hubUrl: opts.hubUrl,
    orgId: opts.orgId,
    db: opts.db,
    log: opts.log,
    async freshConnection(body) {
      const path = `/v1/orgs/${org}/connections`;
      const existing = (await hub.call('GET', path)).body as Array<{ id: string; name: string }>;
      for (const c of existing.filter((c) => c.name === body.name))
        await hub.call('DELETE', `${path}/${encodeURIComponent(c.id)}`);
      return String((await hub.call('POST', path, body)).body.id);
    },
    async syncAndWait(connectionId, o = {}) {
      const started = await hub.call('POST', `/v1/orgs/${org}/sync`, {
        connection: connectionId,
        ...(o.direction ? { direction: o.direction } : {}),
        ...(o.kinds ? { kinds: o.kinds } : {}),
      });
      // Each run shows its progress on stderr as `sync` does: a big demo spends minutes here.
      return followRemoteRuns(hub, opts.orgId, started.body.runs as DemoRun[], { pollMs: 200 });
    },
  };
}
