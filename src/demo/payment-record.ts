import { daysInMonth } from './demo-calendar.js';
import type { DemoContext } from './demo-context.js';
import { pad2, rub, ymd } from './demo-format.js';
import type { HouseBatch } from './house-batch.js';
import type { OpeningBalance } from './opening-balance.js';
import type { RandomSource } from './random-source.js';
import type { City } from './russian-addresses.js';

/** Where residents pay; Сбербанк Онлайн is listed thrice for its share. */
const PAYMENT_CHANNELS = [
  'Сбербанк Онлайн',
  'Сбербанк Онлайн',
  'Сбербанк Онлайн',
  'Касса банка',
  'Почта России',
  'Терминал',
  'Мобильное приложение',
];

/** The account's payment this period; nothing paid leaves `paid` 0 and the strings empty. */
export interface PaymentMade {
  paid: number;
  paidOn: string;
  channel: string;
}

/**
 * Maybe a payment this period, as likely as the opening balance says: debtors pay the last bill or
 * everything, others the balance, a round sum or part of it, mostly in the first half of the month.
 * The fee is 2% at Почта России, 1.2% elsewhere.
 */
export function addPayment(
  ctx: DemoContext,
  rng: RandomSource,
  city: City,
  accountNumber: string,
  { prevBill, months, balance, payChance }: OpeningBalance,
  netCharge: number,
  out: HouseBatch,
): PaymentMade {
  let paid = 0;
  let paidOn = '';
  let channel = '';
  if (rng.chance(payChance)) {
    if (balance > 0) {
      const r = rng.next();
      if (months >= 2) paid = r < 0.5 ? prevBill : balance;
      else if (r < 0.65) paid = balance;
      else if (r < 0.85) paid = Math.ceil(balance / 10000) * 10000;
      else paid = Math.round((balance * rng.int(40, 90)) / 100);
    } else {
      paid = Math.ceil(Math.max(netCharge, 10000) / 10000) * 10000;
    }
    if (paid <= 0) paid = 10000;
    const day = Math.min(
      daysInMonth(ctx.year, ctx.month),
      rng.weighted([rng.int(1, 15), rng.int(16, 28)], [75, 25]),
    );
    paidOn = ymd(ctx.year, ctx.month, day);
    const time = `${pad2(rng.int(7, 22))}:${pad2(rng.int(0, 59))}:${pad2(rng.int(0, 59))}`;
    channel = rng.pick(PAYMENT_CHANNELS);
    const fee = channel === 'Почта России' ? Math.round(paid * 0.02) : Math.round(paid * 0.012);
    out.payments.push({
      kind: 'payment',
      record: {
        id: `pay-${ctx.period}-${accountNumber}`,
        accountNumber,
        paidAt: `${paidOn}T${time}${city.utcOffset}`,
        amount: rub(paid),
        fee: rub(fee),
        period: ctx.prevPeriod,
        category: 'housing',
        channel,
        document: `Реестр № ${rng.int(100, 9999)} от ${paidOn}`,
      },
    });
  }
  return { paid, paidOn, channel };
}
