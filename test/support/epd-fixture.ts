import { entityKinds } from '../../src/domain/entity-kinds.js';
import type { EpdSources } from '../../src/domain/epd/epd-sources.js';
import { Organization } from '../../src/domain/model/organization.js';
import { orgFixture } from './test-hub.js';

/** API-form records of one flat with a receipt as a УК sends it: lines, a recalculation with its ground, meters with two readings each. */
export function epdRecords(accountNumber = '4200003151', over: Record<string, unknown> = {}) {
  const lines = [
    ['svc-maint', 'Содержание жилого помещения', '54.3', '32.45', 'м²', '1762.04', '0', '0'],
    ['svc-cold', 'Холодное водоснабжение', '4.215', '41.37', 'м³', '174.37', '-20.50', '0'],
    ['svc-hot', 'Горячее водоснабжение', '2.1', '198.12', 'м³', '416.05', '0', '50'],
    ['svc-heat', 'Отопление', '1.2216', '2685.42', 'Гкал', '3280.51', '0', '0'],
    ['svc-el', 'Электроснабжение', '212', '5.12', 'кВт·ч', '1085.44', '12.80', '0'],
  ].map(([serviceId, name, volume, tariff, measure, charge, recalculation, privilege]) => {
    const toPay =
      Math.round(Number(charge) * 100) -
      Math.round(Number(privilege) * 100) +
      Math.round(Number(recalculation) * 100);
    return {
      serviceId,
      name,
      volume,
      tariff,
      measure,
      charge,
      recalculation,
      privilege,
      toPay: (toPay / 100).toFixed(2),
      ...(recalculation !== '0'
        ? {
            recalculationReason: String(recalculation).startsWith('-')
              ? 'Временное отсутствие (справка)'
              : 'Доначисление по поверке ИПУ',
          }
        : {}),
    };
  });
  const net = lines.reduce((s, l) => s + Math.round(Number(l.toPay) * 100), 0);
  const balance = 120315;
  const paid = 120315;
  const penalty = 1234;
  return {
    house: { id: 'h1', address: 'г Москва, ул Маломосковская, д 14' },
    premise: { id: 'p1', houseId: 'h1', number: '706', area: '54.3' },
    account: {
      number: accountNumber,
      premiseId: 'p1',
      els: '70БВ000584',
      ownerName: 'Иванов Евгений Борисович',
      residentsCount: 3,
    },
    meters: [
      { id: 'm1', accountNumber, resource: 'cold_water', number: '00112233', place: 'Санузел' },
      {
        id: 'm2',
        accountNumber,
        resource: 'electricity',
        number: '077057521',
        tariffCount: 2,
        place: 'Этажный щит',
      },
    ],
    readings: [
      { meterId: 'm1', date: '2026-09-20', value1: '120.125' },
      { meterId: 'm1', date: '2026-10-20', value1: '124.340' },
      { meterId: 'm1', date: '2026-11-20', value1: '128.001' }, // after the period: not shown
      { meterId: 'm2', date: '2026-09-21', value1: '8811', value2: '3012' },
      { meterId: 'm2', date: '2026-10-21', value1: '8970', value2: '3065' },
    ],
    receipt: {
      accountNumber,
      period: '2026-10',
      category: 'housing',
      recipient: { inn: '7736050003', kpp: '773601001', bik: '044525225', account: '40702810138250123017' },
      balance: (balance / 100).toFixed(2),
      paid: (paid / 100).toFixed(2),
      penalty: (penalty / 100).toFixed(2),
      toPay: ((balance + net - paid + penalty) / 100).toFixed(2),
      lines,
      ...over,
    },
  };
}

/** The decoded sources of `epdRecords`, with the test organisation (its bank account gives the bank name and correspondent account). */
export function epdSources(accountNumber?: string, over?: Record<string, unknown>): EpdSources {
  const r = epdRecords(accountNumber, over);
  return {
    receipt: entityKinds.receipt.schema.parse(r.receipt),
    organization: Organization.parse(orgFixture('uk-epd')),
    account: entityKinds.account.schema.parse(r.account),
    premise: entityKinds.premise.schema.parse(r.premise),
    house: entityKinds.house.schema.parse(r.house),
    meters: r.meters.map((m) => entityKinds.meter.schema.parse(m)),
    readings: r.readings.map((x) => entityKinds.reading.schema.parse(x)),
  };
}
