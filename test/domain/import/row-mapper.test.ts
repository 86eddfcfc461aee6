import { describe, expect, it } from 'vitest';
import { type EntityKind, entityKinds } from '../../../src/domain/entity-kinds.js';
import { planColumns } from '../../../src/domain/import/column-plan.js';
import { houseKey } from '../../../src/domain/import/derived-keys.js';
import { ImportMapping, NO_MAPPING } from '../../../src/domain/import/import-mapping.js';
import type { MappedRecord } from '../../../src/domain/import/mapped-record.js';
import { RowMapper } from '../../../src/domain/import/row-mapper.js';
import { errorOf } from '../../support/value-error-of.js';

/** Maps a table (header first, lines numbered from 2 like a file's) and returns every record. */
function mapTable(
  kind: EntityKind,
  rows: string[][],
  mapping = NO_MAPPING,
  fallbacks?: Record<string, string>,
) {
  const plan = planColumns(kind, rows[0]!, { mapping, fallbacks });
  const mapper = new RowMapper(plan);
  const out: MappedRecord[] = [];
  rows.slice(1).forEach((cells, i) => {
    out.push(...mapper.add(cells, i + 2));
  });
  out.push(...mapper.end());
  return { plan, out };
}

const recipient = {
  'recipient.inn': '7736050003',
  'recipient.bik': '044525225',
  'recipient.account': '40702810138250123017',
};

describe('planColumns', () => {
  it('reports an unknown column, a repeated field and a missing required one, naming the columns', () => {
    const plan = planColumns(entityKinds.account, ['Л/с', 'ФИО', 'Владелец', 'Примечание', '№ п/п', ''], {
      mapping: NO_MAPPING,
    });
    expect(plan.columns.map((c) => [c.header, c.text])).toEqual([
      ['Л/с', 'number'],
      ['ФИО', 'ownerName'],
    ]);
    expect(plan.problems.map((p) => [p.code, p.column, p.field])).toEqual([
      ['column_repeated', 'Владелец', 'ownerName'],
      ['column_unknown', 'Примечание', null],
      ['column_missing', null, 'premiseId'],
    ]);
    expect(plan.unusable).toBe(true);
  });

  it('still takes the canonical field paths', () => {
    const plan = planColumns(
      entityKinds.receipt,
      ['accountNumber', 'period', 'toPay', 'lines.0.serviceId', 'lines.0.name', 'lines.0.toPay'],
      {
        mapping: NO_MAPPING,
        fallbacks: recipient,
      },
    );
    expect(plan.problems).toEqual([]);
    expect(plan.flatList).toBeUndefined();
  });

  it('takes columns, ignores and constants from a mapping, per kind over the top level', () => {
    const mapping = ImportMapping.parse({
      columns: { 'Номер абонента': 'number' },
      ignore: ['Примечание'],
      constants: { ownerType: 'Юр. лицо', category: 'housing' },
      kinds: { account: { constants: { state: 'Закрыт' } } },
    });
    const { out, plan } = mapTable(
      entityKinds.account,
      [
        ['Номер абонента', 'Код помещения', 'Примечание'],
        ['A-1', 'p-1', 'что угодно'],
      ],
      mapping,
    );
    expect(plan.problems).toEqual([]);
    expect(out.map((m) => m.record)).toEqual([
      { number: 'A-1', premiseId: 'p-1', ownerType: 'company', state: 'closed' },
    ]);
    const bad = ImportMapping.parse({ kinds: { account: { constants: { openedOn: '31.02.2026' } } } });
    expect(errorOf(() => planColumns(entityKinds.account, ['Л/с'], { mapping: bad })).message).toMatch(
      /^constant openedOn: Date "31.02.2026" does not exist/,
    );
  });

  it('uses fallback constants only when nothing in the file fills their group', () => {
    const withBank = planColumns(entityKinds.receipt, ['Л/с', 'Период', 'Итого к оплате', 'БИК'], {
      mapping: NO_MAPPING,
      fallbacks: recipient,
    });
    expect([...withBank.constants, ...withBank.constantGroups]).toEqual([]);
    expect(withBank.problems.map((p) => p.field)).toEqual(['recipient.account', 'recipient.inn']);
    const without = planColumns(entityKinds.receipt, ['Л/с', 'Период', 'Итого к оплате'], {
      mapping: NO_MAPPING,
      fallbacks: recipient,
    });
    // One recipient object, built once, for every row.
    expect(without.constantGroups).toEqual([
      {
        scope: 'record',
        field: 'recipient',
        value: { inn: '7736050003', bik: '044525225', account: '40702810138250123017' },
      },
    ]);
    expect(without.constants).toEqual([]);
    expect(without.problems).toEqual([]);
  });
});

describe('flat accounts', () => {
  it('make a house, a premise and the account with derived keys, the flat from its column or the address', () => {
    const { out } = mapTable(entityKinds.account, [
      ['Лицевой счет', 'ФИО', 'Адрес', 'Кв.', 'Площадь', 'Кол-во проживающих', 'Дата открытия'],
      ['100', 'Иванов И. И.', 'г. Челябинск, ул. Ленина, д. 5', '12', '54,30', '3', '01.09.2015 0:00:00'],
      ['101', 'Петров П. П.', 'г.Челябинск, ул.Ленина, д.5, кв. 13', '', '', '', '01.01.0001'],
    ]);
    const h = houseKey('г. Челябинск, ул. Ленина, д. 5');
    expect(out.map((m) => [m.kind, m.record])).toEqual([
      ['house', { id: h, address: 'г. Челябинск, ул. Ленина, д. 5' }],
      ['premise', { id: `${h}/12`, houseId: h, number: '12', area: '54.30' }],
      [
        'account',
        {
          number: '100',
          ownerName: 'Иванов И. И.',
          residentsCount: 3,
          openedOn: '2015-09-01',
          premiseId: `${h}/12`,
        },
      ],
      ['house', { id: h, address: 'г.Челябинск, ул.Ленина, д.5' }],
      ['premise', { id: `${h}/13`, houseId: h, number: '13' }],
      ['account', { number: '101', ownerName: 'Петров П. П.', premiseId: `${h}/13` }],
    ]);
    expect(out.every((m) => m.errors.length === 0)).toBe(true);
    expect(out[2]!.locate('premiseId')).toEqual({ column: 'Адрес + Кв.', line: 2 });
    expect(out[1]!.locate('area')).toEqual({ column: 'Площадь', line: 2 });
  });

  it('refuses an account whose address names no flat, and a cell that is not its field’s value', () => {
    const { out } = mapTable(entityKinds.account, [
      ['Лицевой счет', 'Адрес', 'Кв.', 'Дата открытия'],
      ['100', 'г. Челябинск, ул. Ленина, д. 5', '', ''],
      ['101', 'г. Челябинск, ул. Ленина, д. 5', '7', '31.02.2026'],
    ]);
    const accounts = out.filter((m) => m.kind === 'account');
    expect(accounts[0]!.errors).toEqual([
      expect.objectContaining({
        code: 'premise_number_missing',
        path: 'premiseId',
        column: 'Адрес',
        line: 2,
      }),
    ]);
    expect(accounts[1]!.errors).toEqual([
      {
        code: 'date_format',
        path: 'openedOn',
        column: 'Дата открытия',
        line: 3,
        message: 'Date "31.02.2026" does not exist: that month has 28 days',
      },
    ]);
  });
});

describe('flat receipts', () => {
  const header = ['Л/с', 'Период', 'Услуга', 'Начислено', 'Перерасчет', 'К оплате', 'Долг', 'Итого к оплате'];

  it('group consecutive rows of one account × period into one receipt with its lines', () => {
    const { out } = mapTable(
      entityKinds.receipt,
      [
        header,
        ['100', 'ноябрь 2026', 'Отопление', '2 430,54', '', '2 430,54', '1 000,00', '4 959,09'],
        ['100', 'ноябрь 2026', 'Содержание жилого помещения', '1 528,55', '', '1 528,55', '1 000,00', ''],
        ['101', '11.2026', 'Отопление', '1 000,00', '-100,00', '', '', ''],
      ],
      NO_MAPPING,
      recipient,
    );
    expect(out.map((m) => [m.line, m.errors])).toEqual([
      [2, []],
      [4, []],
    ]);
    expect(out[0]!.record).toMatchObject({
      accountNumber: '100',
      period: '2026-11',
      balance: '1000.00',
      toPay: '4959.09',
      charge: '3959.09',
      recipient: { inn: '7736050003', bik: '044525225', account: '40702810138250123017' },
      lines: [
        { serviceId: 'отопление', name: 'Отопление', charge: '2430.54', toPay: '2430.54' },
        { serviceId: 'содержание жилого помещения', name: 'Содержание жилого помещения', toPay: '1528.55' },
      ],
    });
    // No total and no «К оплате»: the line pays its charge with the recalculation, the receipt its lines.
    expect(out[1]!.record).toMatchObject({
      toPay: '900.00',
      lines: [{ toPay: '900.00', recalculation: '-100.00' }],
    });
    expect(out[0]!.locate('lines.1.toPay')).toEqual({ column: 'К оплате', line: 3 });
  });

  it('refuse a receipt whose lines do not add up to its total, naming both sums', () => {
    const { out } = mapTable(
      entityKinds.receipt,
      [
        header,
        ['100', 'ноябрь 2026', 'Отопление', '', '', '300,00', '', '1 000,00'],
        ['100', 'ноябрь 2026', 'Вода', '', '', '100,00', '', '1 000,00'],
      ],
      NO_MAPPING,
      recipient,
    );
    expect(out).toHaveLength(1);
    expect(out[0]!.errors).toEqual([
      {
        code: 'receipt_total_mismatch',
        path: 'toPay',
        column: 'Итого к оплате',
        line: 2,
        message: 'the total 1000.00 is not what the 2 lines add up to: lines 400.00 = 400.00 (off by 600.00)',
      },
    ]);
  });

  it('refuse a receipt whose rows disagree, whose rows are apart, or with a bad line — whole', () => {
    const { out } = mapTable(
      entityKinds.receipt,
      [
        header,
        ['100', 'ноябрь 2026', 'Отопление', '', '', '300,00', '0', ''],
        ['100', 'ноябрь 2026', 'Вода', '', '', '100,00', '50,00', ''],
        ['101', 'ноябрь 2026', 'Отопление', '', '', '1О0,00', '', ''],
        ['101', 'ноябрь 2026', 'Вода', '', '', '1,00', '', ''],
        ['100', 'ноябрь 2026', 'Газ', '', '', '5,00', '', ''],
      ],
      NO_MAPPING,
      recipient,
    );
    expect(out.map((m) => [m.line, m.errors.map((e) => [e.code, e.path, e.column, e.line])])).toEqual([
      [2, [['receipt_rows_disagree', 'balance', 'Долг', 3]]],
      [4, [['money_format', 'lines.0.toPay', 'К оплате', 4]]],
      [6, [['receipt_rows_apart', '', undefined, 6]]],
    ]);
  });
});

describe('keys from names and numbers', () => {
  it('names a reading’s meter by account and meter number, a balance’s service by its name', () => {
    const readings = mapTable(entityKinds.reading, [
      ['Л/с', 'Номер ПУ', 'Дата', 'Показание'],
      ['100', '19-123456', '25.11.2026', '312,450'],
    ]);
    expect(readings.out.map((m) => m.record)).toEqual([
      { meterId: '100/19-123456', date: '2026-11-25', value1: '312.450' },
    ]);
    const mapping = ImportMapping.parse({ debtSign: 'negative' });
    const balances = mapTable(
      entityKinds.balance,
      [
        ['Л/с', 'Услуга', 'Дата', 'Сальдо'],
        ['100', 'Отопление', '01.11.2026', '-1 200,00'],
      ],
      mapping,
    );
    expect(balances.out.map((m) => m.record)).toEqual([
      { accountNumber: '100', serviceId: 'отопление', date: '2026-11-01', amount: '1200.00' },
    ]);
  });
});
