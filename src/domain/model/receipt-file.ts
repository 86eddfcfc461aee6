import { z } from 'zod';
import { field } from './field.js';

/**
 * The printable receipt (PDF) of one receipt — same account × period × category — as the billing
 * uploaded it. `variant` `full` carries personal data (for the УК's staff and verified residents);
 * `public` must carry none (no ФИО, no images: seed 000 §"Политика отображения персональных данных").
 * The content travels base64-encoded because canonical records are JSON.
 */
export const ReceiptFileVariant = z.enum(['full', 'public']);
export type ReceiptFileVariant = z.output<typeof ReceiptFileVariant>;

/** 10 MB of PDF is far above a real receipt (50–300 KB) and keeps one record sane in the store. */
export const RECEIPT_FILE_MAX_BYTES = 10 * 1024 * 1024;

export const ReceiptFile = z.strictObject({
  accountNumber: field.accountNumber,
  period: field.period,
  category: field.text(100).default('housing'),
  variant: ReceiptFileVariant.default('full'),
  contentType: z.literal('application/pdf').default('application/pdf'),
  content: z
    .string()
    .min(4)
    .max(Math.ceil(RECEIPT_FILE_MAX_BYTES / 3) * 4)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64 (RFC 4648, no line breaks)')
    .refine((s) => s.length % 4 === 0, 'base64 length must be a multiple of 4')
    .refine((s) => s.startsWith('JVBER'), 'must be a PDF (the content starts with %PDF)'),
  fileName: field.text(255).optional(),
});
export type ReceiptFile = z.output<typeof ReceiptFile>;

/** The key of a receipt file: the receipt's key and the variant. */
export function receiptFileKey(
  r: Pick<ReceiptFile, 'accountNumber' | 'period' | 'category' | 'variant'>,
): string {
  return `${r.accountNumber}/${r.period}/${r.category}/${r.variant}`;
}
