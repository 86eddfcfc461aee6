import { withCleanAccountNumber } from '../../domain/account-number.js';
import { readCheckpoint, writeCheckpoint } from '../../store/checkpoint-store.js';
import { upsertIds } from '../../store/id-map-store.js';
import { appendInbox } from '../../store/inbox-store.js';
import type { Db } from '../../store/open-store.js';
import { createOperation, updateOperation } from '../../store/operation-store.js';
import type { InboundStream } from '../connector/connector.js';
import { runWithRetry } from '../policy/run-with-retry.js';
import { retryOptions, type StreamRun } from './stream-run.js';

/**
 * Pulls an inbound stream page by page. Each page's items, the id-map entries they carry and the
 * new checkpoint are written in ONE transaction; only after that commit is the platform
 * acknowledged. A crash between the commit and the ack makes the platform send the page again,
 * which adds nothing: the inbox is unique by (connection, kind, source id). The checkpoint is
 * compare-and-set on its revision, so it only moves forward from where the page was read.
 */
export async function syncInboundStream(run: StreamRun, stream: InboundStream): Promise<void> {
  const { engine, connection } = run;
  const labels = { ...run.labels, stream: stream.name };
  for (;;) {
    if (run.signal.aborted) return;
    const cp = await readCheckpoint(engine.store.db, connection.id, stream.name);
    const position = cp && cp.version === stream.checkpointVersion ? cp.value : undefined;
    const started = new Date();
    const page = await runWithRetry(() => stream.pull(position, run.ctx), retryOptions(run));
    run.tally.answered++;
    const received = page.items.length;
    let fresh = 0;
    let pageOp = 0;
    await engine.store.db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      fresh = await appendInbox(
        tx,
        connection.orgId,
        page.items.map((i) => ({
          connectionId: connection.id,
          platform: connection.platform,
          kind: i.kind,
          sourceId: i.sourceId,
          // Account numbers as the canonical records keep them (domain/account-number.ts).
          payload: withCleanAccountNumber(i.payload),
        })),
      );
      await upsertIds(
        tx,
        connection.id,
        page.items.flatMap((i) => i.ids ?? []),
      );
      await writeCheckpoint(
        tx,
        connection.id,
        stream.name,
        { version: stream.checkpointVersion, value: page.checkpoint },
        cp?.rev ?? 0,
      );
      const counts = { received, unchanged: received - fresh, requests: 1 };
      pageOp = await createOperation(tx, {
        orgId: connection.orgId,
        connectionId: connection.id,
        platform: connection.platform,
        parentId: run.runId,
        type: 'page',
        kind: stream.name,
        state: 'running',
        counts,
        startedAt: started,
      });
      await updateOperation(tx, run.runId, { add: counts });
    });
    engine.metrics?.inbound.inc({ ...labels, outcome: 'received' }, received);
    engine.metrics?.inbound.inc({ ...labels, outcome: 'new' }, fresh);

    if (stream.ack && page.ackToken !== undefined && received > 0) {
      const ack = stream.ack.bind(stream);
      try {
        await runWithRetry(() => ack(page.ackToken, run.ctx), retryOptions(run));
      } catch (err) {
        // The items are committed; the platform will send them again and they will be skipped.
        await updateOperation(engine.store.db, pageOp, {
          state: 'failed',
          lastError: `ack failed: ${(err as Error).message}`,
        });
        throw err;
      }
      await updateOperation(engine.store.db, pageOp, {
        state: 'succeeded',
        add: { acknowledged: received, requests: 1 },
      });
      await updateOperation(engine.store.db, run.runId, { add: { acknowledged: received, requests: 1 } });
      engine.metrics?.inbound.inc({ ...labels, outcome: 'acknowledged' }, received);
    } else {
      await updateOperation(engine.store.db, pageOp, { state: 'succeeded' });
    }
    if (!page.hasMore) return;
  }
}
