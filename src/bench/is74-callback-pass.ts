import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SyncEngine } from '../engine/sync-engine.js';
import { builtinConnectors } from '../platforms/builtin-connectors.js';
import type { Store } from '../store/open-store.js';
import type { SecretBox } from '../store/secret-box.js';

/** A core that takes every callback at once, counting them. */
export async function startCountingCore(): Promise<{ url: string; count(): number; close(): Promise<void> }> {
  let n = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      n++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    count: () => n,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

export interface CallbackRun {
  seconds: number;
  callbacks: number;
  state: string;
}

/**
 * Outbound runs of the is74 connection, inline, each counted in callbacks the core took: the first
 * of the new connection, an unchanged re-sync (the floor of every change-triggered run), and one
 * after `change` wrote what it says it changed.
 */
export async function timeCallbackRuns(
  store: Store,
  box: SecretBox,
  orgId: string,
  connectionId: string,
  core: { count(): number },
  change: () => Promise<void>,
): Promise<{ first: CallbackRun; noop: CallbackRun; changed: CallbackRun }> {
  const engine = await SyncEngine.start({ store, box, connectors: builtinConnectors(), mode: 'inline' });
  const once = async (): Promise<CallbackRun> => {
    const before = core.count();
    const t0 = performance.now();
    const [queued] = await engine.trigger(orgId, { connectionId, direction: 'outbound', trigger: 'bench' });
    if (!queued) throw new Error('no run was created');
    const run = await engine.execute(queued.id);
    return { seconds: (performance.now() - t0) / 1000, callbacks: core.count() - before, state: run.state };
  };
  try {
    const first = await once();
    const noop = await once();
    await change();
    return { first, noop, changed: await once() };
  } finally {
    await engine.stop();
  }
}
