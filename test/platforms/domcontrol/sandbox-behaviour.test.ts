import { afterEach, describe, expect, it } from 'vitest';
import { domcontrolImports } from '../../../src/platforms/domcontrol/contract/domcontrol-paths.js';
import { domcontrolSandbox } from '../../../src/platforms/domcontrol/sandbox/domcontrol-sandbox.js';
import {
  type DomcontrolSandbox,
  type DomcontrolSandboxOptions,
  startDomcontrolSandbox,
} from '../../../src/platforms/domcontrol/sandbox/start-domcontrol-sandbox.js';
import { call } from './sandbox-helpers.js';

const service = (id: string, name = 'ХВС') => ({ id, organization: 'УК', short_name: name, full_name: name });
const account = (id: string) => ({
  id,
  name: id,
  address: 'ул. Ленина, д. 1, кв. 1',
  full_name: 'Иванов И. И.',
  ownership: '100',
  square: '',
  cadastral: '',
  phone: '',
  email: '',
});
const counter = (id: string, acc: string, svc: string) => ({
  id,
  name: `№${id}`,
  type: 'ХВС',
  account: acc,
  service: svc,
  date_installation: '2020-01-31T00:00:00',
  date_removal: '0001-01-01T00:00:00',
  date_verification: '0001-01-01T00:00:00',
});

describe('DomControl sandbox', () => {
  let sandbox: DomcontrolSandbox | undefined;
  const start = async (opts: DomcontrolSandboxOptions = {}) => {
    sandbox = await startDomcontrolSandbox(opts);
    return sandbox;
  };
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });
  const imp = (
    sb: DomcontrolSandbox,
    name: keyof typeof domcontrolImports,
    items: unknown[],
    authorization?: string,
  ) =>
    call(sb, 'POST', domcontrolImports[name].path, {
      json: { [domcontrolImports[name].list]: items },
      ...(authorization ? { authorization } : {}),
    });

  it('stores by id: a re-import of the same id updates it', async () => {
    const sb = await start();
    expect((await imp(sb, 'services', [service('s1'), service('s2')])).status).toBe(201);
    expect((await imp(sb, 'services', [service('s1', 'ГВС')])).status).toBe(201);
    expect(sb.items('services').size).toBe(2);
    expect(sb.items('services').get('s1')).toMatchObject({ full_name: 'ГВС' });
    expect(sb.stats.imported.services).toBe(3);
  });

  it('refuses a whole batch for one bad item, naming its index, id and field; nothing of it is stored', async () => {
    const sb = await start();
    await imp(sb, 'services', [service('s1')]);
    await imp(sb, 'accounts', [account('a1')]);
    const answer = await imp(sb, 'counters', [
      counter('c1', 'a1', 's1'),
      counter('c2', 'a1', 'nope'),
      counter('c3', 'a1', 's1'),
    ]);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: 'unknown_reference', index: 1, id: 'c2', field: 'service' });
    expect(answer.body.message).toBe('counters[1] (c2): service "nope" is not imported');
    expect(sb.items('counters').size).toBe(0);
    const typed = await imp(sb, 'counters', [
      { ...counter('c4', 'a1', 's1'), date_installation: '31.01.2020' },
    ]);
    expect(typed.status).toBe(400);
    expect(typed.body).toMatchObject({
      error: 'invalid_field',
      index: 0,
      id: 'c4',
      field: 'date_installation',
    });
    expect((await imp(sb, 'counters', [counter('c1', 'a1', 's1')])).status).toBe(201);
    const money = await imp(sb, 'balances', [
      { account: 'a1', service: 's1', date: '2024-01-01T00:00:00', amount: 1.005 },
    ]);
    expect(money.body).toMatchObject({ error: 'invalid_field', field: 'amount' });
    const asText = await imp(sb, 'balances', [
      { account: 'a1', service: 's1', date: '2024-01-01T00:00:00', amount: '10' },
    ]);
    expect(asText.body).toMatchObject({ error: 'invalid_field', field: 'amount' });
    const reading = {
      date: '2024-01-25T00:00:00',
      counter: 'c1',
      current_data1: 12.5,
      current_data2: 0,
      current_data3: 0,
    };
    expect((await imp(sb, 'readings', [reading])).status).toBe(201);
    expect((await imp(sb, 'readings', [{ ...reading, counter: 'c9' }])).body.field).toBe('counter');
    expect((await imp(sb, 'readings', [{ ...reading, current_data2: '0' }])).body.field).toBe(
      'current_data2',
    );
    const tx = { account: 'a1', date: '2024-01-01T00:00:00', amount: -2600, service: 's1' };
    expect((await imp(sb, 'transactions', [tx, tx])).status).toBe(201);
    expect(sb.items('transactions').size).toBe(1); // no id: the same movement twice is one (a retried batch)
    expect((await imp(sb, 'transactions', [{ ...tx, service: 'zz' }])).body.field).toBe('service');
  });

  it('refuses what the document lists and a request leaves out: every field, names not empty', async () => {
    const sb = await start();
    await imp(sb, 'services', [service('s1')]);
    await imp(sb, 'accounts', [account('a1')]);
    // §6 lists `service` with every transaction (and its example has one).
    const { service: _s, ...noService } = {
      account: 'a1',
      date: '2024-01-01T00:00:00',
      amount: -2600,
      service: 's1',
    };
    expect((await imp(sb, 'transactions', [noService])).body).toMatchObject({
      error: 'invalid_field',
      field: 'service',
    });
    // §1 "Наименование организации": a service names its organization, never "".
    expect((await imp(sb, 'services', [{ ...service('s2'), organization: '' }])).body).toMatchObject({
      error: 'invalid_field',
      field: 'organization',
    });
    const { organization: _o, ...noOrganization } = service('s3');
    expect((await imp(sb, 'services', [noOrganization])).body.field).toBe('organization');
    // §2: every listed field, "" allowed where the billing does not know it; the e-mail in either spelling.
    for (const field of ['address', 'full_name', 'ownership', 'square', 'cadastral', 'phone', 'email']) {
      const { [field as 'address']: _f, ...without } = account('a2');
      expect((await imp(sb, 'accounts', [without])).body).toMatchObject({ error: 'invalid_field', field });
    }
    // §3: a counter's name and type.
    expect((await imp(sb, 'counters', [{ ...counter('c1', 'a1', 's1'), name: '' }])).body.field).toBe('name');
    expect(sb.items('transactions').size + sb.items('counters').size).toBe(0);
    expect(sb.items('services').size + sb.items('accounts').size).toBe(2);
  });

  it('takes the e-mail spelled as the table has it ("email ") and keeps it as `email`', async () => {
    const sb = await start();
    const { email: _email, ...rest } = { ...account('a1'), email: '' };
    expect((await imp(sb, 'accounts', [{ ...rest, 'email ': 'x@y.ru' }])).status).toBe(201);
    expect(sb.items('accounts').get('a1')).toMatchObject({ email: 'x@y.ru' });
    expect(sb.items('accounts').get('a1')).not.toHaveProperty('email ');
  });

  it('refuses what is not an import body, other methods and other paths', async () => {
    const sb = await start();
    expect((await imp(sb, 'services', [null])).body).toMatchObject({ error: 'invalid_field', index: 0 });
    expect((await call(sb, 'POST', domcontrolImports.services.path, { json: { items: [] } })).status).toBe(
      400,
    );
    expect((await call(sb, 'GET', domcontrolImports.services.path)).status).toBe(405);
    expect((await call(sb, 'POST', '/api/nothing', { json: {} })).status).toBe(404);
  });

  it.each([
    ['bearer', { mode: 'bearer', token: 't0k' } as const, 'Bearer t0k'],
    [
      'basic',
      { mode: 'basic', user: 'uk', password: 'pw' } as const,
      `Basic ${Buffer.from('uk:pw').toString('base64')}`,
    ],
  ])('demands %s credentials when configured', async (_mode, auth, good) => {
    const sb = await start({ auth });
    expect((await imp(sb, 'services', [service('s1')])).status).toBe(401);
    expect((await imp(sb, 'services', [service('s1')], `${good}x`)).status).toBe(401);
    expect((await imp(sb, 'services', [service('s1')], good)).status).toBe(201);
    expect(sb.stats.unauthorized).toBe(2);
  });

  it('injects faults through /_sandbox/faults, shows state, and resets', async () => {
    const sb = await start();
    expect(
      (await call(sb, 'POST', '/_sandbox/faults', { json: { failNext: { count: 2, status: 503 } } })).status,
    ).toBe(200);
    expect((await imp(sb, 'services', [service('s1')])).status).toBe(503);
    expect((await imp(sb, 'services', [service('s1')])).status).toBe(503);
    expect((await imp(sb, 'services', [service('s1')])).status).toBe(201);
    sb.setFaults({ errorRate: 1 });
    expect((await imp(sb, 'services', [service('s2')])).status).toBe(500);
    sb.setFaults({ errorRate: 0, rateLimitRate: 1, rateLimitResetMs: 2000 });
    const limited = await imp(sb, 'services', [service('s2')]);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    sb.setFaults({ rateLimitRate: 0, maxBodyBytes: 10 });
    expect((await imp(sb, 'services', [service('s2')])).status).toBe(413);
    expect((await call(sb, 'POST', '/_sandbox/faults', { json: { errorRate: 2 } })).status).toBe(400);
    const state = await call(sb, 'GET', '/_sandbox/state');
    expect(state.body).toMatchObject({
      auth: 'none',
      directories: { services: 1 },
      stats: { requests: 6, faults: { failNext: 2, error: 1, rateLimited: 1, tooLarge: 1 } },
    });
    expect((await call(sb, 'GET', '/_sandbox/directories/services')).body.items).toEqual([service('s1')]);
    expect((await call(sb, 'POST', '/_sandbox/reset')).body.directories.services).toBe(0);
    expect(sb.stats.requests).toBe(0);
  });

  it('answers 500 ("400–500 Ошибка при импорте") to a record its importer fails on, and to everything in an outage', async () => {
    const sb = await start({ crashOn: ['s2'] });
    const crashed = await imp(sb, 'services', [service('s1'), service('s2'), service('s3')]);
    expect(crashed.status).toBe(500);
    expect(crashed.body.message).toMatch(/import failed on s2/);
    expect(sb.items('services').size).toBe(0); // nothing of the request is stored
    expect((await imp(sb, 'services', [service('s1'), service('s3')])).status).toBe(201);
    // A refusal of the data comes first: the request is checked before it is imported.
    expect((await imp(sb, 'services', [service('s2'), { id: 's4' }])).status).toBe(400);
    sb.setFaults({ outage: true });
    expect((await imp(sb, 'services', [service('s5')])).status).toBe(500);
    expect((await imp(sb, 'services', [])).status).toBe(500);
    expect(sb.stats.faults).toMatchObject({ crashed: 1, outage: 2 });
    expect(sb.items('services').size).toBe(2);
  });

  it('starts from the CLI flags: an auth mode needs its secret, and the banner never shows it', async () => {
    const flags = { host: '127.0.0.1', port: '0' };
    await expect(domcontrolSandbox.start({ ...flags, auth: 'bearer' })).rejects.toThrow(
      /--token is required/,
    );
    await expect(domcontrolSandbox.start({ ...flags, auth: 'oauth' })).rejects.toThrow(
      /none, bearer or basic/,
    );
    const started = await domcontrolSandbox.start({
      ...flags,
      auth: 'basic',
      user: 'uk',
      password: 'pw-secret',
    });
    try {
      expect(started.banner.join('\n')).toContain('HTTP Basic, user uk');
      expect(started.banner.join('\n')).not.toContain('pw-secret');
      const res = await fetch(`${started.url}${domcontrolImports.services.path}`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from('uk:pw-secret').toString('base64')}` },
        body: '{"services":[]}',
      });
      expect(res.status).toBe(201);
    } finally {
      await started.close();
    }
  });
});
