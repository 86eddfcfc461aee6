import type { EntityKindName } from '../../domain/entity-kinds.js';

/**
 * What `import --template <kind>` writes: the targets of the sample's columns (headed with their
 * first built-in name) and two rows the way 1С exports them — dates DD.MM.YYYY with 1С's time,
 * amounts "1 234,56", periods «ноябрь 2026». The rows of one kind agree with the others' (the same
 * account, meter and services), so the templates of a directory import together cleanly.
 */
export const TEMPLATE_ROWS: Readonly<
  Partial<Record<EntityKindName, { targets: string[]; rows: string[][] }>>
> = {
  house: {
    targets: ['address', 'fiasGuid', 'region', 'cadastral'],
    rows: [
      ['г. Челябинск, ул. Ленина, д. 5', '5f3c1b2a-7d4e-4c8a-9b1f-0e2d3c4b5a69', '74', '74:36:0501001:120'],
      ['г. Челябинск, пр-кт Победы, д. 160', '0b9e8d7c-6a5f-4e3d-8c2b-1a0f9e8d7c6b', '74', ''],
    ],
  },
  premise: {
    targets: ['house.address', 'number', 'type', 'area', 'floor'],
    rows: [
      ['г. Челябинск, ул. Ленина, д. 5', '12', 'Квартира', '54,30', '3'],
      ['г. Челябинск, ул. Ленина, д. 5', '13', 'Квартира', '38,10', '3'],
    ],
  },
  account: {
    targets: [
      'number',
      'ownerName',
      'house.address',
      'premise.number',
      'premise.area',
      'residentsCount',
      'phones',
      'openedOn',
    ],
    rows: [
      [
        '7401000012',
        'Иванов Иван Иванович',
        'г. Челябинск, ул. Ленина, д. 5',
        '12',
        '54,30',
        '3',
        '+7 912 345-67-89',
        '01.09.2015 0:00:00',
      ],
      [
        '7401000013',
        'Петрова Анна Сергеевна',
        'г. Челябинск, ул. Ленина, д. 5',
        '13',
        '38,10',
        '1',
        '',
        '15.03.2021 0:00:00',
      ],
    ],
  },
  service: {
    targets: ['name', 'measure', 'provider'],
    rows: [
      ['Отопление', 'Гкал', 'АО «УСТЭК-Челябинск»'],
      ['Содержание жилого помещения', 'кв.м', ''],
    ],
  },
  tariff: {
    targets: ['@serviceName', 'name', 'rate', 'measure', 'validFrom'],
    rows: [
      ['Отопление', 'Отопление, население', '2 325,88', 'Гкал', '01.07.2026'],
      ['Содержание жилого помещения', 'Содержание, МКД с лифтом', '28,15', 'кв.м', '01.07.2026'],
    ],
  },
  receipt: {
    targets: [
      'accountNumber',
      'period',
      'lines.name',
      'lines.measure',
      'lines.volume',
      'lines.tariff',
      'lines.charge',
      'lines.privilege',
      'lines.recalculation',
      'lines.toPay',
      'balance',
      'paid',
      'penalty',
      'toPay',
    ],
    rows: [
      [
        '7401000012',
        'ноябрь 2026',
        'Отопление',
        'Гкал',
        '1,0450',
        '2 325,88',
        '2 430,54',
        '0,00',
        '0,00',
        '2 430,54',
        '1 200,00',
        '1 200,00',
        '0,00',
        '3 959,09',
      ],
      [
        '7401000012',
        'ноябрь 2026',
        'Содержание жилого помещения',
        'кв.м',
        '54,30',
        '28,15',
        '1 528,55',
        '0,00',
        '0,00',
        '1 528,55',
        '1 200,00',
        '1 200,00',
        '0,00',
        '3 959,09',
      ],
    ],
  },
  meter: {
    targets: ['accountNumber', 'number', 'resource', 'place', 'verificationDate', 'nextVerificationDate'],
    rows: [
      ['7401000012', '19-123456', 'ХВС', 'Ванная', '14.05.2020', '14.05.2026'],
      ['7401000012', '19-654321', 'ГВС', 'Ванная', '14.05.2020', '14.05.2026'],
    ],
  },
  reading: {
    targets: ['@accountNumber', '@meterNumber', 'date', 'value1'],
    rows: [
      ['7401000012', '19-123456', '25.11.2026', '312,450'],
      ['7401000012', '19-654321', '25.11.2026', '198,102'],
    ],
  },
  payment: {
    targets: ['id', 'accountNumber', 'paidAt', 'amount', 'fee', 'period', 'channel'],
    rows: [
      ['ПП-000123', '7401000012', '10.11.2026 14:05:31', '1 200,00', '12,00', '10.2026', 'Сбербанк Онлайн'],
      ['ПП-000124', '7401000013', '12.11.2026 9:17:02', '2 000,00', '0,00', '10.2026', 'Касса УК'],
    ],
  },
  balance: {
    targets: ['accountNumber', '@serviceName', 'date', 'amount'],
    rows: [
      ['7401000012', 'Отопление', '01.11.2026', '1 200,00'],
      ['7401000013', 'Содержание жилого помещения', '01.11.2026', '-150,00'],
    ],
  },
  transaction: {
    targets: ['id', 'accountNumber', '@serviceName', 'date', 'kind', 'amount', 'comment'],
    rows: [
      [
        'НЧ-2026-11-000012',
        '7401000012',
        'Отопление',
        '30.11.2026',
        'Начисление',
        '2 430,54',
        'Начисление за ноябрь 2026',
      ],
      ['ОП-2026-11-000123', '7401000012', '', '10.11.2026', 'Оплата', '-1 200,00', ''],
    ],
  },
  contract: {
    targets: ['number', 'accountNumber', 'state'],
    rows: [
      ['Д-7401000012', '7401000012', 'Подключено'],
      ['Д-7401000013', '7401000013', 'Приостановлено'],
    ],
  },
};
