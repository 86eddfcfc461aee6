import { NonRetryableError } from '../../../engine/policy/platform-errors.js';
import {
  CREATE_BILLING_RECEIPT_FILE_DOCUMENT,
  CreateBillingReceiptFileData,
  RECEIPT_FILE_UPLOAD_PATHS,
} from '../contract/create-billing-receipt-file.js';
import type { DomaContext } from './doma-context.js';
import { domaSender } from './doma-sender.js';
import { domaApiUrl } from './doma-url.js';
import { ensureToken } from './ensure-token.js';
import { readGraphql } from './read-graphql.js';

export interface UploadFile {
  base64: string;
  fileName: string;
}

/**
 * seed 000 §"Загрузка PDF квитанций через АПИ": `createBillingReceiptFile` as a GraphQL multipart
 * request (`operations`, `map`, one part per file). The path for files too large for the variables
 * limit and for the public variant (only this mutation takes `publicDataFile`).
 */
export async function uploadReceiptFile(
  ctx: DomaContext,
  input: { importId: string; controlSum: string; sensitive: UploadFile; public?: UploadFile | undefined },
): Promise<string> {
  const { settings } = ctx.connection;
  const operations = {
    query: CREATE_BILLING_RECEIPT_FILE_DOCUMENT,
    variables: {
      data: {
        ...domaSender(settings),
        importId: input.importId,
        context: { connect: { id: settings.billingContextId } },
        controlSum: input.controlSum,
        sensitiveDataFile: null,
        ...(input.public ? { publicDataFile: null } : {}),
      },
    },
  };
  const map: Record<string, string[]> = { '0': [RECEIPT_FILE_UPLOAD_PATHS.sensitive] };
  if (input.public) map['1'] = [RECEIPT_FILE_UPLOAD_PATHS.public];
  const form = new FormData();
  form.append('operations', JSON.stringify(operations));
  form.append('map', JSON.stringify(map));
  form.append('0', pdfBlob(input.sensitive.base64), input.sensitive.fileName);
  if (input.public) form.append('1', pdfBlob(input.public.base64), input.public.fileName);
  const token = await ensureToken(ctx);
  const res = await ctx.fetch(domaApiUrl(ctx), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const { data, itemErrors } = await readGraphql(res, 'createBillingReceiptFile');
  const id = CreateBillingReceiptFileData.safeParse(data).data?.result?.id;
  if (typeof id !== 'string') {
    throw new NonRetryableError(
      `Doma.ai createBillingReceiptFile: ${itemErrors[0]?.message ?? 'no id in the answer'}`,
      'contract_break',
    );
  }
  return id;
}

function pdfBlob(base64: string): Blob {
  return new Blob([Buffer.from(base64, 'base64')], { type: 'application/pdf' });
}
