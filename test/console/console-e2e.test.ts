import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoContext } from '../../src/cli/commands/run-platform-demos.js';
import { httpSink } from '../../src/cli/import/http-sink.js';
import { DEFAULT_DEMO_ORG_ID, DEFAULT_DEMO_SEED, demoOrganization } from '../../src/demo/generate-demo.js';
import { loadDemo } from '../../src/demo/load-demo.js';
import { Organization } from '../../src/domain/model/organization.js';
import { domaDemo } from '../../src/platforms/doma/doma-demo.js';
import {
  type DomcontrolSandbox,
  startDomcontrolSandbox,
} from '../../src/platforms/domcontrol/sandbox/start-domcontrol-sandbox.js';
import { is74Demo } from '../../src/platforms/is74/is74-demo.js';
import {
  startUzhkhSandbox,
  type UzhkhSandbox,
} from '../../src/platforms/uzhkh/sandbox/start-uzhkh-sandbox.js';
import { upsertOrg } from '../../src/store/org-store.js';
import { listRecords } from '../../src/store/record-store.js';
import { createToken } from '../../src/store/token-store.js';
import { FAST_RETRY } from '../support/engine-fixture.js';
import { call, startTestHub, type TestHub } from '../support/test-hub.js';
import { CHROMIUM_ARGS, CONSOLE_INDEX, findChromium } from './browser.js';

const chromiumPath = findChromium();
if (!chromiumPath)
  console.warn(
    'console e2e: SKIPPED — no Chromium found (apt-get install -y chromium, or set CHROMIUM_PATH); the browser tests did not run',
  );

const ORG = DEFAULT_DEMO_ORG_ID;
const SHOTS = join(import.meta.dirname, '../../docs/console');
const today = new Date().toISOString().slice(0, 10);

/**
 * The operator console in a real browser (Debian's Chromium driven by playwright-core) against a
 * real hub on loopback with the demo data and the platforms' sandboxes: every click goes through
 * the same /v1 API the CLI uses.
 */
describe.runIf(chromiumPath)('operator console in Chromium', { timeout: 600_000 }, () => {
  let hub: TestHub;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let orgToken: string;
  let domcontrol: DomcontrolSandbox;
  let uzhkh: UzhkhSandbox;
  let uzhkhConnection: string;
  let crashing: string;
  const closers: Array<() => Promise<void>> = [];
  /** What the browser complained about: CSP refusals and uncaught errors fail the last test. */
  const complaints: string[] = [];
  const ui = (path: string) => `${hub.url}/ui${path}`;

  beforeAll(async () => {
    if (!readFileSafe(CONSOLE_INDEX)) throw new Error(`${CONSOLE_INDEX} is missing: run npm run build first`);
    hub = await startTestHub('pglite', { engine: true, orgs: ['other'] });
    const db = hub.store.db;
    await upsertOrg(db, Organization.parse(demoOrganization({ orgId: ORG, seed: DEFAULT_DEMO_SEED })));
    orgToken = (await createToken(db, { orgId: ORG, name: 'console e2e' })).token;
    await loadDemo(httpSink({ url: hub.url, token: orgToken, org: ORG }), {
      accounts: 12,
      seed: DEFAULT_DEMO_SEED,
      orgId: ORG,
    });
    const ctx = demoContext({ hubUrl: hub.url, token: orgToken, orgId: ORG, db, log: () => {} });
    // Doma.ai (receipts out, payments back, a registry of today) and is74 as `npm run demo` sets them up.
    for (const demo of [domaDemo, is74Demo]) {
      const running = await demo.run(ctx);
      closers.push(() => running.close());
    }
    // «Умное ЖКХ»: the day's queue pulled, the registration request left for the operator.
    uzhkh = await startUzhkhSandbox({ demo: { houses: 1, flatsPerHouse: 6 } });
    closers.push(() => uzhkh.close());
    uzhkhConnection = await ctx.freshConnection({
      platform: 'uzhkh',
      name: 'uzhkh-demo',
      credentials: { token: uzhkh.token },
      settings: { baseUrl: uzhkh.url, idAssignment: 'hub', sync: { retry: FAST_RETRY } },
    });
    await ctx.syncAndWait(uzhkhConnection, { direction: 'inbound' });
    // DomControl crashes on one service: the rest land, that one becomes a record error.
    const services = await listRecords(db, ORG, 'service', { limit: 100 });
    crashing = services[0]!.key;
    domcontrol = await startDomcontrolSandbox({ auth: { mode: 'bearer', token: 'dc' }, crashOn: [crashing] });
    closers.push(() => domcontrol.close());
    const dc = await ctx.freshConnection({
      platform: 'domcontrol',
      name: 'DomControl sandbox',
      settings: {
        baseUrl: domcontrol.url,
        auth: { mode: 'bearer' },
        defaultTransactionService: 'sod',
        sync: { retry: { ...FAST_RETRY, maxAttempts: 3 }, schedule: '0 3 * * *' },
      },
      credentials: { token: 'dc' },
    });
    const [run] = await ctx.syncAndWait(dc, { direction: 'outbound', kinds: ['service', 'account'] });
    expect(run).toMatchObject({ state: 'partial', failed: 1 });

    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS, headless: true });
    context = await browser.newContext({
      locale: 'ru-RU',
      timezoneId: 'Asia/Yekaterinburg',
      viewport: { width: 1360, height: 860 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.on('dialog', (d) => void d.accept(d.type() === 'prompt' ? 'Нет такой квартиры' : undefined));
    page.on('pageerror', (err) => complaints.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      if (/Content Security Policy|Refused to/i.test(msg.text())) complaints.push(msg.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    for (const close of closers.reverse()) await close().catch(() => {});
    await hub?.close();
  });

  const signIn = async (token: string) => {
    await page.goto(ui('/'));
    await page.getByLabel('Токен хаба').fill(token);
    await page.getByRole('button', { name: 'Войти' }).click();
  };

  it('serves the console with a strict CSP, immutable assets and index.html for client routes', async () => {
    const index = await fetch(ui('/orgs/demo/runs/1'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(index.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const html = await index.text();
    const asset = /src="(\/ui\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const js = await fetch(hub.url + asset!);
    expect(js.headers.get('cache-control')).toContain('immutable');
    const bytes = Buffer.from(await js.arrayBuffer());
    console.log(
      `console bundle: ${(bytes.length / 1024).toFixed(1)} KiB JS, ${(gzipSync(bytes).length / 1024).toFixed(1)} KiB gzipped`,
    );
    expect((await fetch(`${hub.url}/ui/assets/nope.js`)).status).toBe(404);
    // The console's files are public; the data is not.
    expect((await call(hub, 'GET', `/v1/orgs/${ORG}/overview`, { token: null })).status).toBe(401);
  });

  it('refuses a wrong token with the API answer and stores nothing', async () => {
    await signIn('zb_not_a_real_token');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('401');
    expect(await page.evaluate(() => sessionStorage.getItem('zhkh.token'))).toBeNull();
    expect(page.url()).not.toContain('zb_not_a_real_token');
  });

  it('signs in and shows each connection as a card, with first paint measured', async () => {
    await signIn(orgToken);
    await page.getByTestId('card-DomControl sandbox').waitFor();
    expect(page.url()).toBe(ui(`/orgs/${ORG}/overview`));
    expect(page.url()).not.toContain(orgToken);
    // A fresh load of the overview with the token already in the tab: what an operator sees first.
    await page.reload();
    await page.getByTestId('card-DomControl sandbox').waitFor();
    const paint = await page.evaluate(() => ({
      ready: performance.getEntriesByName('overview-ready')[0]?.startTime,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    }));
    console.log(
      `console first paint: first-contentful-paint ${Math.round(paint.fcp ?? -1)} ms, overview with data ${Math.round(paint.ready ?? -1)} ms after navigation`,
    );
    const dc = page.getByTestId('card-DomControl sandbox');
    await expect.poll(() => dc.getAttribute('class')).toContain('health-amber');
    expect(await dc.textContent()).toContain('частично');
    expect(await page.getByTestId('card-doma-demo').textContent()).toContain('успешно');
    for (const name of ['uzhkh-demo', 'is74-demo'])
      expect(await page.getByTestId(`card-${name}`).count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'overview.png'), fullPage: true });
  });

  it('a DomControl fault: the errors page shows the refused record; fixed and retried from the UI, it lands', async () => {
    await page.getByRole('link', { name: 'Ошибки записей' }).click();
    const table = page.getByTestId('record-errors');
    await table.waitFor();
    const row = table.locator('tr', { hasText: crashing });
    expect(await row.textContent()).toContain('http_500');
    expect(await row.textContent()).toMatch(/import failed on/);
    await page.screenshot({ path: join(SHOTS, 'errors.png'), fullPage: true });
    expect(domcontrol.items('services').has(crashing)).toBe(false);

    domcontrol.setFaults({ crashOn: [] });
    await page.getByRole('button', { name: 'Повторить все' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('запуски: №');
    await expect.poll(() => domcontrol.items('services').has(crashing), { timeout: 60_000 }).toBe(true);
    await expect
      .poll(
        async () => (await call(hub, 'GET', `/v1/orgs/${ORG}/record-errors?state=open`)).body.items.length,
        {
          timeout: 60_000,
        },
      )
      .toBe(0);
    await page.reload();
    await page.getByText('Открытых ошибок нет').waitFor();
  });

  it('shows runs and one run with its operations', async () => {
    await page.goto(ui(`/orgs/${ORG}/runs`));
    await page.locator('table').waitFor();
    await page.screenshot({ path: join(SHOTS, 'runs.png'), fullPage: true });
    const runs = (await call(hub, 'GET', `/v1/orgs/${ORG}/runs?limit=100`)).body.items as Array<{
      id: number;
      platform: string;
      failed: number;
    }>;
    const partial = runs.find((r) => r.platform === 'domcontrol' && r.failed === 1)!;
    await page.getByRole('link', { name: `№${partial.id}`, exact: true }).click();
    await page.getByRole('heading', { name: 'Операции' }).waitFor();
    await page.locator('table tbody tr').first().waitFor();
    expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    expect(await page.locator('main').textContent()).toContain('пакет');
    await page.screenshot({ path: join(SHOTS, 'run.png'), fullPage: true });
  });

  it('approves a «Умное ЖКХ» registration request from the inbox; the sandbox records the decision', async () => {
    const requestId = uzhkh.demo!.day.registrationRequestId;
    expect(uzhkh.state().requests[requestId]?.state).toBe('new');
    const inbox = await call(hub, 'GET', `/v1/orgs/${ORG}/inbox?kind=registration_request&limit=1000`);
    const item = inbox.body.items.find(
      (i: { payload: { requestId: string } }) => i.payload.requestId === requestId,
    );
    expect(item).toBeDefined();
    await page.goto(ui(`/orgs/${ORG}/inbox?kind=registration_request`));
    const row = page.locator(`tr[data-cursor="${item.cursor}"]`);
    await row.waitFor();
    await page.screenshot({ path: join(SHOTS, 'inbox.png'), fullPage: true });
    await row.getByRole('button', { name: 'Одобрить' }).click();
    await expect.poll(() => row.getByRole('status').textContent()).toContain('принято');
    await expect.poll(() => uzhkh.state().requests[requestId]?.state, { timeout: 60_000 }).toBe('approved');
    expect(uzhkh.state().requests[requestId]?.notificationSent).toBe(true);
    // The page «Умное ЖКХ» declares shows the decision and the platform's answer.
    await page.goto(ui(`/orgs/${ORG}/x/uzhkh/commands`));
    const decision = page.getByTestId('ext-commands').locator('tr', { hasText: requestId });
    await decision.waitFor();
    expect(await decision.textContent()).toContain('выполнено');
  });

  it("downloads a day's Doma.ai registry; its bytes are the API's windows-1251 file", async () => {
    await page.goto(ui(`/orgs/${ORG}/registries?date=${today}`));
    const table = page.getByTestId('registries');
    await table.waitFor();
    expect(await table.textContent()).toMatch(/\d[\d\u00a0]*,\d\d\u00a0₽/);
    await page.screenshot({ path: join(SHOTS, 'registries.png'), fullPage: true });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      table.getByRole('button', { name: 'Скачать (windows-1251)' }).click(),
    ]);
    const got = readFileSync((await download.path())!);
    const api = await fetch(`${hub.url}/v1/orgs/${ORG}/connections/doma-demo/registry?date=${today}`, {
      headers: { authorization: `Bearer ${orgToken}` },
    });
    const expected = Buffer.from(await api.arrayBuffer());
    expect(got.length).toBeGreaterThan(50);
    expect(got.equals(expected)).toBe(true);
    expect(got.includes(Buffer.from('DEMO-0001'))).toBe(true);
    // windows-1251: Cyrillic is one byte a letter, so no UTF-8 lead bytes (0xD0/0xD1 pairs).
    expect(download.suggestedFilename()).toMatch(/\.txt$|\.csv$|DEMO/i);
  });

  it('is74 users: the page the connector declares lists, adds and deletes users (never a password)', async () => {
    await page.goto(ui(`/orgs/${ORG}/x/is74/users`));
    await page.getByRole('heading', { name: 'Пользователи is74' }).waitFor();
    await page.locator('input[name=id]').fill('console-user-1');
    await page.locator('input[name=login]').fill('console.user');
    await page.locator('input[name=password]').fill('s3cret-pass');
    await page.locator('input[name=accountNumbers]').fill('');
    await page.getByRole('button', { name: 'Добавить пользователя' }).click();
    const row = page.getByTestId('ext-users').locator('tr', { hasText: 'console-user-1' });
    await row.waitFor();
    expect(await page.locator('main').textContent()).not.toContain('s3cret-pass');
    await page.screenshot({ path: join(SHOTS, 'is74-users.png'), fullPage: true });
    await row.getByRole('button', { name: 'Удалить' }).click();
    await row.waitFor({ state: 'detached' });
  });

  it('connection page: form from the settings schema, check, credentials never shown', async () => {
    await page.goto(ui(`/orgs/${ORG}/connections`));
    await page.getByRole('link', { name: 'DomControl sandbox' }).click();
    await page.locator('input[name="settings.baseUrl"]').waitFor();
    expect(await page.locator('input[name="settings.baseUrl"]').inputValue()).toBe(domcontrol.url);
    expect(await page.locator('input[name="schedule"]').inputValue()).toBe('0 3 * * *');
    expect(await page.content()).not.toContain('value="dc"');
    await page.getByRole('button', { name: 'Проверить подключение' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Проверка пройдена');
    await page.screenshot({ path: join(SHOTS, 'connection.png'), fullPage: true });
    // «Синхронизировать сейчас» for one kind opens the run, which the page follows to its end.
    await page.locator('.sync-now label', { hasText: 'service' }).locator('input').check();
    await page.getByRole('button', { name: 'Синхронизировать сейчас' }).click();
    await page.waitForURL(/\/runs\/\d+$/);
    const runId = Number(/\/runs\/(\d+)$/.exec(page.url())![1]);
    await expect
      .poll(() => page.locator('.page-header + section .pill').first().textContent(), { timeout: 60_000 })
      .toBe('успешно');
    const run = (await call(hub, 'GET', `/v1/orgs/${ORG}/runs/${runId}`)).body;
    expect(run).toMatchObject({ state: 'succeeded', trigger: 'api' });
    expect(JSON.stringify(run.options)).toContain('service');
  });

  it('creates a connection from the generated form; the credentials are stored, never shown', async () => {
    await page.goto(ui(`/orgs/${ORG}/connections/new`));
    await page.locator('select[name=platform]').selectOption('testbed');
    await page.locator('input[name="settings.baseUrl"]').waitFor();
    await page.locator('input[name=name]').fill('testbed-from-ui');
    await page.locator('input[name="settings.baseUrl"]').fill('http://127.0.0.1:9/');
    await page.locator('input[name="settings.batchSize"]').fill('250');
    await page.locator('input[name="credentials.user"]').fill('operator');
    await page.locator('input[name="credentials.password"]').fill('ui-secret-1');
    await page.getByRole('button', { name: 'Создать' }).click();
    await page.getByRole('heading', { name: 'Подключение «testbed-from-ui»' }).waitFor();
    const list = await call(hub, 'GET', `/v1/orgs/${ORG}/connections/testbed-from-ui`);
    expect(list.body).toMatchObject({
      platform: 'testbed',
      settings: { baseUrl: 'http://127.0.0.1:9/', batchSize: 250 },
      credentialFields: ['password', 'user'],
    });
    expect(await page.content()).not.toContain('ui-secret-1');
    // A bad value is refused by the API with the field named, and shown.
    await page.locator('input[name="settings.batchSize"]').fill('5000');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('settings.batchSize');
  });

  it('browses records and shows the platform ids of one', async () => {
    await page.goto(ui(`/orgs/${ORG}/records?kind=account`));
    const first = page.locator('table tbody tr td a').first();
    await first.waitFor();
    const key = (await first.textContent())!;
    await first.click();
    await page.getByRole('heading', { name: `account ${key}` }).waitFor();
    expect(await page.locator('pre.json').textContent()).toContain(key);
    // A record a platform gave an id to: the page shows that id beside the connection's name.
    const kinds = new Set(
      (await call(hub, 'GET', '/v1/kinds')).body.map((k: { name: string }) => k.name) as string[],
    );
    const conns = (await call(hub, 'GET', `/v1/orgs/${ORG}/connections`)).body as Array<{
      id: string;
      name: string;
    }>;
    let mapped: { name: string; entity: string; key: string; platformId: string } | undefined;
    for (const c of conns) {
      const ids = (await call(hub, 'GET', `/v1/orgs/${ORG}/connections/${c.id}/ids?limit=1000`)).body.items;
      const row = ids.find((i: { entity: string }) => kinds.has(i.entity));
      if (row) mapped = { name: c.name, ...row };
      if (mapped) break;
    }
    expect(mapped).toBeDefined();
    await page.goto(
      ui(`/orgs/${ORG}/records?${new URLSearchParams({ kind: mapped!.entity, key: mapped!.key })}`),
    );
    const ids = page.getByTestId('record-ids');
    await ids.waitFor();
    expect(await ids.textContent()).toContain(mapped!.platformId);
    expect(await ids.textContent()).toContain(mapped!.name);
    await page.screenshot({ path: join(SHOTS, 'record.png'), fullPage: true });
  });

  it("an organization's token cannot see another organization", async () => {
    const other = await hub.tokenFor('other');
    await page.evaluate(() => sessionStorage.clear());
    await signIn(other);
    await page.getByText('Подключений пока нет').waitFor();
    expect(page.url()).toBe(ui('/orgs/other/overview'));
    expect(await page.locator('nav').textContent()).not.toContain('Демо');
    await page.goto(ui(`/orgs/${ORG}/overview`));
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('403');
    expect(await page.locator('main').textContent()).not.toContain('DomControl');
    await page.getByRole('link', { name: /Перейти к/ }).click();
    await page.getByText('Подключений пока нет').waitFor();
    expect(page.url()).toBe(ui('/orgs/other/overview'));
  });

  it('ran every page above under its CSP without a refusal or an uncaught error', () => {
    expect(complaints).toEqual([]);
  });
});

function readFileSafe(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
