import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { demoOrganization } from '../demo/generate-demo.js';
import { type EntityKind, entityKinds } from '../domain/entity-kinds.js';
import { planColumns } from '../domain/import/column-plan.js';
import { NO_MAPPING } from '../domain/import/import-mapping.js';
import { recipientFallbacks } from '../domain/import/recipient-fallbacks.js';
import { RowMapper } from '../domain/import/row-mapper.js';
import { Organization } from '../domain/model/organization.js';
import { benchReceipts } from './bench-receipts.js';

const ACCOUNTS_HEADER = ['Лицевой счет', 'ФИО', 'Адрес', 'Кв.', 'Площадь', 'Кол-во проживающих'];
const RECEIPTS_HEADER = [
  'Лицевой счет',
  'Период',
  'Код услуги',
  'Услуга',
  'Ед. изм.',
  'Объем',
  'Тариф',
  'Начислено',
  'К оплате',
  'Долг',
  'Итого к оплате',
];

/** Flats per house in the generated addresses. */
const FLATS_PER_HOUSE = 100;

/**
 * The ingest benchmark's 1С export: `accounts.csv` (one row per лицевой счёт with its address and
 * flat) and `receipts.csv` (one row per service line, the bench receipts' 12 lines each), both
 * windows-1251 with ";" and amounts as "1 234,56" — and beside them, in `ndjsonDir`, the very
 * canonical records an import of them makes (houses, premises, accounts, receipts), written by the
 * same mapping ahead of time, so that the NDJSON import of the same records is the comparison.
 * Returns how many records that is.
 */
export async function write1cExport(csvDir: string, ndjsonDir: string, accounts: number): Promise<number> {
  mkdirSync(csvDir, { recursive: true });
  mkdirSync(ndjsonDir, { recursive: true });
  // The bench organization as the import reads it from the store: its first bank account pays.
  const fallbacks = recipientFallbacks(Organization.parse(demoOrganization({ orgId: 'bench' })));

  const ndjson = new Map<string, WriteStream>();
  const emit = async (kind: string, record: unknown) => {
    let out = ndjson.get(kind);
    if (out === undefined) {
      out = createWriteStream(join(ndjsonDir, `${entityKinds[kind as 'house'].plural}.ndjson`));
      ndjson.set(kind, out);
    }
    if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
  };
  let records = 0;
  const seenHouses = new Set<string>();
  const convert = async (kind: EntityKind, file: string, header: string[], rows: Iterable<string[]>) => {
    const out = createWriteStream(join(csvDir, file));
    const mapper = new RowMapper(planColumns(kind, header, { mapping: NO_MAPPING, fallbacks }));
    const write = async (row: string[]) => {
      if (!out.write(iconv.encode(`${row.join(';')}\r\n`, 'cp1251'))) await once(out, 'drain');
    };
    const take = async (mapped: ReturnType<RowMapper['end']>) => {
      for (const m of mapped) {
        if (m.errors.length > 0) throw new Error(`bench 1С row refused: ${JSON.stringify(m.errors)}`);
        if (m.kind === 'house') {
          if (seenHouses.has(m.record.id as string)) continue;
          seenHouses.add(m.record.id as string);
        }
        records++;
        await emit(m.kind, m.record);
      }
    };
    await write(header);
    let line = 1;
    for (const row of rows) {
      await write(row);
      await take(mapper.add(row, ++line));
    }
    await take(mapper.end());
    out.end();
    await once(out, 'finish');
  };

  await convert(entityKinds.account, '01_accounts.csv', ACCOUNTS_HEADER, accountRows(accounts));
  await convert(entityKinds.receipt, '02_receipts.csv', RECEIPTS_HEADER, receiptRows(accounts));
  for (const out of ndjson.values()) {
    out.end();
    await once(out, 'finish');
  }
  return records;
}

function* accountRows(accounts: number): Generator<string[]> {
  for (let a = 0; a < accounts; a++) {
    const house = Math.floor(a / FLATS_PER_HOUSE) + 1;
    yield [
      String(1_000_000_000 + a),
      `Жилец ${a} Иванович`,
      `г. Челябинск, ул. Стальная, д. ${house}`,
      String((a % FLATS_PER_HOUSE) + 1),
      `${30 + (a % 70)},${String(a % 100).padStart(2, '0')}`,
      String(1 + (a % 5)),
    ];
  }
}

function* receiptRows(accounts: number): Generator<string[]> {
  for (const r of benchReceipts(accounts)) {
    const total = rubles(r.toPay as string);
    for (const l of r.lines as Record<string, string>[]) {
      yield [
        r.accountNumber as string,
        '10.2026',
        l.serviceId!,
        l.name!,
        l.measure!,
        l.volume!.replace('.', ','),
        l.tariff!.replace('.', ','),
        rubles(l.charge!),
        rubles(l.toPay!),
        '0,00',
        total,
      ];
    }
  }
}

/** "12345.60" as 1С prints it: "12 345,60". */
function rubles(amount: string): string {
  const [int = '0', frac = '00'] = amount.split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${frac}`;
}
