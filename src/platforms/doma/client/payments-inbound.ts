import type { InboundItem, InboundStream } from '../../../engine/connector/connector.js';
import { ALL_PAYMENTS_DOCUMENT } from '../contract/all-payments.js';
import type { DomaCredentials } from './doma-credentials.js';
import { domaMoney } from './doma-money.js';
import type { DomaSettings } from './doma-settings.js';
import { pullWindow, type WindowPull } from './window-pull.js';

/**
 * A payment → the inbox (kind `payment`, the InboundPayment shape with the amount in rubles like the
 * rest of our API; `source` keeps the platform's whole row — order, transferDate, implicitFee,
 * rawAddress — which the bank payment registry is built from).
 */
function toItem(raw: Record<string, unknown>): Promise<InboundItem | undefined> {
  const id = String(raw.id);
  const amount = typeof raw.amount === 'string' ? domaMoney.out(domaMoney.in(raw.amount)) : undefined;
  const payload = {
    sourceId: id,
    accountNumber: typeof raw.accountNumber === 'string' && raw.accountNumber ? raw.accountNumber : undefined,
    occurredAt: typeof raw.depositedDate === 'string' ? raw.depositedDate : undefined,
    amount,
    // The platform's period is the receipt's first day ("2024-01-01"): ours is the month.
    period:
      typeof raw.period === 'string' && /^\d{4}-\d{2}/.test(raw.period) ? raw.period.slice(0, 7) : undefined,
    source: raw,
  };
  return Promise.resolve({ kind: 'payment', sourceId: id, payload: JSON.parse(JSON.stringify(payload)) });
}

const spec: WindowPull = {
  what: 'allPayments',
  query: ALL_PAYMENTS_DOCUMENT,
  alias: 'objs',
  field: 'transferDate',
  sortBy: ['transferDate_ASC', 'id_ASC'],
  // seed 000 §"Получение реестров платежей через АПИ" (with `where`, not the seed's `data`): DONE
  // payments for receipts, not deleted. WITHDRAWN ones have not reached the УК: never pulled.
  where: (from, ctx) => ({
    organization: { id: ctx.connection.settings.organizationId },
    status: 'DONE',
    invoice_is_null: true,
    deletedAt: null,
    transferDate_gte: from,
  }),
  toItem,
};

export const paymentsInbound: InboundStream<DomaSettings, DomaCredentials> = {
  name: 'payments',
  checkpointVersion: 1,
  pull: (checkpoint, ctx) => pullWindow(spec, checkpoint, ctx),
};
