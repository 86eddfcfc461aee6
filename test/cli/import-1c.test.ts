import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directSink } from '../../src/cli/import/direct-sink.js';
import { httpSink } from '../../src/cli/import/http-sink.js';
import { type ImportOptions, type ImportResult, importPaths } from '../../src/cli/import/import-files.js';
import { parseKindOption } from '../../src/cli/import/parse-kind-option.js';
import { readMappingFile } from '../../src/cli/import/read-mapping-file.js';
import type { RecordSink } from '../../src/cli/import/record-sink.js';
import { writeTemplate } from '../../src/cli/import/write-template.js';
import { ProgressReporter } from '../../src/cli/progress-reporter.js';
import { entityKinds } from '../../src/domain/entity-kinds.js';
import { houseKey } from '../../src/domain/import/derived-keys.js';
import { getRecord, listRecords } from '../../src/store/record-store.js';
import { startTestHub, type TestHub } from '../support/test-hub.js';
import { storeKinds } from '../support/test-stores.js';

const root = join(import.meta.dirname, '../..');
const samples = join(root, 'examples/1c');
const broken = join(samples, 'broken');
const H1 = houseKey('г. Челябинск, ул. Ленина, д. 5');
const H2 = houseKey('г. Челябинск, пр-кт Победы, д. 160');

/** What an import of the samples makes, per file and kind: [records, rejected]. */
const SAMPLE_COUNTS = [
  ['00_houses.csv', 'house', 2, 0],
  ['01_premises.csv', 'premise', 3, 0],
  ['02_accounts.csv', 'account', 8, 0],
  ['02_accounts.csv', 'premise', 7, 0],
  ['03_services.csv', 'service', 6, 0],
  ['04_tariffs.csv', 'tariff', 6, 0],
  ['05_meters.csv', 'meter', 14, 0],
  ['06_readings.csv', 'reading', 14, 0],
  ['07_receipts-2026-11.csv', 'receipt', 8, 0],
  ['08_balances.csv', 'balance', 8, 0],
  ['09_transactions.csv', 'transaction', 52, 0],
  ['10_payments.csv', 'payment', 5, 0],
  ['11_contracts.csv', 'contract', 4, 0],
];

type SinkKind = 'direct' | 'http';

describe.each(storeKinds)('1С exports on %s', (storeKind) => {
  let hub: TestHub;
  let dir: string;
  const orgs = ['direct', 'http'].flatMap((s) => [`c1-${s}`, `c1-broken-${s}`, `c1-dry-${s}`, `c1-map-${s}`]);
  beforeAll(async () => {
    hub = await startTestHub(storeKind, { orgs });
    dir = mkdtempSync(join(tmpdir(), 'zb-import-1c-'));
  });
  afterAll(async () => {
    await hub?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const sinkFor = async (sink: SinkKind, org: string, dryRun = false): Promise<RecordSink> =>
    sink === 'direct'
      ? directSink(hub.store, org, { dryRun })
      : httpSink({ url: hub.url, token: await hub.tokenFor(org), org, retryDelayMs: 1, dryRun });
  const run = async (
    sink: SinkKind,
    org: string,
    paths: string[],
    opts: Partial<ImportOptions> & { dryRun?: boolean } = {},
  ): Promise<ImportResult> =>
    importPaths(paths, {
      sink: await sinkFor(sink, org, opts.dryRun),
      progress: new ProgressReporter({ enabled: false }),
      reportPath: join(dir, `${org}-${Math.random().toString(36).slice(2)}.errors.ndjson`),
      ...opts,
    });
  const data = async (org: string, kind: string, key: string) =>
    (await getRecord(hub.store.db, org, kind, key))?.data;
  const count = async (org: string, kind: string) =>
    (await listRecords(hub.store.db, org, kind, { limit: 1000 })).length;
  const report = (path: string) =>
    readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));

  describe.each(['direct', 'http'] as const)('through the %s sink', (sink) => {
    const org = `c1-${sink}`;

    it('imports every sample as it is, with the records 1С meant', async () => {
      const result = await run(sink, org, [samples]);
      expect(
        result.files.map((f) => [f.file.slice(samples.length + 1), f.kind, f.records, f.rejected]),
      ).toEqual(SAMPLE_COUNTS);
      expect(result.files.every((f) => f.layout?.encoding === 'cp1251' && f.layout.delimiter === ';')).toBe(
        true,
      );
      expect(result.reportPath).toBeUndefined();

      // The houses file's ФИАС and cadastral number survive the accounts file's houses without them.
      expect(await data(org, 'house', H1)).toEqual({
        id: H1,
        address: 'г. Челябинск, ул. Ленина, д. 5',
        fiasGuid: '5f3c1b2a-7d4e-4c8a-9b1f-0e2d3c4b5a69',
        region: '74',
        cadastral: '74:36:0501001:120',
      });
      expect(await count(org, 'house')).toBe(2);
      // The pharmacy's premise stays commercial although its account row does not say so.
      expect(await data(org, 'premise', `${H2}/1н`)).toMatchObject({
        type: 'commercial',
        area: '120.50',
        number: '1Н',
      });
      expect(await count(org, 'premise')).toBe(10);
      expect(await data(org, 'account', '7401000013')).toMatchObject({
        premiseId: `${H1}/13`,
        ownerName: 'Сидоров Пётр Алексеевич',
        residentsCount: 4,
        phones: ['+7 919 111-22-33', '+7 351 222-33-44'],
        openedOn: '2015-09-01',
      });
      // The flat of this one is only in its address: «…, кв. 14».
      expect(await data(org, 'account', '7401000014')).toMatchObject({ premiseId: `${H1}/14` });
      expect(await data(org, 'premise', `${H1}/14`)).toMatchObject({
        houseId: H1,
        number: '14',
        area: '54.30',
      });

      const receipt = (await data(org, 'receipt', '7401000012/2026-11/housing')) as Record<string, unknown>;
      expect(receipt).toMatchObject({
        period: '2026-11',
        balance: 412537,
        paid: 0,
        toPay: 844705,
        recipient: { inn: '7736050003', kpp: '773601001', bik: '044525225', account: '40702810138250123017' },
      });
      const lines = receipt.lines as Record<string, unknown>[];
      expect(lines.map((l) => l.serviceId)).toEqual([
        'отопление',
        'холодное водоснабжение',
        'горячее водоснабжение',
        'водоотведение',
        'содержание жилого помещения',
        'обращение с тко',
      ]);
      expect(lines[0]).toMatchObject({
        name: 'Отопление',
        measure: 'Гкал',
        volume: '0.7315',
        tariff: '2325.88',
      });
      expect(lines[5]).toMatchObject({ charge: 11230, privilege: 5615, toPay: 5615 });
      expect(
        lines.reduce((s, l) => s + (l.toPay as number), 0) +
          (receipt.balance as number) -
          (receipt.paid as number),
      ).toBe(receipt.toPay);

      expect(await data(org, 'payment', 'ПП-000120')).toMatchObject({
        accountNumber: '7401000011',
        paidAt: '2026-11-03T09:00:13+03:00',
        amount: 396210,
        fee: 3962,
        period: '2026-10',
      });
      const meters = await listRecords(hub.store.db, org, 'meter', { limit: 100 });
      const meter = meters.find((m) => m.key.startsWith('7401000011/ВСХ'))!;
      // «Дата снятия» 01.01.0001 is 1С's "none": the meter is in service.
      expect(meter.data).toMatchObject({ resource: 'cold_water', verificationDate: '2020-05-14' });
      expect(meter.data).not.toHaveProperty('archiveDate');
      const reading = (await listRecords(hub.store.db, org, 'reading', { limit: 100 })).find((r) =>
        r.key.startsWith(`${meter.key}/`),
      );
      expect(reading?.data).toMatchObject({ meterId: meter.key, date: '2026-11-25' });
      expect(await data(org, 'balance', '7401000014/отопление/2026-11-01')).toMatchObject({
        amount: -150000,
      });
      expect(await data(org, 'tariff', 'отопление, население')).toEqual({
        id: 'отопление, население',
        name: 'Отопление, население',
        serviceId: 'отопление',
        rate: '2325.88',
        measure: 'Гкал',
        validFrom: '2026-07-01',
        options: [],
      });
      expect(await data(org, 'contract', 'Д-7401000014')).toMatchObject({ state: 'suspended' });
    });

    it('imports them again without changing anything', async () => {
      const again = await run(sink, org, [samples]);
      expect(again.total).toMatchObject({
        records: 137,
        unchanged: 137,
        created: 0,
        updated: 0,
        rejected: 0,
      });
    });

    it('refuses what is wrong in the broken copy, naming file, line, column and field, and lands the rest', async () => {
      const target = `c1-broken-${sink}`;
      const result = await run(sink, target, [broken]);
      expect(result.files.map((f) => [f.kind, f.records, f.created, f.rejected])).toEqual([
        ['account', 8, 7, 1],
        ['house', 2, 2, 0],
        ['premise', 8, 8, 0],
        ['receipt', 8, 7, 1],
      ]);
      const entries = report(result.reportPath!);
      const accounts = join(broken, '02_accounts.csv');
      const receipts = join(broken, '07_receipts-2026-11.csv');
      expect(entries).toEqual([
        {
          file: accounts,
          line: 1,
          index: null,
          kind: 'account',
          key: null,
          errors: [
            {
              code: 'column_unknown',
              path: '',
              column: 'Примечание',
              message: expect.stringMatching(/«Примечание»/),
            },
          ],
        },
        {
          file: accounts,
          line: 3,
          index: 1,
          kind: 'account',
          key: '7401000012',
          errors: [
            {
              code: 'date_format',
              path: 'openedOn',
              column: 'Дата открытия',
              message: 'Date "31.02.2021 0:00:00" does not exist: that month has 28 days',
            },
          ],
        },
        {
          file: receipts,
          line: 8,
          index: 1,
          kind: 'receipt',
          key: '7401000012/2026-11/housing',
          errors: [
            {
              code: 'receipt_total_mismatch',
              path: 'toPay',
              column: 'Итого к оплате',
              message:
                'the total 8447.05 is not what the 5 lines add up to: lines 4097.25 + balance 4125.37 − paid 0.00 + penalty 0.00 = 8222.62 (off by 224.43)',
            },
          ],
        },
      ]);
      expect(await data(target, 'account', '7401000012')).toBeUndefined();
      expect(await data(target, 'receipt', '7401000012/2026-11/housing')).toBeUndefined();
      expect(await count(target, 'account')).toBe(7);
      expect(await count(target, 'receipt')).toBe(7);
      // The unknown column is reported, not stored: the other accounts land without it.
      expect(await data(target, 'account', '7401000014')).toMatchObject({ premiseId: `${H1}/14` });
    });

    it('dry-runs: the same answers and report, nothing written', async () => {
      const target = `c1-dry-${sink}`;
      const dry = await run(sink, target, [samples], { dryRun: true });
      expect(dry.files.map((f) => [f.file.slice(samples.length + 1), f.kind, f.records, f.rejected])).toEqual(
        SAMPLE_COUNTS,
      );
      expect(dry.total).toMatchObject({ records: 137, created: 137, rejected: 0 });
      for (const kind of Object.keys(entityKinds)) expect(await count(target, kind), kind).toBe(0);
      const dryBroken = await run(sink, target, [broken], { dryRun: true });
      expect(report(dryBroken.reportPath!).map((e) => [e.line, e.errors[0].code])).toEqual([
        [1, 'column_unknown'],
        [3, 'date_format'],
        [8, 'receipt_total_mismatch'],
      ]);
      for (const kind of Object.keys(entityKinds)) expect(await count(target, kind), kind).toBe(0);
    });

    it('reads an export with its own columns and conventions through a YAML mapping', async () => {
      const target = `c1-map-${sink}`;
      const file = join(dir, `balances-${sink}.csv`);
      writeFileSync(
        file,
        iconv.encode(
          [
            'ЛицСчет;Вид услуги;На число;Остаток;Комментарий',
            '9001;Отопление;11/30/2026;-1,234.50;x',
            '9002;Вода;12/01/2026;300.00;',
          ].join('\r\n'),
          'cp1251',
        ),
      );
      const mapping = join(dir, 'map.yaml');
      writeFileSync(
        mapping,
        [
          'dateFormat: MM/DD/YYYY',
          'decimalSeparator: "."',
          'debtSign: negative',
          'ignore: [Комментарий]',
          'kinds:',
          '  balances:',
          '    columns:',
          '      ЛицСчет: accountNumber',
          '      На число: date',
          '      Остаток: amount',
        ].join('\n'),
      );
      const result = await run(sink, target, [file], { mapping: readMappingFile(mapping) });
      expect(result.reportPath).toBeUndefined();
      expect(await data(target, 'balance', '9001/отопление/2026-11-30')).toMatchObject({ amount: 123450 });
      expect(await data(target, 'balance', '9002/вода/2026-12-01')).toMatchObject({ amount: -30000 });
    });
  });

  it('writes templates that import cleanly', async () => {
    const out = join(dir, 'templates');
    const kinds = [
      'houses',
      'premises',
      'accounts',
      'services',
      'tariffs',
      'meters',
      'readings',
      'receipts',
      'balances',
      'transactions',
      'payments',
      'contracts',
    ];
    for (const k of kinds) {
      const written = writeTemplate(parseKindOption(k), out);
      expect(iconv.decode(readFileSync(written.csv), 'cp1251').split('\r\n').filter(Boolean)).toHaveLength(3);
      readMappingFile(written.mapping);
      rmSync(written.mapping);
    }
    const result = await run('direct', 'c1-map-direct', [out]);
    expect(result.reportPath).toBeUndefined();
    expect(result.total.rejected).toBe(0);
    expect(() => writeTemplate(entityKinds.house, out)).toThrow(/exists/);
  });
});
