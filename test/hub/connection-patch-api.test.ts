import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCredentials } from '../../src/store/connection-store.js';
import { SecretBox } from '../../src/store/secret-box.js';
import { call, startTestHub, TEST_SECRET, type TestHub } from '../support/test-hub.js';
import { storeKinds } from '../support/test-stores.js';

type Json = Record<string, unknown>;

const sync = (schedule: string, attempts: number) => ({
  schedule,
  retry: {
    maxAttempts: attempts,
    baseDelayMs: 100 * attempts,
    maxDelayMs: 10_000 * attempts,
    maxWaitMs: 60_000 * attempts,
    timeoutMs: 1000 * attempts,
    concurrency: attempts,
  },
  maxBatchRecords: 50 * attempts,
});

/**
 * Per platform: a connection with every setting and credential given, and a second set where every
 * leaf differs and is valid too — each leaf of `other` is patched in on its own.
 */
const platforms: Array<{
  platform: string;
  full: Json;
  other: Json;
  credentials: Json;
  otherCredentials: Json;
}> = [
  {
    platform: 'doma',
    full: {
      baseUrl: 'http://127.0.0.1:9001',
      billingContextId: '0d7b5b8a-1c53-4a4e-9b8a-0e2f7c1d5a01',
      organizationId: '0d7b5b8a-1c53-4a4e-9b8a-0e2f7c1d5a02',
      fingerprint: 'uk-sever-1c',
      categories: { housing: '0d7b5b8a-1c53-4a4e-9b8a-0e2f7c1d5a03' },
      readingSourceId: '0d7b5b8a-1c53-4a4e-9b8a-0e2f7c1d5a04',
      registryEncoding: 'windows-1251',
      registryTimeZone: 'Europe/Moscow',
      inboundLookbackDays: 30,
      inboundOverlapHours: 48,
      sync: sync('*/15 * * * *', 3),
    },
    other: {
      baseUrl: 'http://127.0.0.2:9001',
      billingContextId: '1d7b5b8a-1c53-4a4e-9b8a-0e2f7c1d5a01',
      organizationId: '1d7b5b8a-1c53-4a4e-9b8a-0e2f7c1d5a02',
      fingerprint: 'uk-sever-2',
      categories: { housing: '1d7b5b8a-1c53-4a4e-9b8a-0e2f7c1d5a03' },
      readingSourceId: '1d7b5b8a-1c53-4a4e-9b8a-0e2f7c1d5a04',
      registryEncoding: 'utf-8',
      registryTimeZone: 'Asia/Yekaterinburg',
      inboundLookbackDays: 60,
      inboundOverlapHours: 24,
      sync: sync('0 3 * * *', 4),
    },
    credentials: { email: 'svc@uk.ru', password: 'first-password' },
    otherCredentials: { email: 'svc2@uk.ru', password: 'second-password' },
  },
  {
    platform: 'uzhkh',
    full: {
      baseUrl: 'http://127.0.0.1:9002',
      idAssignment: 'hub',
      fullDownload: true,
      pageSize: 1000,
      deleteConcurrency: 8,
      timeZone: '+03:00',
      sync: sync('*/10 * * * *', 3),
    },
    other: {
      baseUrl: 'http://127.0.0.2:9002',
      idAssignment: 'billing',
      fullDownload: false,
      pageSize: 500,
      deleteConcurrency: 4,
      timeZone: '+05:00',
      sync: sync('0 3 * * *', 4),
    },
    credentials: { token: 'uzhkh-token-1' },
    otherCredentials: { token: 'uzhkh-token-2' },
  },
  {
    platform: 'domcontrol',
    full: {
      baseUrl: 'http://127.0.0.1:9003',
      auth: { mode: 'bearer' },
      batchSize: 500,
      maxBytes: 2048,
      signs: 'account',
      organization: 'ООО «УК Северная»',
      emailField: 'email',
      sync: sync('*/30 * * * *', 3),
    },
    other: {
      baseUrl: 'http://127.0.0.2:9003',
      auth: { mode: 'basic' },
      batchSize: 250,
      maxBytes: 4096,
      signs: 'debt',
      organization: 'ТСЖ «Северное»',
      emailField: 'email ',
      sync: sync('0 3 * * *', 4),
    },
    credentials: { token: 'domcontrol-token-1' },
    otherCredentials: { token: 'domcontrol-token-2' },
  },
  {
    platform: 'is74',
    full: {
      coreUrl: 'http://127.0.0.1:9004',
      allowIps: ['10.0.0.1'],
      tariffIds: ['t1', 't2'],
      syncOnChange: true,
      sync: sync('*/5 * * * *', 3),
    },
    other: {
      coreUrl: 'http://127.0.0.2:9004',
      allowIps: ['10.0.0.2', '10.0.0.3'],
      tariffIds: ['t3'],
      syncOnChange: false,
      sync: sync('0 3 * * *', 4),
    },
    credentials: {
      token: 'is74-provider-token-1',
      user: 'is74',
      password: 'provider-pass-1',
      callbackUser: 'hub',
      callbackPassword: 'callback-pass-1',
    },
    otherCredentials: {
      token: 'is74-provider-token-2',
      user: 'is74b',
      password: 'provider-pass-2',
      callbackUser: 'hub2',
      callbackPassword: 'callback-pass-2',
    },
  },
  {
    platform: 'testbed',
    full: {
      baseUrl: 'http://127.0.0.1:9005',
      batchSize: 100,
      maxBatchBytes: 65_536,
      sync: sync('* * * * *', 3),
    },
    other: {
      baseUrl: 'http://127.0.0.2:9005',
      batchSize: 50,
      maxBatchBytes: 32_768,
      sync: sync('0 3 * * *', 4),
    },
    credentials: { user: 'svc', password: 'testbed-pass-1' },
    otherCredentials: { user: 'svc2', password: 'testbed-pass-2' },
  },
];

/** Every leaf of a JSON object as [path, value]; arrays are leaves. */
function leaves(value: Json, prefix: string[] = []): Array<[string[], unknown]> {
  return Object.entries(value).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? leaves(v as Json, [...prefix, k])
      : [[[...prefix, k], v] as [string[], unknown]],
  );
}

/** `{a: {b: value}}` for the path a.b. */
function nest(path: string[], value: unknown): Json {
  return path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Json;
}

function setAt(target: Json, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = node[key] as Json;
  if (value === undefined) delete node[path.at(-1)!];
  else node[path.at(-1)!] = value;
}

describe.each(storeKinds)('PATCH connections as JSON merge patch on %s', (kind) => {
  let hub: TestHub;
  const box = SecretBox.fromString(TEST_SECRET);
  const base = '/v1/orgs/uk-patch/connections';
  beforeAll(async () => {
    hub = await startTestHub(kind, { orgs: ['uk-patch'], engine: { workers: 0 } });
  });
  afterAll(async () => hub?.close());

  const stored = async (id: string) => {
    const got = await call(hub, 'GET', `${base}/${id}`);
    expect(got.status).toBe(200);
    return got.body;
  };

  for (const p of platforms) {
    it(`${p.platform}: each key patched alone changes that key and nothing else`, async () => {
      const created = await call(hub, 'POST', base, {
        json: {
          platform: p.platform,
          name: `${p.platform}-main`,
          settings: p.full,
          credentials: p.credentials,
        },
      });
      expect(created.status, created.text).toBe(200);
      const id = created.body.id as string;
      const expected = structuredClone(p.full);
      expect(created.body.settings).toEqual(expected);

      for (const [path, value] of leaves(p.other)) {
        const patched = await call(hub, 'PATCH', `${base}/${id}`, { json: { settings: nest(path, value) } });
        expect(patched.status, `${path.join('.')}: ${patched.text}`).toBe(200);
        setAt(expected, path, value);
        expect(patched.body.changed).toEqual([`settings.${path.join('.')}`]);
        expect(patched.body.settings, path.join('.')).toEqual(expected);
        expect((await stored(id)).settings).toEqual(expected);
        expect(await readCredentials(hub.store.db, box, id)).toEqual(p.credentials);
      }
      expect(expected).toEqual(p.other);

      // Credentials merge the same way, and are never in an answer.
      const creds = structuredClone(p.credentials);
      for (const [path, value] of leaves(p.otherCredentials)) {
        const patched = await call(hub, 'PATCH', `${base}/${id}`, {
          json: { credentials: nest(path, value) },
        });
        expect(patched.status, patched.text).toBe(200);
        expect(patched.text).not.toContain(String(value));
        expect(patched.body.changed).toEqual([`credentials.${path.join('.')}`]);
        setAt(creds, path, value);
        expect(await readCredentials(hub.store.db, box, id)).toEqual(creds);
        expect((await stored(id)).settings).toEqual(p.other);
      }
    });
  }

  it("the issue's patch: only the schedule changes, baseUrl and credentials stay", async () => {
    const created = await call(hub, 'POST', base, {
      json: {
        platform: 'domcontrol',
        name: 'dc-schedule',
        settings: { baseUrl: 'http://127.0.0.1:9100', auth: { mode: 'bearer' } },
        credentials: { token: 'keep-me' },
      },
    });
    const patched = await call(hub, 'PATCH', `${base}/dc-schedule`, {
      json: { settings: { sync: { schedule: '0 3 * * *' } } },
    });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body.settings).toEqual({
      baseUrl: 'http://127.0.0.1:9100',
      auth: { mode: 'bearer' },
      sync: { schedule: '0 3 * * *' },
    });
    expect(patched.body.credentialFields).toEqual(['token']);
    expect(await readCredentials(hub.store.db, box, created.body.id)).toEqual({ token: 'keep-me' });
  });

  it('null removes a key; a merged result the platform refuses is a 400 naming the field and changes nothing', async () => {
    const created = await call(hub, 'POST', base, {
      json: {
        platform: 'domcontrol',
        name: 'dc-null',
        settings: { baseUrl: 'http://127.0.0.1:9101', batchSize: 10, sync: { schedule: '0 1 * * *' } },
        credentials: { user: 'u', password: 'p' },
      },
    });
    const id = created.body.id as string;
    const removed = await call(hub, 'PATCH', `${base}/${id}`, { json: { settings: { batchSize: null } } });
    expect(removed.status).toBe(200);
    expect(removed.body.settings).toEqual({
      baseUrl: 'http://127.0.0.1:9101',
      sync: { schedule: '0 1 * * *' },
    });
    expect(removed.body.changed).toEqual(['settings.batchSize']);
    const before = await stored(id);

    // No default stands in for a removed address: DomControl's would be the real platform.
    const noUrl = await call(hub, 'PATCH', `${base}/${id}`, {
      json: { settings: { baseUrl: null, sync: { schedule: '0 2 * * *' } } },
    });
    expect(noUrl.status).toBe(400);
    expect(noUrl.body.issues.map((i: { path: string }) => i.path)).toEqual(['settings.baseUrl']);
    const badCron = await call(hub, 'PATCH', `${base}/${id}`, {
      json: { settings: { sync: { schedule: 'nightly' } }, name: 'dc-renamed' },
    });
    expect(badCron.status).toBe(400);
    expect(badCron.body.issues[0].path).toBe('settings.sync.schedule');
    // Basic credentials without their password fit no credential shape of DomControl.
    const badCreds = await call(hub, 'PATCH', `${base}/${id}`, { json: { credentials: { password: null } } });
    expect(badCreds.status).toBe(400);
    expect(badCreds.body.error).toBe('invalid_credentials');
    expect(badCreds.text).not.toContain('"u"');
    const after = await stored(id);
    expect(after).toEqual(before);
    expect(await readCredentials(hub.store.db, box, id)).toEqual({ user: 'u', password: 'p' });

    const noCreds = await call(hub, 'PATCH', `${base}/${id}`, { json: { credentials: null } });
    expect(noCreds.status, noCreds.text).toBe(200);
    expect(noCreds.body.credentialFields).toEqual([]);
    expect(await readCredentials(hub.store.db, box, id)).toBeUndefined();

    const unchanged = await call(hub, 'PATCH', `${base}/${id}`, {
      json: { settings: { baseUrl: 'http://127.0.0.1:9101' } },
    });
    expect(unchanged.body.changed).toEqual([]);
    expect(unchanged.body.updatedAt).toBe((await stored(id)).updatedAt);
  });

  it('DomControl takes no default address: creating without baseUrl is refused', async () => {
    const res = await call(hub, 'POST', base, {
      json: { platform: 'domcontrol', name: 'dc-no-url', settings: { auth: { mode: 'none' } } },
    });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { path: string }) => i.path)).toEqual(['settings.baseUrl']);
  });
});

describe.each(storeKinds)('a connection by name or id on %s', (kind) => {
  let hub: TestHub;
  const base = '/v1/orgs/uk-names/connections';
  let doma: { id: string; name: string };
  let uzhkh: { id: string; name: string };
  beforeAll(async () => {
    hub = await startTestHub(kind, { orgs: ['uk-names', 'uk-other'], engine: { workers: 0 } });
    const make = async (json: Json) => (await call(hub, 'POST', base, { json })).body;
    doma = await make({
      platform: 'doma',
      name: 'doma-main',
      settings: {
        baseUrl: 'http://127.0.0.1:9',
        billingContextId: '0d7b5b8a-1c53-4a4e-9b8a-0e2f7c1d5a01',
        organizationId: '0d7b5b8a-1c53-4a4e-9b8a-0e2f7c1d5a02',
      },
      credentials: { email: 'a@b.ru', password: 'x' },
    });
    uzhkh = await make({
      platform: 'uzhkh',
      name: 'uzhkh-main',
      settings: { baseUrl: 'http://127.0.0.1:9' },
      credentials: { token: 't' },
    });
  });
  afterAll(async () => hub?.close());

  it('every /connections/{id}/… route answers the same for the name and the id', async () => {
    for (const [conn, suffixes] of [
      [doma, ['', '/ids', '/registry?date=2024-11-22']],
      [uzhkh, ['', '/ids', '/uzhkh/commands']],
    ] as const) {
      for (const suffix of suffixes) {
        const byId = await call(hub, 'GET', `${base}/${conn.id}${suffix}`);
        const byName = await call(hub, 'GET', `${base}/${conn.name}${suffix}`);
        expect(byName.status, `${conn.name}${suffix}: ${byName.text}`).toBe(byId.status);
        expect(byName.body, suffix).toEqual(byId.body);
        expect(byId.body?.error, suffix).not.toBe('connection_not_found');
      }
    }
    const check = await call(hub, 'POST', `${base}/doma-main/check`);
    expect(check.status).toBe(200);
    expect(check.body.platform).toBe('doma');
    const decision = await call(hub, 'POST', `${base}/uzhkh-main/uzhkh/decisions?sync=false`, {
      json: [{ requestId: 'r-1', request: 'register', approve: true }],
    });
    expect(decision.status, decision.text).toBe(200);
    expect(decision.body.stored).toBe(1);
    const wrong = await call(hub, 'GET', `${base}/doma-main/uzhkh/commands`);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe('wrong_platform');

    const patched = await call(hub, 'PATCH', `${base}/doma-main`, { json: { enabled: false } });
    expect(patched.body.id).toBe(doma.id);
    expect(patched.body.changed).toEqual(['enabled']);
    const ghost = await call(hub, 'GET', `${base}/ghost/ids`);
    expect(ghost.status).toBe(404);
    expect(ghost.body.error).toBe('connection_not_found');
    // Another organization's connection is not found by its name either.
    const other = await call(hub, 'GET', `/v1/orgs/uk-other/connections/doma-main`);
    expect(other.status).toBe(404);
  });

  it('names are unique (409 on create and on rename) and never shaped like an id', async () => {
    const dup = await call(hub, 'POST', base, {
      json: { platform: 'uzhkh', name: 'doma-main', settings: { baseUrl: 'http://127.0.0.1:9' } },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toContain('"doma-main"');
    const rename = await call(hub, 'PATCH', `${base}/uzhkh-main`, { json: { name: 'doma-main' } });
    expect(rename.status).toBe(409);
    expect((await call(hub, 'GET', `${base}/${uzhkh.id}`)).body.name).toBe('uzhkh-main');
    for (const [method, path, json] of [
      ['POST', base, { platform: 'uzhkh', name: doma.id, settings: { baseUrl: 'http://127.0.0.1:9' } }],
      ['PATCH', `${base}/uzhkh-main`, { name: doma.id.toUpperCase() }],
    ] as const) {
      const res = await call(hub, method, path, { json });
      expect(res.status).toBe(400);
      expect(res.body.issues[0].path).toBe('body.name');
    }
    const renamed = await call(hub, 'PATCH', `${base}/uzhkh-main`, { json: { name: 'uzhkh-north' } });
    expect(renamed.body.changed).toEqual(['name']);
    expect((await call(hub, 'GET', `${base}/uzhkh-north`)).body.id).toBe(uzhkh.id);
    expect((await call(hub, 'DELETE', `${base}/uzhkh-north`)).body).toEqual({ deleted: true });
    expect((await call(hub, 'GET', `${base}/${uzhkh.id}`)).status).toBe(404);
  });
});
