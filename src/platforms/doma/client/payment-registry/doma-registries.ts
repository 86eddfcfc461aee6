import { buildPaymentRegistry, type PaymentRegistry } from '../../../../domain/registry/payment-registry.js';
import type { RegistryPayment } from '../../../../domain/registry/registry-line.js';
import type { Db } from '../../../../store/open-store.js';
import { domaMoney } from '../doma-money.js';
import { type DomaPaymentSource, readRegistryPayments } from './read-registry-payments.js';
import { zonedDayBounds } from './zoned-day.js';

export interface DomaRegistry extends PaymentRegistry {
  connectionId: string;
}

/**
 * The bank payment registries of one transfer date: one per (connection, payment order), from the
 * payments the connections pulled into the inbox (seed 000 §"Формирование реестра").
 */
export async function domaRegistries(
  db: Db,
  orgId: string,
  connectionIds: readonly string[],
  date: string,
  timeZone = 'UTC',
): Promise<DomaRegistry[]> {
  const payments = await readRegistryPayments(db, orgId, connectionIds, zonedDayBounds(date, timeZone));
  const groups = new Map<string, { connectionId: string; order: string; payments: RegistryPayment[] }>();
  for (const { connectionId, source } of payments) {
    const order = source.order ?? '';
    const key = `${connectionId}\u0000${order}`;
    const g = groups.get(key) ?? { connectionId, order, payments: [] };
    groups.set(key, g);
    g.payments.push(registryPayment(source));
  }
  return [...groups.values()]
    .sort((a, b) => a.order.localeCompare(b.order) || a.connectionId.localeCompare(b.connectionId))
    .map((g) => ({
      connectionId: g.connectionId,
      ...buildPaymentRegistry({ order: g.order, transferDate: date, payments: g.payments, timeZone }),
    }));
}

/** seed 000: date and time of depositedDate, accountNumber, rawAddress, amount, amount − implicitFee, implicitFee. */
function registryPayment(s: DomaPaymentSource): RegistryPayment {
  return {
    paidAt: new Date(s.depositedDate ?? s.transferDate ?? 0),
    accountNumber: s.accountNumber ?? '',
    address: s.rawAddress ?? undefined,
    amount: domaMoney.in(s.amount ?? '0'),
    fee: domaMoney.in(s.implicitFee ?? '0'),
  };
}
