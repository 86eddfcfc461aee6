import { createHash } from 'node:crypto';
import type { ReceiptFile } from '../../../domain/model/receipt-file.js';

/** What a receipt_file record becomes on the wire; the engine hashes it, so an unchanged PDF is never sent. */
export interface ReceiptFileWire {
  /** The receipt's importId: our receipt key (the receipts stream sends it as `importId`). */
  importId: string;
  variant: 'full' | 'public';
  base64: string;
  /** md5 of the base64 text: the platform's own change check (NOTES.md "PDF receipts") and `controlSum`. */
  md5: string;
  fileName: string;
}

/** The importId of the receipt a file belongs to: our receipt key. */
export function receiptImportId(f: Pick<ReceiptFile, 'accountNumber' | 'period' | 'category'>): string {
  return `${f.accountNumber}/${f.period}/${f.category}`;
}

export function receiptFileWire(f: ReceiptFile): ReceiptFileWire {
  const importId = receiptImportId(f);
  return {
    importId,
    variant: f.variant,
    base64: f.content,
    md5: createHash('md5').update(f.content).digest('hex'),
    fileName:
      f.fileName ?? `${importId.replace(/[^\w.-]+/g, '_')}${f.variant === 'public' ? '_public' : ''}.pdf`,
  };
}
