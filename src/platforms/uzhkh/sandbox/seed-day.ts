import type { ResidentActions } from './resident-actions.js';
import type { SeededHouses } from './seed-houses.js';
import type { UzhkhWorld } from './uzhkh-world.js';

export interface SeededDay {
  readings: number;
  tickets: number;
  payments: number;
  registrationRequestId: string;
  objectAddingRequestId: string;
  /** The meter created on the platform, with its temporary `--` id. */
  newMeterId: string;
  queued: number;
}

/**
 * A day of platform activity queued for the billing: readings of every other meter, a few заявки
 * (one moved on), payments, a registration request, a request to add a flat, a meter created on the
 * platform (temporary id), a car, a news item, a resident's new phone and a deleted document.
 */
export function seedDay(world: UzhkhWorld, act: ResidentActions, houses: SeededHouses): SeededDay {
  let readings = 0;
  for (const [i, counterId] of houses.counters.entries()) {
    if (i % 2 !== 0) continue;
    const counter = world.entities.get('Counter', counterId)!;
    const values = [String(Number(counter.Value1) + 3.125)];
    if (counter.Value2 !== null) values.push(String(Number(counter.Value2) + 1.5));
    act.submitReading({ counterId, values });
    readings++;
  }
  const accounts = houses.accounts;
  const tickets = Math.min(5, accounts.length);
  let firstTicket: string | undefined;
  for (let i = 0; i < tickets; i++) {
    const { id } = act.openTicket({
      accountId: accounts[i]!,
      title: `Заявка жителя ${i + 1}`,
      crash: i === 0,
    });
    firstTicket ??= id;
  }
  if (firstTicket) act.setTicketStatus({ id: firstTicket, status: 'В работе' });
  const payments = Math.min(10, accounts.length);
  for (let i = 0; i < payments; i++) {
    act.pay({
      accountId: accounts[accounts.length - 1 - i]!,
      sum: `${1500 + i * 10}.${i}5`,
      mobile: i % 2 === 0,
    });
  }
  const registration = act.askToRegister({
    flatId: houses.flats[0]!,
    accountNumber: '2000000001',
    surname: 'Новикова',
    name: 'Анна',
    patronymic: 'Сергеевна',
    email: 'anna@example.ru',
    phone: '+79001112233',
  });
  const adding = act.askToAddObject({
    flatId: houses.flats[1] ?? houses.flats[0]!,
    residentId: houses.residents[0]!,
  });
  const meter = act.createMeter({
    flatId: houses.flats[0]!,
    type: 'WaterColdM3',
    serial: 'NEW-001',
    value: '0',
  });
  act.addCar({ residentId: houses.residents[0]!, brand: 'Lada', model: 'Vesta', number: 'А123ВС69' });
  act.publishDoc({
    typeName: 'news',
    title: 'Плановое отключение горячей воды',
    text: '<p>С 10 по 24 июня</p>',
  });
  act.updateResident({ id: houses.residents[0]!, phone: '+79005550000' });
  world.deleteObject('Doc', 'article:1');
  return {
    readings,
    tickets,
    payments,
    registrationRequestId: registration.id,
    objectAddingRequestId: adding.id,
    newMeterId: meter.id,
    queued: world.queue.length,
  };
}
