import type { InboxEntryInput } from '../../src/store/inbox-store.js';

/**
 * Inbox items shaped exactly as the connectors write them: Doma.ai readings and payments
 * (resident-readings-inbound, payments-inbound: accountNumber, meterNumber, amount in rubles) and
 * «Умное ЖКХ» readings, payments, заявки and registration requests (map-entity: meterId without the
 * account, amountKopecks). The same reading arrives from both platforms, and twice from Doma.ai.
 */
export const ACCOUNT = '7401000012';
export const UZHKH_READING = 'm-1@2026-11-20T10:00:00:123.45::';

const doma = (kind: string, sourceId: string, payload: Record<string, unknown>): InboxEntryInput => ({
  connectionId: 'c-doma',
  platform: 'doma',
  kind,
  sourceId,
  payload: { sourceId, ...payload, source: { id: sourceId } },
});
const uzhkh = (kind: string, sourceId: string, payload: Record<string, unknown>): InboxEntryInput => ({
  connectionId: 'c-uzhkh',
  platform: 'uzhkh',
  kind,
  sourceId,
  payload: { sourceId, ...payload, source: { platform: 'uzhkh', guid: null } },
});

export const EXPORT_INBOX: InboxEntryInput[] = [
  doma('reading', 'r-1', {
    accountNumber: ACCOUNT,
    occurredAt: '2026-11-20T06:05:31.000Z',
    meterNumber: 'ХВ-001',
    date: '2026-11-20',
    value1: '123.45000000',
  }),
  doma('payment', 'pay-d1', {
    accountNumber: ACCOUNT,
    occurredAt: '2026-11-10T11:05:31Z',
    amount: '1234.50',
    period: '2026-11',
  }),
  uzhkh('reading', UZHKH_READING, {
    meterId: 'm-1',
    meterNumber: 'ХВ-001',
    counterType: 1,
    flatId: 'f-14',
    date: '2026-11-20',
    occurredAt: '2026-11-20T10:00:00+03:00',
    value1: '123.45',
  }),
  uzhkh('payment', 'payment:P-77', {
    paymentId: 'P-77',
    accountNumber: ACCOUNT,
    accountId: 'a-1',
    occurredAt: '2026-11-11T00:30:00+03:00',
    amount: '1000.00',
    amountKopecks: 100000,
    period: '2026-10',
  }),
  // The resident pressed "send" twice: Doma.ai has two readings with the same values.
  doma('reading', 'r-2', {
    accountNumber: ACCOUNT,
    occurredAt: '2026-11-20T06:07:00.000Z',
    meterNumber: 'ХВ-001',
    date: '2026-11-20',
    value1: '123.45',
  }),
  doma('reading', 'r-3', {
    accountNumber: ACCOUNT,
    occurredAt: '2026-11-21T18:00:00.000Z',
    meterNumber: 'Э-77',
    date: '2026-11-21',
    value1: '5120.5',
    value2: '2210',
  }),
  uzhkh('ticket', 'guid-t1', {
    ticketId: 't-1',
    number: '118',
    title: 'Течёт кран',
    text: 'Кухня; капает "сильно"\nс утра',
    status: 'Новая',
    accountNumber: ACCOUNT,
    occurredAt: '2026-11-21T09:15:00+03:00',
  }),
  uzhkh('registration_request', 'guid-q1', {
    requestId: 'q-1',
    flatId: 'f-14',
    accountNumber: ACCOUNT,
    fullName: 'Иванова Анна Петровна',
    phone: '+79000000001',
    email: 'anna@example.ru',
  }),
  // A corrected value the same day is another reading.
  uzhkh('reading', 'm-1@2026-11-20T12:00:00:124::', {
    meterId: 'm-1',
    meterNumber: 'ХВ-001',
    date: '2026-11-20',
    occurredAt: '2026-11-20T12:00:00+03:00',
    value1: '124',
  }),
  doma('reading', 'r-bad', { accountNumber: ACCOUNT, meterNumber: 'ХВ-001', value1: '1' }),
  doma('reading', 'r-oct', {
    accountNumber: ACCOUNT,
    occurredAt: '2026-10-31T20:00:00.000Z',
    meterNumber: 'ХВ-001',
    date: '2026-10-31',
    value1: '120',
  }),
];

/** The meter both platforms' readings are of: Doma.ai names it by number, «Умное ЖКХ» by id. */
export const EXPORT_METER = {
  id: 'm-1',
  accountNumber: ACCOUNT,
  resource: 'cold_water',
  number: 'ХВ-001',
};

const HEADER =
  'Дата;Лицевой счет;Номер ПУ;Код ПУ;Показание;Показание Т2;Показание Т3;Показание Т4;Дата передачи;Платформа;Код в источнике';

/** The readings file of the whole inbox, as 1С gets it (before encoding). */
export const READINGS_CSV = [
  HEADER,
  `20.11.2026;${ACCOUNT};ХВ-001;m-1;123,45;;;;20.11.2026 9:05:31;doma, uzhkh, doma;r-1, ${UZHKH_READING}, r-2`,
  `21.11.2026;${ACCOUNT};Э-77;;5120,5;2210;;;21.11.2026 21:00:00;doma;r-3`,
  `20.11.2026;${ACCOUNT};ХВ-001;m-1;124;;;;20.11.2026 12:00:00;uzhkh;m-1@2026-11-20T12:00:00:124::`,
  `31.10.2026;${ACCOUNT};ХВ-001;m-1;120;;;;31.10.2026 23:00:00;doma;r-oct`,
  '',
].join('\r\n');

export const READINGS_HEADER = HEADER;
