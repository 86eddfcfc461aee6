import { parentPort, workerData } from 'node:worker_threads';

/**
 * The clients of `bench api`, in threads of their own so that building bodies and reading answers
 * never runs on the hub's event loop (whose delays are what is measured). One thread of each role:
 * `prepare` seeds the records and times the routes idle; `clients` runs the mixed load; `probe` asks
 * `/healthz` every 10 ms meanwhile, as a monitor would — from a loop of its own, because in the
 * clients' loop each probe also waited for whatever answers of the 32 clients were being read (that
 * loop is busy half the time), which is not the hub's delay. Self-contained — only `node:` imports
 * and the types below — so it runs from the built file and from the source alike.
 */
export interface ApiLoadPlan {
  role: 'prepare' | 'clients' | 'probe';
  /** `clients` and `probe`: when to start and stop (`Date.now()` ms), the same for both. */
  from?: number;
  until?: number;
  url: string;
  token: string;
  org: string;
  /** Service records `svc-0000001`… seeded before anything is measured. */
  records: number;
  clients: number;
  seconds: number;
  batch: number;
  /** Sequential requests of each read route while the hub is idle. */
  idleSamples: number;
}

export type ApiRoute = 'health' | 'read' | 'page' | 'bulk';

/** What `prepare` answers. */
export interface ApiPrepared {
  seedSeconds: number;
  /** Latencies (ms) of each route, one client at a time. */
  idle: Record<ApiRoute, number[]>;
  /** Requests/s of `clients` clients asking only `/healthz`: the hub's HTTP ceiling. */
  ceilingPerSecond: number;
}

/** What `clients` (read, page, bulk) and `probe` (health) answer: latencies (ms) under the load. */
export interface ApiLoaded {
  load: Record<ApiRoute, number[]>;
  loadSeconds: number;
}

const plan = workerData as ApiLoadPlan;
const width = Math.max(7, String(plan.records).length);
const keyOf = (i: number) => `svc-${String(i + 1).padStart(width, '0')}`;
const base = `${plan.url}/v1/orgs/${plan.org}/services`;
const auth = { authorization: `Bearer ${plan.token}` };
const pick = (n: number) => Math.floor(Math.random() * n);

function body(from: number, count: number, round: number): string {
  const items: string[] = [];
  for (let i = from; i < from + count; i++)
    items.push(JSON.stringify({ id: keyOf(i), name: `Услуга ${i + 1}, редакция ${round}`, measure: 'м³' }));
  return `[${items.join(',')}]`;
}

/** One request; answers its latency in ms. Any answer but 200 stops the bench. */
async function timed(route: ApiRoute, round = 0): Promise<number> {
  let url: string;
  let init: RequestInit = { headers: auth };
  if (route === 'health') {
    url = `${plan.url}/healthz`;
    init = {};
  } else if (route === 'read') {
    url = `${base}/${keyOf(pick(plan.records))}`;
  } else if (route === 'page') {
    const after = Buffer.from(keyOf(pick(plan.records)), 'utf8').toString('base64url');
    url = `${base}?limit=100&after=${after}`;
  } else {
    url = base;
    const from = pick(Math.max(1, plan.records - plan.batch));
    init = {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: body(from, Math.min(plan.batch, plan.records), round),
    };
  }
  const t0 = performance.now();
  const res = await fetch(url, init);
  const text = await res.text();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${route} ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return ms;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function prepare(): Promise<ApiPrepared> {
  const t0 = performance.now();
  for (let from = 0; from < plan.records; from += plan.batch) {
    const res = await fetch(base, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: body(from, Math.min(plan.batch, plan.records - from), 0),
    });
    if (res.status !== 200) throw new Error(`seeding answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  }
  const seedSeconds = (performance.now() - t0) / 1000;

  const idle = noLatencies();
  for (const route of ['health', 'read', 'page'] as const)
    for (let i = 0; i < plan.idleSamples; i++) idle[route].push(await timed(route));
  for (let i = 0; i < Math.max(3, plan.idleSamples / 20); i++) idle.bulk.push(await timed('bulk', i + 1));

  // The HTTP ceiling: every client on /healthz.
  let healthCount = 0;
  const ceilingEnd = performance.now() + Math.min(5, plan.seconds) * 1000;
  const c0 = performance.now();
  await Promise.all(
    Array.from({ length: plan.clients }, async () => {
      while (performance.now() < ceilingEnd) {
        await timed('health');
        healthCount++;
      }
    }),
  );
  const ceilingPerSecond = healthCount / ((performance.now() - c0) / 1000);
  return { seedSeconds, idle, ceilingPerSecond };
}

const noLatencies = (): Record<ApiRoute, number[]> => ({ health: [], read: [], page: [], bulk: [] });

/**
 * The mixed load: a quarter of the clients bulk-write, a quarter read pages, the rest single
 * records. Or, as `probe`, /healthz every 10 ms beside them.
 */
async function load(): Promise<ApiLoaded> {
  await sleep(plan.from! - Date.now());
  const l0 = performance.now();
  const latencies = noLatencies();
  let round = 1000;
  const clients =
    plan.role === 'probe'
      ? [
          (async () => {
            while (Date.now() < plan.until!) {
              latencies.health.push(await timed('health'));
              await sleep(10);
            }
          })(),
        ]
      : Array.from({ length: plan.clients }, async (_, i) => {
          const route: ApiRoute = i % 4 === 0 ? 'bulk' : i % 4 === 1 ? 'page' : 'read';
          while (Date.now() < plan.until!)
            latencies[route].push(await timed(route, route === 'bulk' ? ++round : 0));
        });
  await Promise.all(clients);
  return { load: latencies, loadSeconds: (performance.now() - l0) / 1000 };
}

(plan.role === 'prepare' ? prepare() : load()).then(
  (result) => parentPort?.postMessage({ result }),
  (err: unknown) => parentPort?.postMessage({ error: err instanceof Error ? err.message : String(err) }),
);
