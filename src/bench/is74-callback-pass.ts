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

/**
 * Two outbound runs of the is74 connection, inline: the first sends a callback for every contract a
 * user sees, the second finds nothing changed (its time is the floor of every change-triggered run).
 */
export async function timeCallbackPasses(
  store: Store,
  box: SecretBox,
  orgId: string,
  connectionId: string,
): Promise<Array<{ seconds: number; sent: number; state: string }>> {
  const engine = await SyncEngine.start({ store, box, connectors: builtinConnectors(), mode: 'inline' });
  try {
    const out = [];
    for (let i = 0; i < 2; i++) {
      const t0 = performance.now();
      const [queued] = await engine.trigger(orgId, { connectionId, direction: 'outbound', trigger: 'bench' });
      if (!queued) throw new Error('no run was created');
      const run = await engine.execute(queued.id);
      out.push({ seconds: (performance.now() - t0) / 1000, sent: run.sent, state: run.state });
    }
    return out;
  } finally {
    await engine.stop();
  }
}
