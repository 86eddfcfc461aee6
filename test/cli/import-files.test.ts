import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/cli-error.js';
import { directSink } from '../../src/cli/import/direct-sink.js';
import { httpSink } from '../../src/cli/import/http-sink.js';
import { type ImportOptions, type ImportResult, importPaths } from '../../src/cli/import/import-files.js';
import type { RecordSink } from '../../src/cli/import/record-sink.js';
import { ProgressReporter } from '../../src/cli/progress-reporter.js';
import { getRecord } from '../../src/store/record-store.js';
import { accountFixture } from '../support/fixtures.js';
import { startTestHub, type TestHub } from '../support/test-hub.js';
import { storeKinds } from '../support/test-stores.js';

const account = accountFixture;

const recipient = { inn: '9717025407', bik: '044525593', account: '40702810701100008293' };

const quiet = () => new ProgressReporter({ enabled: false });

/** NDJSON with one broken line (3) and one invalid record (5), around a blank line (4). */
const ndjsonWithTwoBad = [
  JSON.stringify(account('100')),
  JSON.stringify(account('101')),
  '{"number": "102",',
  '',
  JSON.stringify(account('103', { els: 'bad' })),
  JSON.stringify(account('104')),
].join('\n');

const accountsCsv = [
  'number;premiseId;ownerName;residentsCount;phones;persons.0.fullName;persons.0.isOwner;persons.0.phones;persons.1.fullName;persons.1.isTenant',
  '200;p-200;Иванов Иван Иванович;3;+7 912 000-00-00|+7 912 000-00-01;Иванов Иван Иванович;да;+7 912 000-00-00;Петрова Анна Сергеевна;1',
  '201;p-201;ООО "Ромашка";;;Сидоров Пётр;нет;;;',
].join('\r\n');

const receiptsCsv = [
  'accountNumber;period;recipient.inn;recipient.bik;recipient.account;recipient.name;toPay;balance;lines.0.serviceId;lines.0.name;lines.0.toPay;lines.0.tariff;lines.0.volume;lines.1.serviceId;lines.1.name;lines.1.toPay',
  `200;2024-01;${recipient.inn};${recipient.bik};${recipient.account};ООО «УК Дом»;167,10;1 113,15;2553698;Отопление;100,00;2325,88;0,043;s2;Содержание жилья;67,10`,
  `201;2024-01;${recipient.inn};${recipient.bik};${recipient.account};;0;;2553698;Отопление;0;;;;;`,
].join('\r\n');

type SinkKind = 'direct' | 'http';

describe.each(storeKinds)('import on %s', (storeKind) => {
  let hub: TestHub;
  let dir: string;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    hub = await startTestHub(storeKind, { orgs: ['uk-direct', 'uk-http'] });
    tokens['uk-http'] = await hub.tokenFor('uk-http');
    dir = mkdtempSync(join(tmpdir(), 'zb-import-'));
  });
  afterAll(async () => {
    await hub?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const orgOf = (sink: SinkKind) => (sink === 'direct' ? 'uk-direct' : 'uk-http');
  const sinkFor = (sink: SinkKind, org = orgOf(sink)): RecordSink =>
    sink === 'direct'
      ? directSink(hub.store, org)
      : httpSink({ url: hub.url, token: tokens[org] ?? hub.adminToken, org, retryDelayMs: 1 });
  const run = (sink: SinkKind, paths: string[], opts: Partial<ImportOptions> = {}): Promise<ImportResult> =>
    importPaths(paths, { sink: sinkFor(sink), progress: quiet(), ...opts });
  /** A fresh folder per test and sink, so that both sinks see the same files. */
  const folder = (name: string) => {
    const path = join(dir, name);
    mkdirSync(path, { recursive: true });
    return path;
  };
  const readReport = (path: string) =>
    readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));

  it('gives the same answers through the hub as directly', async () => {
    const d = folder('same');
    const file = join(d, 'accounts.ndjson');
    writeFileSync(file, ndjsonWithTwoBad.replaceAll('"10', '"60'));
    const answers = async (sink: SinkKind) => {
      const r = await run(sink, [file], { reportPath: join(d, `${sink}.errors.ndjson`) });
      const { seconds: _s, recordsPerSecond: _r, ...counts } = r.files[0]!;
      return { counts, report: readReport(r.reportPath!) };
    };
    const direct = await answers('direct');
    expect(direct.counts).toMatchObject({ records: 5, created: 3, rejected: 2 });
    expect(await answers('http')).toEqual(direct);
  });

  describe.each(['direct', 'http'] as const)('through the %s sink', (sink) => {
    it('lands the good NDJSON records and reports exactly the two bad ones by line', async () => {
      const d = folder(`ndjson-${sink}`);
      const file = join(d, 'accounts.ndjson');
      writeFileSync(file, ndjsonWithTwoBad);
      // A batch of 2 makes the report map answers back to lines across batches.
      const result = await run(sink, [file], { batchSize: 2 });
      expect(result.files).toHaveLength(1);
      expect(result.files[0]).toMatchObject({ kind: 'account', records: 5, created: 3, rejected: 2 });
      expect(result.reportPath).toBe(`${file}.errors.ndjson`);
      const report = readReport(result.reportPath!);
      expect(report).toHaveLength(2);
      expect(report[0]).toMatchObject({
        file,
        line: 3,
        index: 2,
        key: null,
        errors: [{ code: 'malformed_json' }],
      });
      expect(report[0].errors[0].message).toMatch(/line 3/);
      expect(report[1]).toMatchObject({
        file,
        line: 5,
        index: 3,
        key: '103',
        errors: [{ code: 'els_invalid', path: 'els' }],
      });
      for (const n of ['100', '101', '104']) {
        expect(await getRecord(hub.store.db, orgOf(sink), 'account', n)).toBeDefined();
      }
      expect(await getRecord(hub.store.db, orgOf(sink), 'account', '103')).toBeUndefined();
    });

    it('re-importing changes nothing, and a clean run leaves no report', async () => {
      const d = folder(`ndjson-${sink}`);
      const file = join(d, 'accounts.ndjson');
      const again = await run(sink, [file]);
      expect(again.files[0]).toMatchObject({ records: 5, created: 0, updated: 0, unchanged: 3, rejected: 2 });
      writeFileSync(file, [100, 101, 104].map((n) => JSON.stringify(account(String(n)))).join('\n'));
      const clean = await run(sink, [file]);
      expect(clean.total).toMatchObject({ records: 3, unchanged: 3, created: 0, updated: 0, rejected: 0 });
      expect(clean.reportPath).toBeUndefined();
      expect(existsSync(`${file}.errors.ndjson`)).toBe(false);
    });

    it('reads 1С CSV in windows-1251 with ";" and dotted headers, Cyrillic and money intact', async () => {
      const d = folder(`csv-${sink}`);
      writeFileSync(join(d, 'accounts.csv'), iconv.encode(accountsCsv, 'cp1251'));
      writeFileSync(join(d, 'receipts-2024-01.csv'), iconv.encode(receiptsCsv, 'cp1251'));
      const result = await run(sink, [join(d, 'accounts.csv'), join(d, 'receipts-2024-01.csv')]);
      expect(result.files.map((f) => [f.kind, f.layout, f.created, f.rejected])).toEqual([
        ['account', { format: 'csv', encoding: 'cp1251', delimiter: ';' }, 2, 0],
        ['receipt', { format: 'csv', encoding: 'cp1251', delimiter: ';' }, 2, 0],
      ]);
      const org = orgOf(sink);
      const a200 = (await getRecord(hub.store.db, org, 'account', '200'))!.data;
      expect(a200).toMatchObject({
        ownerName: 'Иванов Иван Иванович',
        residentsCount: 3,
        phones: ['+7 912 000-00-00', '+7 912 000-00-01'],
        persons: [
          { fullName: 'Иванов Иван Иванович', isOwner: true, phones: ['+7 912 000-00-00'] },
          { fullName: 'Петрова Анна Сергеевна', isTenant: true, isOwner: false },
        ],
      });
      const a201 = (await getRecord(hub.store.db, org, 'account', '201'))!.data;
      expect(a201).toMatchObject({
        ownerName: 'ООО "Ромашка"',
        persons: [{ fullName: 'Сидоров Пётр', isOwner: false }],
      });
      const r200 = (await getRecord(hub.store.db, org, 'receipt', '200/2024-01/housing'))!.data;
      expect(r200).toMatchObject({
        toPay: 16710,
        balance: 111315,
        recipient: { ...recipient, name: 'ООО «УК Дом»' },
        lines: [
          { serviceId: '2553698', name: 'Отопление', toPay: 10000, tariff: '2325.88', volume: '0.043' },
          { serviceId: 's2', name: 'Содержание жилья', toPay: 6710 },
        ],
      });
      const r201 = (await getRecord(hub.store.db, org, 'receipt', '201/2024-01/housing'))!.data;
      expect((r201 as { lines: unknown[] }).lines).toHaveLength(1);
    });

    it('takes kinds from file names and loads a directory in dependency order', async () => {
      const d = folder(`dir-${sink}`);
      writeFileSync(
        join(d, 'receipts-2024-01.ndjson'),
        `${JSON.stringify({ accountNumber: '300', period: '2024-01', recipient, toPay: '10' })}\n`,
      );
      writeFileSync(join(d, '01_services.jsonl'), `${JSON.stringify({ id: 's1', name: 'Отопление' })}\n`);
      writeFileSync(join(d, 'accounts.json'), JSON.stringify([account('300'), account('301')], null, 2));
      writeFileSync(
        join(d, 'house.json'),
        JSON.stringify({ id: 'h1', address: 'г. Челябинск, ул. Ленина, 1' }),
      );
      // UTF-8 with a BOM and ',' as the delimiter: both detected.
      writeFileSync(join(d, 'premises.csv'), '\ufeffid,houseId,number,area,floor\r\nq1,h1,1,"54,3",2\r\n');
      // Neither an earlier report nor a hidden file is an input.
      writeFileSync(join(d, 'accounts.ndjson.errors.ndjson'), '{"not":"an account"}\n');
      writeFileSync(join(d, '.accounts.ndjson'), 'junk\n');
      const result = await run(sink, [d]);
      expect(result.files.map((f) => [f.file.slice(d.length + 1), f.kind, f.created])).toEqual([
        ['house.json', 'house', 1],
        ['premises.csv', 'premise', 1],
        ['accounts.json', 'account', 2],
        ['01_services.jsonl', 'service', 1],
        ['receipts-2024-01.ndjson', 'receipt', 1],
      ]);
      expect(result.files[1]!.layout).toEqual({ format: 'csv', encoding: 'utf8', delimiter: ',' });
      expect(result.kinds.map((k) => k.kind)).toEqual(['house', 'premise', 'account', 'service', 'receipt']);
      expect(result.total).toMatchObject({ records: 6, created: 6, rejected: 0 });
      expect(result.reportPath).toBeUndefined();
      const premise = (await getRecord(hub.store.db, orgOf(sink), 'premise', 'q1'))!.data;
      expect(premise).toMatchObject({ houseId: 'h1', area: '54.3', floor: 2 });
    });

    it('reports a rejected element of a JSON array by its line', async () => {
      const d = folder(`json-${sink}`);
      const file = join(d, 'accounts.json');
      writeFileSync(file, JSON.stringify([account('400'), { number: 401 }], null, 2));
      const report = join(d, 'rejected.ndjson');
      const result = await run(sink, [file], { reportPath: report });
      expect(result.reportPath).toBe(report);
      const [entry] = readReport(report);
      expect(entry).toMatchObject({
        line: 16,
        index: 1,
        key: null,
        errors: [
          { code: 'invalid_type', path: 'number' },
          { code: 'invalid_type', path: 'premiseId' },
        ],
      });
    });

    it('refuses an unknown organization, naming it, before reading anything', async () => {
      const d = folder(`org-${sink}`);
      writeFileSync(join(d, 'accounts.ndjson'), JSON.stringify(account('1')));
      const attempt = importPaths([d], { sink: sinkFor(sink, 'nobody'), progress: quiet() });
      await expect(attempt).rejects.toThrow(CliError);
      await expect(attempt).rejects.toThrow(/organization "nobody" does not exist/);
    });

    it('refuses a file whose kind it cannot tell, importing nothing', async () => {
      const d = folder(`unknown-${sink}`);
      writeFileSync(join(d, 'accounts.ndjson'), JSON.stringify(account('500')));
      writeFileSync(join(d, 'export.csv'), 'a;b\n1;2\n');
      await expect(run(sink, [d])).rejects.toThrow(/export\.csv.*--kind/);
      expect(await getRecord(hub.store.db, orgOf(sink), 'account', '500')).toBeUndefined();
      // Forced, the file's header says what is wrong with it: no row could be a service.
      const forced = await run(sink, [join(d, 'export.csv')], { kind: 'services' });
      expect(forced.files[0]).toMatchObject({ kind: 'service', records: 0 });
      expect(readReport(forced.reportPath!)).toEqual([
        expect.objectContaining({
          line: 1,
          index: null,
          errors: [
            expect.objectContaining({ code: 'column_unknown', column: 'a' }),
            expect.objectContaining({ code: 'column_unknown', column: 'b' }),
            expect.objectContaining({ code: 'column_missing', path: 'id', column: null }),
            expect.objectContaining({ code: 'column_missing', path: 'name', column: null }),
          ],
        }),
      ]);
      await expect(run(sink, [join(d, 'accounts.ndjson')], { kind: 'flats' })).rejects.toThrow(
        /unknown kind "flats"/,
      );
    });

    it('fails on a file that is not JSON at all', async () => {
      const d = folder(`broken-${sink}`);
      writeFileSync(join(d, 'accounts.json'), '[\n  {"number": "1"},\n  oops\n]');
      await expect(run(sink, [join(d, 'accounts.json')])).rejects.toThrow(/accounts\.json is not valid JSON/);
      await expect(run(sink, [join(d, 'missing.ndjson')])).rejects.toThrow(/cannot read .*missing\.ndjson/);
    });
  });
});
