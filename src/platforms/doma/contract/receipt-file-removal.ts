import { z } from 'zod';
import { domaResponse } from './doma-errors.js';
import { Sender } from './sender.js';

/**
 * The live PDF files of receipts, found by the receipts' importIds in our billing context (seed 000
 * §"Загрузка PDF квитанций через АПИ": the model BillingReceiptFile can be read).
 */
export const ALL_BILLING_RECEIPT_FILES_DOCUMENT = `query allBillingReceiptFiles($where: BillingReceiptFileWhereInput, $first: Int, $skip: Int, $sortBy: [SortBillingReceiptFilesBy!]) {
  objs: allBillingReceiptFiles(where: $where, first: $first, skip: $skip, sortBy: $sortBy) {
    id importId receipt { id importId }
  }
}`;

export const BillingReceiptFileWhere = z.object({
  context: z.object({ id: z.string() }),
  receipt: z.object({ importId_in: z.array(z.string()).min(1) }),
  deletedAt: z.null(),
});

export const AllBillingReceiptFilesData = z.object({
  objs: z
    .array(
      z.object({
        id: z.string(),
        importId: z.string().nullable(),
        receipt: z.object({ id: z.string(), importId: z.string().nullable() }).nullable(),
      }),
    )
    .nullable(),
});
export const AllBillingReceiptFilesResponse = domaResponse(AllBillingReceiptFilesData);

/**
 * Removes a PDF: "Для удаления модели нужно вызвать обновление модели с полем deletedAt передав в
 * качестве значения текущую дату в формате ISO" (seed 000 §"Загрузка PDF квитанций через АПИ").
 */
export const UPDATE_BILLING_RECEIPT_FILE_DOCUMENT = `mutation updateBillingReceiptFile($id: ID!, $data: BillingReceiptFileUpdateInput) {
  result: updateBillingReceiptFile(id: $id, data: $data) { id deletedAt }
}`;

export const DeleteBillingReceiptFileVariables = z.object({
  id: z.string(),
  data: z.object({ dv: z.literal(1), sender: Sender, deletedAt: z.iso.datetime() }),
});

export const UpdateBillingReceiptFileData = z.object({
  result: z.object({ id: z.string(), deletedAt: z.string().nullable() }).nullable(),
});
export const UpdateBillingReceiptFileResponse = domaResponse(UpdateBillingReceiptFileData);
