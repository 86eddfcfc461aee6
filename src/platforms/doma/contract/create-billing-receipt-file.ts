import { z } from 'zod';
import { domaResponse } from './doma-errors.js';
import { Sender } from './sender.js';

/**
 * The older upload path (seed 000 §"Загрузка PDF квитанций через АПИ"): a GraphQL multipart request
 * (`operations` = this document and variables with `null` in place of each file, `map` = which form
 * part fills which variable, then the file parts). `sensitiveDataFile` is required, `publicDataFile`
 * (no personal data) optional; `importId` finds the receipt.
 */
export const CREATE_BILLING_RECEIPT_FILE_DOCUMENT = `mutation createBillingReceiptFile($data: BillingReceiptFileCreateInput) {
  result: createBillingReceiptFile(data: $data) { id controlSum importId receipt { id } }
}`;

/** Variable paths the `map` part points the file parts at. */
export const RECEIPT_FILE_UPLOAD_PATHS = {
  sensitive: 'variables.data.sensitiveDataFile',
  public: 'variables.data.publicDataFile',
} as const;

/** The variables inside `operations`: files are `null`, replaced by the server from the parts. */
export const CreateBillingReceiptFileVariables = z.object({
  data: z.object({
    dv: z.literal(1),
    sender: Sender,
    importId: z.string().min(1),
    context: z.object({ connect: z.object({ id: z.string() }) }),
    controlSum: z.string().optional(),
    sensitiveDataFile: z.null(),
    publicDataFile: z.null().optional(),
  }),
});
export type CreateBillingReceiptFileVariables = z.infer<typeof CreateBillingReceiptFileVariables>;

export const CreateBillingReceiptFileData = z.object({
  result: z
    .object({
      id: z.string(),
      controlSum: z.string().nullable(),
      importId: z.string().nullable(),
      receipt: z.object({ id: z.string() }).nullable(),
    })
    .nullable(),
});
export const CreateBillingReceiptFileResponse = domaResponse(CreateBillingReceiptFileData);
export type CreateBillingReceiptFileResponse = z.infer<typeof CreateBillingReceiptFileResponse>;
