import { describe, expect, it } from 'vitest';
import { entityKinds } from '../../../src/domain/entity-kinds.js';
import { dedupeReadings } from '../../../src/domain/export/dedupe-readings.js';
import type { ExportRow } from '../../../src/domain/export/export-row.js';
import { rowOf } from '../../../src/domain/export/kind-rows.js';
import { oneC } from '../../../src/domain/export/one-c-values.js';
import { exportCsv } from '../../../src/domain/export/render-export.js';
import { planColumns } from '../../../src/domain/import/column-plan.js';
import { NO_MAPPING } from '../../../src/domain/import/import-mapping.js';
import { RowMapper } from '../../../src/domain/import/row-mapper.js';

const item = (cursor: number, platform: string, sourceId: string, payload: unknown) => ({
  cursor,
  platform,
  connectionId: `c-${platform}`,
  sourceId,
  receivedAt: '2026-11-20T07:00:00.000Z',
  payload,
});

const reading = (cursor: number, platform: string, payload: Record<string, unknown>): ExportRow => {
  const made = rowOf('readings', item(cursor, platform, `s-${cursor}`, payload), 'Europe/Moscow');
  if (!('row' in made)) throw new Error(made.problem.message);
  return made.row;
};

describe('1С values', () => {
  it('writes money from kopecks with a comma, exactly, negative and beyond 2^31 too', () => {
    expect(oneC.money(123450)).toBe('1234,50');
    expect(oneC.money(-5)).toBe('-0,05');
    expect(oneC.money(0)).toBe('0,00');
    expect(oneC.money(9_007_199_254_740_991)).toBe('90071992547409,91');
  });
  it('writes local date-times the way 1С does: the hour without a leading zero', () => {
    expect(oneC.instant('2026-11-30T21:00:00Z', 'Europe/Moscow')).toBe('01.12.2026 0:00:00');
    expect(oneC.instant('2026-11-10T11:05:31Z', 'Asia/Yekaterinburg')).toBe('10.11.2026 16:05:31');
    expect(oneC.date('2026-02-28')).toBe('28.02.2026');
    expect(oneC.period('2026-11')).toBe('01.11.2026');
  });
});

describe('local times without asking Intl every row', () => {
  it('gives what Intl gives, across daylight-saving changes and odd offsets', () => {
    const intl = (iso: string, timeZone: string) => {
      const parts = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: 'numeric',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      }).formatToParts(new Date(iso));
      const p = (t: string) => parts.find((x) => x.type === t)!.value;
      return `${p('day')}.${p('month')}.${p('year')} ${Number(p('hour'))}:${p('minute')}:${p('second')}`;
    };
    const instants = [
      // Europe/Berlin and America/New_York change on these instants, Lord Howe by half an hour.
      '2026-03-29T00:59:59Z',
      '2026-03-29T01:00:00Z',
      '2026-10-25T00:59:59Z',
      '2026-10-25T01:00:00Z',
      '2026-03-08T06:59:59Z',
      '2026-03-08T07:00:00Z',
      '2026-11-01T05:59:59Z',
      '2026-11-01T06:00:00Z',
      '2026-04-04T14:59:59Z',
      '2026-04-04T15:00:00Z',
      '2026-10-03T15:29:59Z',
      '2026-10-03T15:30:00Z',
    ];
    let seed = 7;
    for (let i = 0; i < 300; i++) {
      seed = (seed * 48271) % 2147483647;
      instants.push(new Date(Date.UTC(2026, 0, 1) + (seed % (366 * 86_400)) * 1000).toISOString());
    }
    for (const zone of [
      'Europe/Moscow',
      'Europe/Berlin',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
    ]) {
      for (const at of instants)
        expect(`${zone} ${oneC.instant(at, zone)}`).toBe(`${zone} ${intl(at, zone)}`);
    }
  });
});

describe('an inbox item as an export row', () => {
  it('names the item and the field it cannot read, and reads money as kopecks without floats', () => {
    const bad = rowOf('payments', item(7, 'doma', 'p-7', { amount: '12.345' }), 'UTC');
    expect(bad).toEqual({
      problem: expect.objectContaining({ cursor: 7, platform: 'doma', sourceId: 'p-7', field: 'amount' }),
    });
    expect('problem' in bad && bad.problem.message).toContain('more than two decimal places');
    const sum = rowOf('payments', item(8, 'doma', 'p-8', { amount: '0.30' }), 'UTC');
    expect('row' in sum && sum.row.fields.amount).toBe(30);
    const junk = rowOf(
      'readings',
      item(9, 'uzhkh', 'r-9', { meterId: 'm', date: '2026-11-01', value1: 'abc' }),
      'UTC',
    );
    expect('problem' in junk && junk.problem.field).toBe('value1');
  });
});

describe('readings deduplicated', () => {
  it('keeps one row per meter, date and values, listing every source, filling what one platform left out', () => {
    const rows = dedupeReadings([
      reading(1, 'uzhkh', {
        meterId: 'm-1',
        date: '2026-11-20',
        value1: '10.5',
        occurredAt: '2026-11-20T09:00:00Z',
      }),
      reading(2, 'doma', {
        meterId: 'm-1',
        accountNumber: '42',
        meterNumber: 'X',
        date: '2026-11-20',
        value1: '10.50000000',
        occurredAt: '2026-11-20T08:00:00Z',
      }),
      reading(3, 'doma', { meterId: 'm-1', date: '2026-11-20', value1: '10.5', value2: '1' }),
      reading(4, 'doma', { meterId: 'm-1', date: '2026-11-21', value1: '10.5' }),
      reading(5, 'doma', { accountNumber: '42', meterNumber: 'X', date: '2026-11-20', value1: '10.5' }),
    ]);
    expect(rows.map((r) => r.sources.map((s) => s.cursor))).toEqual([[1, 2], [3], [4], [5]]);
    expect(rows[0]!.fields).toMatchObject({
      accountNumber: '42',
      meterNumber: 'X',
      occurredAt: '2026-11-20T08:00:00.000Z',
    });
  });

  it('is read back by the import as the same readings', () => {
    const rows = [
      reading(1, 'doma', {
        meterId: 'm-1',
        accountNumber: '42',
        meterNumber: 'X',
        date: '2026-11-20',
        value1: '10.5',
      }),
      reading(2, 'uzhkh', { meterId: 'm-2', date: '2026-11-21', value1: '7', value2: '3.25' }),
    ];
    const [header, ...lines] = exportCsv('readings', rows, 'UTC').trimEnd().split('\r\n');
    const plan = planColumns(entityKinds.reading, header!.split(';'), { mapping: NO_MAPPING });
    // Only the columns the import has no field for are reported.
    expect(plan.problems.map((p) => [p.code, p.column])).toEqual([
      ['column_unknown', 'Дата передачи'],
      ['column_unknown', 'Платформа'],
      ['column_unknown', 'Код в источнике'],
    ]);
    const mapper = new RowMapper(plan);
    const mapped = lines.flatMap((l, i) => mapper.add(l.split(';'), i + 2)).concat(mapper.end());
    expect(mapped.map((m) => [m.errors, m.record])).toEqual([
      [[], { meterId: 'm-1', date: '2026-11-20', value1: '10.5' }],
      [[], { meterId: 'm-2', date: '2026-11-21', value1: '7', value2: '3.25' }],
    ]);
  });
});
