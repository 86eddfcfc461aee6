import { createHash, randomBytes } from 'node:crypto';
import { Agent } from 'node:http';
import { demoOrganization } from '../demo/generate-demo.js';
import { Organization } from '../domain/model/organization.js';
import { buildHub } from '../hub/build-hub.js';
import { writeUsers } from '../platforms/is74/client/write-users.js';
import { createConnection } from '../store/connection-store.js';
import { openScratchStore } from '../store/open-scratch-store.js';
import { upsertOrg } from '../store/org-store.js';
import { type PreparedRecord, upsertRecords } from '../store/record-store.js';
import { SecretBox } from '../store/secret-box.js';
import { benchLine } from './bench-line.js';
import { startCountingCore, timeCallbackPasses } from './is74-callback-pass.js';
import { loadFor, once } from './is74-load.js';

const ORG = 'bench';
const TOKEN = 'bench-provider-token-0123456789';
const SAMPLE = 2000;

/**
 * `/api/contracts?user_id=` of the Data Provider API on `contracts` contracts (two per user), beside a
 * bare route on the same hub answering the same bytes from memory, in the same run (PGlite on disk).
 */
export async function runIs74Bench(opts: {
  contracts: number;
  seconds: number;
  concurrency: number;
  log: (line: string) => void;
}): Promise<{ ours: number; bare: number }> {
  const store = await openScratchStore({ driver: 'pglite', onDisk: true });
  const box = new SecretBox(randomBytes(32));
  const closers: Array<() => Promise<void>> = [];
  try {
    const t0 = performance.now();
    await upsertOrg(store.db, Organization.parse(demoOrganization({ orgId: ORG })));
    const users = Math.ceil(opts.contracts / 2);
    await load(store.db, opts.contracts, users, box);
    opts.log(
      `loaded ${opts.contracts} contracts of ${users} users in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const core = await startCountingCore();
    closers.push(() => core.close());
    const conn = await createConnection(store.db, box, ORG, {
      platform: 'is74',
      name: 'is74',
      credentials: { token: TOKEN, callbackUser: 'core', callbackPassword: 'core-secret' },
      settings: { coreUrl: core.url, syncOnChange: false },
    });
    const app = await buildHub({ store, box });
    // The limit: the same answers, already rendered, from memory on a route of the same server.
    const rendered = new Map<string, string>();
    app.get('/bare/api/contracts', { config: { public: true } }, (req, reply) => {
      const body = rendered.get((req.query as { user_id: string }).user_id);
      return reply.type('application/json; charset=utf-8').send(body);
    });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const headers = { authorization: `Bearer ${TOKEN}` };
      const ids = Array.from({ length: Math.min(SAMPLE, users) }, (_, i) =>
        userId(Math.floor((i * users) / SAMPLE)),
      );
      for (const id of ids) {
        const res = await fetch(`${base}/p/is74/${conn.id}/api/contracts?user_id=${id}`, { headers });
        rendered.set(id, await res.text());
      }
      const agent = new Agent({ keepAlive: true });
      const same =
        (await once(
          agent,
          new URL(`${base}/p/is74/${conn.id}`),
          `/api/contracts?user_id=${ids[0]}`,
          headers,
        )) === (await once(agent, new URL(`${base}/bare`), `/api/contracts?user_id=${ids[0]}`, headers));
      agent.destroy();
      if (!same) throw new Error('the bare route does not answer the same bytes');
      const pathOf = (i: number) => `/api/contracts?user_id=${ids[i % ids.length]}`;
      const run = (prefix: string, seconds: number) =>
        loadFor({ base: `${base}${prefix}`, pathOf, headers, concurrency: opts.concurrency, seconds });
      await run('/bare', 1);
      await run(`/p/is74/${conn.id}`, 1);
      // Interleaved, so drift of a shared machine falls on both.
      const bare = [await run('/bare', opts.seconds / 2), await run('/bare', opts.seconds / 2)];
      const ours = [
        await run(`/p/is74/${conn.id}`, opts.seconds / 2),
        await run(`/p/is74/${conn.id}`, opts.seconds / 2),
      ];
      // First reads: users outside the sample, each asked once, so every answer is read from the store.
      const cold = await loadFor({
        base: `${base}/p/is74/${conn.id}`,
        pathOf: (i) => `/api/contracts?user_id=${userId((SAMPLE + i) % users)}`,
        headers,
        concurrency: opts.concurrency,
        seconds: opts.seconds / 2,
      });
      const rps = (xs: typeof bare) => xs.reduce((s, x) => s + x.rps, 0) / xs.length;
      const p99 = (xs: typeof bare) => Math.max(...xs.map((x) => x.p99Ms));
      opts.log(
        `bare: ${rps(bare).toFixed(0)} req/s, p99 ${p99(bare).toFixed(2)} ms; ours: ${rps(ours).toFixed(0)} req/s, p99 ${p99(ours).toFixed(2)} ms (${opts.concurrency} connections)`,
      );
      opts.log(
        benchLine({
          name: 'is74',
          metric: 'contracts_by_user_rps',
          ours: rps(ours),
          limit: rps(bare),
          unit: 'req/s',
        }),
      );
      opts.log(
        benchLine({
          name: 'is74',
          metric: 'contracts_by_user_p99',
          ours: p99(ours),
          limit: p99(bare),
          unit: 'ms',
        }),
      );
      opts.log(
        `first reads (nothing cached): ${cold.rps.toFixed(0)} req/s, p99 ${cold.p99Ms.toFixed(2)} ms over ${cold.requests} users`,
      );
      opts.log(
        benchLine({
          name: 'is74',
          metric: 'contracts_first_read_rps',
          ours: cold.rps,
          limit: rps(bare),
          unit: 'req/s',
        }),
      );
      const [full, noop] = await timeCallbackPasses(store, box, ORG, conn.id);
      opts.log(
        `callback runs: first ${full!.seconds.toFixed(1)} s (${full!.sent} records new to the connection, ${core.count()} callbacks), no-op re-sync ${noop!.seconds.toFixed(2)} s`,
      );
      return { ours: rps(ours), bare: rps(bare) };
    } finally {
      await app.close();
    }
  } finally {
    for (const close of closers) await close();
    await store.close();
  }
}

const userId = (u: number) => `u${String(u).padStart(7, '0')}`;
const account = (i: number) => `ls-${String(i).padStart(7, '0')}`;

function prepared(key: string, data: unknown): PreparedRecord {
  const json = JSON.stringify(data);
  return { key, json, hash: createHash('sha256').update(json).digest('base64url') };
}

/** Houses of 100 flats, an account, premise, contract and balance per flat, users with two accounts. */
async function load(
  db: Parameters<typeof upsertRecords>[0],
  contracts: number,
  users: number,
  box: SecretBox,
) {
  const CHUNK = 5000;
  await upsertRecords(db, ORG, 'tariff', [
    prepared('is74-domofon', {
      id: 'is74-domofon',
      name: 'Домофония',
      serviceId: 'domofon',
      cost: 6500,
      options: [],
    }),
  ]);
  for (let from = 0; from < contracts; from += CHUNK) {
    const to = Math.min(contracts, from + CHUNK);
    const rows: Record<string, PreparedRecord[]> = {
      house: [],
      premise: [],
      account: [],
      contract: [],
      balance: [],
    };
    for (let i = from; i < to; i++) {
      const n = account(i);
      if (i % 100 === 0) {
        const h = `h${i / 100}`;
        rows.house!.push(
          prepared(h, {
            id: h,
            address: `г. Челябинск, ул. Ленина, ${i / 100}`,
            region: '74',
            buildingNumber: String(i / 100),
          }),
        );
      }
      rows.premise!.push(
        prepared(`p${i}`, {
          id: `p${i}`,
          houseId: `h${Math.floor(i / 100)}`,
          type: 'flat',
          number: String((i % 100) + 1),
        }),
      );
      rows.account!.push(
        prepared(n, {
          number: n,
          premiseId: `p${i}`,
          ownerType: 'person',
          state: 'open',
          persons: [],
          phones: [],
          emails: [],
        }),
      );
      rows.contract!.push(
        prepared(`c${i}`, {
          id: `c${i}`,
          accountNumber: n,
          number: `${n}-1`,
          state: 'active',
          options: [],
          tariffIds: ['is74-domofon'],
        }),
      );
      rows.balance!.push(
        prepared(`${n}/domofon/2025-01-01`, {
          accountNumber: n,
          serviceId: 'domofon',
          date: '2025-01-01',
          amount: (i % 7) * 1000 - 3000,
        }),
      );
    }
    for (const [kind, list] of Object.entries(rows)) await upsertRecords(db, ORG, kind, list);
  }
  for (let from = 0; from < users; from += CHUNK) {
    const batch = [];
    for (let u = from; u < Math.min(users, from + CHUNK); u++) {
      const accounts = [account(2 * u), account(2 * u + 1)].filter((_, k) => 2 * u + k < contracts);
      batch.push({ id: userId(u), login: `login-${u}`, password: `pw-${u}`, accountNumbers: accounts });
    }
    await writeUsers(db, box, ORG, batch);
  }
}
