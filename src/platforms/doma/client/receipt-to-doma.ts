import type { Receipt, ReceiptLine } from '../../../domain/model/receipt.js';
import { periodYearMonth } from '../../../domain/period.js';
import { checkRecipient } from './check-recipient.js';
import { compact } from './compact.js';
import { domaAddress, domaAddressInfo } from './doma-address.js';
import { domaCategoryId } from './doma-categories.js';
import { domaMoney } from './doma-money.js';
import type { DomaSettings } from './doma-settings.js';
import type { Place } from './load-places.js';

type Mapped = { ok: true; receipt: Record<string, unknown> } | { ok: false; code: string; message: string };

/**
 * A canonical receipt → one element of `registerBillingReceipts.data.receipts` (seed 000
 * §"Интеграция через АПИ"). `importId` is our key, so a re-send updates the same receipt; a
 * receipt whose recipient fails the checks is refused rather than sent.
 */
export function receiptToDoma(key: string, r: Receipt, place: Place, settings: DomaSettings): Mapped {
  const checked = checkRecipient(r.recipient);
  if (!checked.ok) return checked;
  const { recipient } = checked;
  const category = domaCategoryId(settings, r.category);
  if (!category) {
    return {
      ok: false,
      code: 'category_unmapped',
      message: `category "${r.category}" has no Doma.ai category id: add it to the connection's settings.categories`,
    };
  }
  const { year, month } = periodYearMonth(r.period);
  const fullName = place.account.ownerName ?? place.account.persons.find((p) => p.isOwner)?.fullName;
  const details = compact({
    charge: money(r.charge),
    balance: r.balance === undefined ? undefined : domaMoney.balanceOut(r.balance),
    paid: money(r.paid),
    penalty: money(r.penalty),
    privilege: money(r.privilege),
    recalculation: money(r.recalculation),
  });
  return {
    ok: true,
    receipt: compact({
      importId: key,
      accountNumber: r.accountNumber,
      accountMeta: compact({
        fullName,
        globalId: place.account.els,
        ownerType: place.account.ownerType,
        isClosed: place.account.state === 'closed' ? true : undefined,
      }),
      address: domaAddress(place),
      addressMeta: domaAddressInfo(place),
      tin: recipient.inn,
      bankAccount: recipient.account,
      routingNumber: recipient.bik,
      category: { id: category },
      year,
      month,
      toPay: domaMoney.out(r.toPay),
      ...(Object.keys(details).length > 0 ? { toPayDetails: details } : {}),
      services: r.lines.map(serviceToDoma),
      raw: r.raw,
    }),
  };
}

function serviceToDoma(l: ReceiptLine): Record<string, unknown> {
  return {
    id: l.serviceId,
    name: l.name,
    toPay: domaMoney.out(l.toPay),
    toPayDetails: compact({
      charge: domaMoney.out(l.charge),
      privilege: domaMoney.out(l.privilege),
      recalculation: domaMoney.out(l.recalculation),
      volume: l.volume,
      tariff: l.tariff,
      measure: l.measure,
    }),
  };
}

function money(kopecks: number | undefined): string | undefined {
  return kopecks === undefined ? undefined : domaMoney.out(kopecks);
}
