import { domaLimits } from '../contract/doma-limits.js';
import {
  ALL_BILLING_RECEIPT_FILES_DOCUMENT,
  AllBillingReceiptFilesData,
  UPDATE_BILLING_RECEIPT_FILE_DOCUMENT,
} from '../contract/receipt-file-removal.js';
import type { DomaContext } from './doma-context.js';
import { domaGraphql } from './doma-graphql.js';
import { domaSender } from './doma-sender.js';

/**
 * Removes the PDFs of receipts (by their importIds — our receipt keys) from the platform: the live
 * BillingReceiptFiles of those receipts in our billing context, each updated with `deletedAt` = now
 * (seed 000 §"Загрузка PDF квитанций через АПИ": "Для удаления модели нужно вызвать обновление
 * модели с полем deletedAt"). Receipts without a file are nothing to do. Answers how many went.
 */
export async function removeReceiptFiles(ctx: DomaContext, importIds: readonly string[]): Promise<number> {
  if (importIds.length === 0) return 0;
  const { settings } = ctx.connection;
  const { data } = await domaGraphql(ctx, 'allBillingReceiptFiles', {
    query: ALL_BILLING_RECEIPT_FILES_DOCUMENT,
    variables: {
      where: {
        context: { id: settings.billingContextId },
        receipt: { importId_in: [...importIds] },
        deletedAt: null,
      },
      first: domaLimits.listFirst,
      sortBy: ['id_ASC'],
    },
  });
  const files = AllBillingReceiptFilesData.safeParse(data).data?.objs ?? [];
  const deletedAt = new Date().toISOString();
  for (const file of files) {
    await domaGraphql(ctx, 'updateBillingReceiptFile', {
      query: UPDATE_BILLING_RECEIPT_FILE_DOCUMENT,
      variables: { id: file.id, data: { ...domaSender(settings), deletedAt } },
    });
  }
  return files.length;
}
