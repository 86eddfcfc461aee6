import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConnectorRegistry } from '../engine/connector/connector-registry.js';
import { dropOutboundMarks } from '../engine/run/outbound-mark.js';
import { SyncEngine } from '../engine/sync-engine.js';
import { testbedConnector } from '../platforms/testbed/client/testbed-connector.js';
import { startTestbed, type Testbed } from '../platforms/testbed/sandbox/start-testbed.js';
import { createConnection } from '../store/connection-store.js';
import { resetDeliveries } from '../store/delivery-store.js';
import { openScratchStore } from '../store/open-scratch-store.js';
import type { Store } from '../store/open-store.js';
import { FINAL_STATES, getOperation, type Operation } from '../store/operation-store.js';
import { upsertOrg } from '../store/org-store.js';
import { upsertRecords } from '../store/record-store.js';
import { SecretBox } from '../store/secret-box.js';

const BIN = fileURLToPath(new URL('../../bin/zhkh-bridge.js', import.meta.url));
const ORG = 'scale-out';
const SECRET = 'scale-out-bench-secret-key-0001';

export interface ScaleOutOptions {
  /** A PostgreSQL server URL: a scratch database is made on it and dropped after. */
  serverUrl: string;
  connections: number;
  records: number;
  latencyMs: number;
  batch: number;
  log: (line: string) => void;
}

export interface ScaleOutResult {
  oneWorkerSeconds: number;
  twoWorkersSeconds: number;
  /** Peak RSS of each worker process (MiB), where the OS tells it (Linux /proc). */
  workerPeakRssMiB: number[];
  /** How many times each record was written to its platform, over both phases: all 2 when no batch went twice. */
  writesPerRecord: number[];
  runs: Operation[];
}

/**
 * Scale-out on PostgreSQL: N connections, each to its own platform with a fixed latency, synced
 * first by one `zhkh-bridge worker --concurrency 1` process and then (everything resent) by two.
 * Each platform counts the writes of every record, which proves no batch was delivered twice.
 */
export async function measureScaleOut(opts: ScaleOutOptions): Promise<ScaleOutResult> {
  const store = await openScratchStore({ driver: 'postgres', serverUrl: opts.serverUrl });
  const testbeds: Testbed[] = [];
  let engine: SyncEngine | undefined;
  try {
    if (store.raw.driver !== 'postgres') throw new Error('scale-out needs PostgreSQL');
    const url = store.raw.url;
    const box = SecretBox.fromString(SECRET);
    await upsertOrg(store.db, {
      id: ORG,
      name: 'ООО «УК Масштаб»',
      inn: '7736050003',
      kpp: '773601001',
      bankAccounts: [],
    } as never);
    await loadServices(store, opts.records);
    const connections: string[] = [];
    for (let i = 0; i < opts.connections; i++) {
      const tb = await startTestbed({ latencyMs: opts.latencyMs });
      testbeds.push(tb);
      const conn = await createConnection(store.db, box, ORG, {
        platform: 'testbed',
        name: `platform-${i + 1}`,
        credentials: { user: tb.user, password: tb.password },
        settings: { baseUrl: tb.url, sync: { maxBatchRecords: opts.batch } },
      });
      connections.push(conn.id);
    }
    engine = await SyncEngine.start({
      store,
      box,
      connectors: new ConnectorRegistry([testbedConnector]),
      mode: 'queue',
      workers: 0,
    });
    const runs: Operation[] = [];
    const workerPeakRssMiB: number[] = [];
    const phase = async (workers: number): Promise<number> => {
      const children = await Promise.all(Array.from({ length: workers }, () => startWorker(url)));
      try {
        const t0 = performance.now();
        const queued = await engine!.trigger(ORG, {
          trigger: 'bench',
          kinds: ['service'],
          direction: 'outbound',
        });
        const done = await Promise.all(queued.map((r) => waitFinal(store, r.id)));
        const seconds = (performance.now() - t0) / 1000;
        for (const r of done)
          if (r.state !== 'succeeded') throw new Error(`run ${r.id} ended ${r.state}: ${r.lastError}`);
        runs.push(...done);
        opts.log(
          `  ${workers} worker(s): ${connections.length} runs × ${opts.records} records in ${seconds.toFixed(2)} s`,
        );
        return seconds;
      } finally {
        for (const c of children) {
          const peak = peakRssMiB(c.pid);
          if (peak !== undefined) workerPeakRssMiB.push(peak);
        }
        await Promise.all(children.map(stopWorker));
      }
    };
    const oneWorkerSeconds = await phase(1);
    for (const c of connections) {
      await resetDeliveries(store.db, c);
      await dropOutboundMarks(store.db, c);
    }
    const twoWorkersSeconds = await phase(2);
    const writesPerRecord = testbeds.flatMap((tb) => [...tb.items('service').values()].map((i) => i.writes));
    return { oneWorkerSeconds, twoWorkersSeconds, workerPeakRssMiB, writesPerRecord, runs };
  } finally {
    await engine?.stop();
    await Promise.all(testbeds.map((tb) => tb.close()));
    await store.close();
  }
}

async function loadServices(store: Store, n: number): Promise<void> {
  const rows = Array.from({ length: n }, (_, i) => {
    const json = JSON.stringify({
      id: `svc-${String(i).padStart(6, '0')}`,
      name: `Содержание жилого помещения ${i}`,
    });
    return {
      key: `svc-${String(i).padStart(6, '0')}`,
      json,
      hash: createHash('sha256').update(json).digest('hex'),
    };
  });
  await upsertRecords(store.db, ORG, 'service', rows);
}

/** A worker process on the database; resolves once it has said it is taking jobs. */
async function startWorker(databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, 'worker', '--concurrency', '1'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, ZHKH_SECRET_KEY: SECRET, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d;
      if (output.includes('sync worker started')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (d: Buffer) => {
      output += d;
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${output.slice(-500)}`)));
  });
  return child;
}

/** A live process's peak RSS (VmHWM) in MiB; undefined where /proc is not there. */
function peakRssMiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Math.round(Number(kb) / 1024);
  } catch {
    return undefined;
  }
}

async function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

async function waitFinal(store: Store, runId: number): Promise<Operation> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    const run = await getOperation(store.db, runId);
    if (run && FINAL_STATES.includes(run.state)) return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} did not finish in 5 minutes`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
