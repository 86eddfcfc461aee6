import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/demo/generate-demo.js';
import { bulkOptions, bulkPaths, expectBulkBodiesWent } from '../support/bulk-paths.js';
import { call, startTestHub, type TestHub } from '../support/test-hub.js';

const cli = join(import.meta.dirname, '../../bin/zhkh-bridge.js');
const built = existsSync(join(import.meta.dirname, '../../dist/cli/main.js'));

// biome-ignore lint/suspicious/noExplicitAny: a demo receipt in its API input form, edited field by field
function demoReceipt(): any {
  for (const r of generateDemo({ accounts: 1, seed: 3 })) if (r.kind === 'receipt') return r.record;
  throw new Error('the demo has no receipt');
}

const service = (id: string, name = 'Вывоз мусора') => ({ id, name });

describe.each(bulkPaths)('hostile input on the bulk API on %s, bodies validated %s', (kind, where) => {
  let hub: TestHub;
  const org = 'uk-hostile';
  beforeAll(async () => {
    hub = await startTestHub(kind, { orgs: [org], ...bulkOptions(where) });
  });
  afterAll(async () => hub?.close());

  const post = (plural: string, body: string, contentType?: string) =>
    call(hub, 'POST', `/v1/orgs/${org}/${plural}`, contentType ? { body, contentType } : { body });

  it('a lone surrogate in a text field, a key or a raw key refuses that record only, naming the field', async () => {
    const good = JSON.stringify(service('lone-ok'));
    const body = `[{"id":"lone-1","name":"Вода\\ud800"},${good},{"id":"lone-\\udfff","name":"x"}]`;
    for (const [text, type] of [
      [body, undefined],
      [body.slice(1, -1).replace(/\},\{/g, '}\n{'), 'application/x-ndjson'],
    ] as const) {
      const res = await post('services', text, type);
      expect(res.status, res.text).toBe(200);
      expect(res.body.results.map((r: { status: string }) => r.status)).toEqual([
        'rejected',
        expect.stringMatching(/created|unchanged/),
        'rejected',
      ]);
      expect(res.body.results[0].errors).toEqual([
        expect.objectContaining({ code: 'lone_surrogate', path: 'name' }),
      ]);
      expect(res.body.results[2].errors[0]).toMatchObject({ code: 'lone_surrogate', path: 'id' });
    }
    const receipt = JSON.stringify({ ...demoReceipt(), raw: { note: { 'KEY-HERE': 1 } } }).replace(
      'KEY-HERE',
      '\\udc00',
    );
    const r = await post('receipts', `[${receipt}]`);
    expect(r.body.results[0].errors[0]).toMatchObject({ code: 'lone_surrogate', path: 'raw.note' });
    expect((await call(hub, 'GET', `/v1/orgs/${org}/services/lone-1`)).status).toBe(404);
    expect((await call(hub, 'GET', `/v1/orgs/${org}/services/lone-ok`)).status).toBe(200);

    // Outside the bulk API the request itself is refused, naming the field: never a 500.
    const orgBody = '{"id":"uk-x","name":"ТСЖ \\ud800","inn":"7736050003"}';
    const refused = await call(hub, 'POST', '/v1/orgs', { body: orgBody });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: 'lone_surrogate', path: 'body.name' });
    const nul = await call(hub, 'POST', '/v1/orgs', { body: orgBody.replace('\\ud800', '\\u0000') });
    expect(nul.body).toMatchObject({ error: 'nul_character', path: 'body.name' });
  });

  it('free-form JSON is held to a depth and a size, per record, and never answers 500', async () => {
    const receipt = demoReceipt();
    let deep = '1';
    for (let i = 0; i < 5000; i++) deep = `{"a":${deep}}`;
    const body = `[${JSON.stringify({ ...receipt, raw: { x: 0 } }).replace('{"x":0}', deep)},${JSON.stringify(service('deep-ok'))}]`;
    const res = await post('receipts', body);
    expect(res.status).toBe(200);
    expect(res.body.results[0]).toMatchObject({
      status: 'rejected',
      errors: [expect.objectContaining({ code: 'json_too_deep', path: 'raw' })],
    });
    expect(res.body.results[1].status).toBe('rejected'); // a service is no receipt: refused, named
    const big = await call(hub, 'POST', `/v1/orgs/${org}/receipts`, {
      json: [
        { ...receipt, raw: { blob: 'я'.repeat(1_000_000) } },
        { ...receipt, period: '2026-09', raw: { n: 1 } },
      ],
    });
    expect(big.body.results[0].errors[0]).toMatchObject({ code: 'json_too_large', path: 'raw' });
    expect(big.body.results[1].status).toBe('created');
    // Deep JSON where no record is validated one by one (a connection's settings): 400, not 500.
    const settings = `{"platform":"testbed","name":"deep","settings":${deep}}`;
    const conn = await call(hub, 'POST', `/v1/orgs/${org}/connections`, { body: settings });
    expect(conn.status).toBe(400);
  });

  it('invalid UTF-8 is refused with the byte position and the import encoding option', async () => {
    const head = Buffer.from('[{"id":"cp","name":"');
    const cp1251 = Buffer.concat([
      head,
      Buffer.from([0xc8, 0xe2, 0xe0, 0xed, 0xee, 0xe2]), // «Иванов» in windows-1251
      Buffer.from('"}]'),
    ]);
    for (const type of ['application/json', 'application/x-ndjson']) {
      const res = await fetch(`${hub.url}/v1/orgs/${org}/services`, {
        method: 'POST',
        headers: { authorization: `Bearer ${hub.adminToken}`, 'content-type': type },
        body: type === 'application/json' ? cp1251 : cp1251.subarray(1, -1),
      });
      const answer = (await res.json()) as { message: string };
      expect(res.status).toBe(400);
      expect(answer).toMatchObject({
        error: 'invalid_utf8',
        position: type === 'application/json' ? head.length : head.length - 1,
      });
      expect(answer.message).toContain('--encoding cp1251');
    }
    expect((await call(hub, 'GET', `/v1/orgs/${org}/services/cp`)).status).toBe(404);
  });

  it('a truncated body gives malformed_json at its end; a truncated NDJSON line refuses that line', async () => {
    const text = `[${JSON.stringify(service('cut-1'))},{"id":"cut-2","na`;
    const res = await post('services', text);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'malformed_json', position: text.length, line: 1 });
    const empty = await post('services', '[');
    expect(empty.body).toMatchObject({ error: 'malformed_json', position: 1 });
    const nd = await post('services', `${JSON.stringify(service('cut-3'))}\n{"id":`, 'application/x-ndjson');
    expect(nd.body.results[0].status).toMatch(/created|unchanged/);
    expect(nd.body.results[1].errors[0].message).toMatch(/line 2 .*end of the line/);
  });

  it('money written with an exponent is refused as a number and as a string; raw keeps its numbers', async () => {
    const receipt = demoReceipt();
    const asNumber = JSON.stringify({ ...receipt, toPay: 0, raw: { n: 0 } })
      .replace('"toPay":0', '"toPay":1E2')
      .replace('"n":0', '"n":1e2');
    const res = await post(
      'receipts',
      `[${asNumber},${JSON.stringify({ ...receipt, period: '2026-08', toPay: '1E2' })}]`,
    );
    for (const r of res.body.results)
      expect(r.errors).toEqual([expect.objectContaining({ code: 'money_format', path: 'toPay' })]);
    const line = JSON.stringify({ ...receipt.lines[0], volume: 0 }).replace('"volume":0', '"volume":2.5e1');
    const vol = await post(
      'receipts',
      `[${JSON.stringify({ ...receipt, lines: [] }).replace('"lines":[]', `"lines":[${line}]`)}]`,
    );
    expect(vol.body.results[0].errors).toEqual([
      expect.objectContaining({ code: 'decimal_format', path: 'lines.0.volume' }),
    ]);
    // Plain numbers stay accepted, and an exponent in free-form JSON is kept as the number it is.
    const plain = JSON.stringify({ ...receipt, period: '2026-07', raw: { n: 0 } }).replace(
      '"n":0',
      '"n":1e2',
    );
    expect((await post('receipts', `[${plain}]`)).body.results[0].status).toBe('created');
    const stored = await call(
      hub,
      'GET',
      `/v1/orgs/${org}/receipts/${receipt.accountNumber}%2F2026-07%2F${receipt.category}`,
    );
    expect(stored.body.data.raw).toEqual({ n: 100 });
  });

  it.runIf(built)(
    'import --url sends a file with a lone surrogate once and lands the good records',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'zb-hostile-'));
      try {
        const file = join(dir, 'services.ndjson');
        writeFileSync(
          file,
          [
            JSON.stringify(service('imp-1')),
            '{"id":"imp-2","name":"\\ud83d"}',
            JSON.stringify(service('imp-3')),
          ].join('\n'),
        );
        const before = await posts(hub, org);
        const { ZHKH_URL: _u, ZHKH_TOKEN: _t, ...env } = process.env;
        // Asynchronously: the hub answering it runs in this process.
        const child = spawn(
          process.execPath,
          [cli, 'import', file, '--org', org, '--url', hub.url, '--token', hub.adminToken],
          { env },
        );
        let output = '';
        child.stdout.on('data', (d) => {
          output += d;
        });
        child.stderr.on('data', (d) => {
          output += d;
        });
        const [code] = await once(child, 'exit');
        expect(code, output).toBe(2); // done, with refused records
        expect(await posts(hub, org)).toBe(before + 1); // one request: a refused record is no reason to retry
        for (const [id, status] of [
          ['imp-1', 200],
          ['imp-2', 404],
          ['imp-3', 200],
        ] as const)
          expect((await call(hub, 'GET', `/v1/orgs/${org}/services/${id}`)).status, id).toBe(status);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it('every bulk body went the way this suite says', async () => {
    await expectBulkBodiesWent(hub, where);
  });
});

/** Bulk service requests the hub has answered, from its own metrics. */
async function posts(hub: TestHub, _org: string): Promise<number> {
  const text = (await call(hub, 'GET', '/metrics')).text;
  return text
    .split('\n')
    .filter(
      (l) =>
        l.startsWith('zhkh_http_request_duration_seconds_count') &&
        l.includes('route="/v1/orgs/:org/services"') &&
        l.includes('method="POST"'),
    )
    .reduce((n, l) => n + Number(l.split(' ').at(-1)), 0);
}
