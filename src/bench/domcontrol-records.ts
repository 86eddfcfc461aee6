import type { z } from 'zod';
import { type EntityKindName, entityKinds } from '../domain/entity-kinds.js';

/** Canonical records of the DomControl benchmark, decoded (money in kopecks), per kind. */
export type BenchRecords = Partial<Record<EntityKindName, unknown[]>>;

const SERVICES = [
  { id: 'hvs', name: 'Холодное водоснабжение', shortName: 'ХВС' },
  { id: 'gvs', name: 'Горячее водоснабжение', shortName: 'ГВС' },
  { id: 'el', name: 'Электроснабжение' },
  { id: 'otop', name: 'Отопление' },
  { id: 'sod', name: 'Содержание жилого помещения' },
];

/**
 * `accounts` лицевых счетов in houses of 100 flats, each with an owner, one cold-water meter, its
 * reading and a balance — run through the canonical schemas, so they are what the API would store.
 */
export function domcontrolBenchRecords(accounts: number): BenchRecords {
  const parse = <K extends EntityKindName>(kind: K, input: unknown) =>
    entityKinds[kind].schema.parse(input) as z.output<(typeof entityKinds)[K]['schema']>;
  const out: Required<
    Pick<BenchRecords, 'house' | 'premise' | 'account' | 'service' | 'meter' | 'reading' | 'balance'>
  > = {
    house: [],
    premise: [],
    account: [],
    service: SERVICES.map((s) => parse('service', s)),
    meter: [],
    reading: [],
    balance: [],
  };
  for (let i = 0; i < accounts; i++) {
    const n = String(i).padStart(7, '0');
    if (i % 100 === 0) {
      out.house.push(
        parse('house', { id: `h${i / 100}`, address: `г. Челябинск, ул. Тестовая, д. ${i / 100 + 1}` }),
      );
    }
    out.premise.push(
      parse('premise', {
        id: `p${n}`,
        houseId: `h${Math.floor(i / 100)}`,
        number: String((i % 100) + 1),
        area: '54.30',
      }),
    );
    out.account.push(
      parse('account', {
        number: `LS${n}`,
        premiseId: `p${n}`,
        persons: [
          { fullName: 'Иванова Анна Петровна', isOwner: true, share: '1/2', phones: ['+79000000001'] },
        ],
      }),
    );
    out.meter.push(
      parse('meter', {
        id: `M${n}`,
        accountNumber: `LS${n}`,
        serviceId: 'hvs',
        resource: 'cold_water',
        number: `N${n}`,
        installationDate: '2020-01-31',
      }),
    );
    out.reading.push(
      parse('reading', { meterId: `M${n}`, date: '2024-01-25', value1: `${i % 1000}.${i % 997}` }),
    );
    out.balance.push(
      parse('balance', {
        accountNumber: `LS${n}`,
        serviceId: 'sod',
        date: '2024-01-01',
        amount: `${((i * 7919) % 100_000) - 20_000}.${String(i % 100).padStart(2, '0')}`,
      }),
    );
  }
  return out;
}
