import type { InboxReadBack, RemoteRecord } from '../../../engine/connector/connector.js';
import { DownloadPage } from '../contract/download-page.js';
import { ENTITIES } from '../contract/entities.js';
import type { Payment } from '../contract/payment.js';
import { uzhkhPaths } from '../contract/uzhkh-paths.js';
import { callUzhkh, readUzhkhJson } from './call-uzhkh.js';
import { IdResolver } from './id-resolver.js';
import { idEntityOf } from './stable-ids.js';
import type { UzhkhCredentials } from './uzhkh-credentials.js';
import type { UzhkhSettings } from './uzhkh-settings.js';
import { wireToHub } from './wire-to-hub.js';

/**
 * Payments: the platform's whole `Synchronization/DownloadPayments` list (seed 001 §"Получение всех
 * данных", page by page until `NoResults`) beside this connection's inbox payments. A payment's
 * inbox source id is `payment:<id>` with the id the billing knows it by (map-entity.ts): a `--` id
 * is resolved as the download resolves it (IdResolver, read only). `Sum` is compared in kopecks.
 */
export const paymentsReadBack: InboxReadBack<UzhkhSettings, UzhkhCredentials> = {
  inboxKind: 'payment',
  expectItem: (payload) => ({ amount: (payload as { amountKopecks?: number }).amountKopecks }),
  // A payment the platform deleted, whose deletion reached the inbox, is not expected there any more.
  deletions: {
    inboxKind: 'deleted_item',
    keyOf: (payload) => {
      const d = payload as { type?: unknown; id?: unknown };
      return d.type === 'payment' && typeof d.id === 'string' ? `payment:${d.id}` : undefined;
    },
  },
  async *read(ctx) {
    const resolver = new IdResolver(ctx);
    for (let page = 1; ; page++) {
      const res = await callUzhkh(ctx, `${uzhkhPaths.download}Payments`, { page: String(page) });
      const answer = await readUzhkhJson(res, DownloadPage, `DownloadPayments page ${page}`);
      if (answer.NoResults || answer.Items.length === 0) return;
      const rows: RemoteRecord[] = [];
      for (const raw of answer.Items) {
        const parsed = ENTITIES.Payment.schema.safeParse(raw);
        if (!parsed.success) {
          // Never landed as a payment either (the download made it an `uzhkh_invalid` item).
          const id = (raw as { Id?: unknown } | null)?.Id;
          rows.push({ platformId: String(id ?? '?'), key: undefined, label: 'unreadable payment' });
          continue;
        }
        const p = parsed.data as Payment;
        const { id } = await resolver.resolve(idEntityOf('Payment', {}), p.Id);
        rows.push({
          platformId: p.Id,
          key: `payment:${id}`,
          amount: wireToHub.money(p.Sum).kopecks,
          label: `${p.AccountNumber} ${String(p.DateTime).slice(0, 10)}`,
        });
      }
      yield rows;
    }
  },
};
