import { z } from 'zod';
import { domaResponse } from './doma-errors.js';
import { Sender } from './sender.js';

/**
 * Attaches a PDF, base64 in the variables, to the one receipt the filter matches (seed 000 §"Загрузка
 * PDF квитанции если не получается через АПИ"). SKIPPED when the md5 of the base64 is unchanged.
 */
export const REGISTER_BILLING_RECEIPT_FILE_DOCUMENT = `mutation registerBillingReceiptFile($data: RegisterBillingReceiptFileInput!) {
  result: registerBillingReceiptFile(data: $data) { id status }
}`;

/** How to find the receipt: by id, by importId, or by period and account number. */
export const ReceiptFilter = z.object({
  id: z.string().optional(),
  importId: z.string().optional(),
  period: z.string().optional(),
  account: z.object({ number: z.string() }).optional(),
});
export type ReceiptFilter = z.infer<typeof ReceiptFilter>;

export const RegisterBillingReceiptFileVariables = z.object({
  data: z.object({
    dv: z.literal(1),
    sender: Sender,
    context: z.object({ id: z.string() }),
    receipt: ReceiptFilter,
    base64EncodedPDF: z.string().min(1),
  }),
});
export type RegisterBillingReceiptFileVariables = z.infer<typeof RegisterBillingReceiptFileVariables>;

export const ReceiptFileStatus = z.enum(['CREATED', 'UPDATED', 'SKIPPED']);
export type ReceiptFileStatus = z.infer<typeof ReceiptFileStatus>;

export const RegisterBillingReceiptFileData = z.object({
  result: z.object({ id: z.string(), status: ReceiptFileStatus }).nullable(),
});
export const RegisterBillingReceiptFileResponse = domaResponse(RegisterBillingReceiptFileData);
export type RegisterBillingReceiptFileResponse = z.infer<typeof RegisterBillingReceiptFileResponse>;
