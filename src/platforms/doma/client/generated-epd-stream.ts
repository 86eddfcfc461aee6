import { createHash } from 'node:crypto';
import type { EpdDocument } from '../../../domain/epd/epd-document.js';
import { epdDocumentOf } from '../../../domain/epd/epd-document-of.js';
import { checkEpdRequisites, EpdRequisitesError } from '../../../domain/epd/epd-requisites.js';
import { publicEpd } from '../../../domain/epd/public-epd.js';
import type { Receipt } from '../../../domain/model/receipt.js';
import type {
  CanonicalRow,
  OutboundStream,
  RecordOutcome,
  WireRecord,
} from '../../../engine/connector/connector.js';
import { NonRetryableError } from '../../../engine/policy/platform-errors.js';
import { EPD_RENDERER_VERSION, renderEpdPdf } from '../../../render/epd/epd-pdf.js';
import { loadEpdSources } from '../../../store/epd-sources-store.js';
import type { DomaContext } from './doma-context.js';
import type { DomaCredentials } from './doma-credentials.js';
import type { DomaSettings } from './doma-settings.js';
import { uploadReceiptFile } from './upload-receipt-file.js';

/** What goes on the wire per receipt: the ЕПД it shows; the engine hashes it, so an unchanged one is never re-sent. */
interface GeneratedEpdWire {
  importId: string;
  renderer: number;
  charset: 1 | 2;
  document: EpdDocument;
}

type Rejection = { key: string; code: string; message: string };

/**
 * Receipts whose billing uploaded no PDF, with what their ЕПД shows. A receipt with a billing PDF
 * (`receipt_file` …/full) is left to the receipt-files stream; one whose requisites fail is refused
 * here with the field named — no document is made with them.
 */
async function toWire(rows: readonly CanonicalRow[], ctx: DomaContext) {
  const live = rows.filter((r) => !r.deleted);
  const records: WireRecord[] = [];
  const rejected: Rejection[] = [];
  if (live.length === 0 || !ctx.db) return { records };
  const uploaded =
    (await ctx.records?.get(
      'receipt_file',
      live.map((r) => `${r.key}/full`),
    )) ?? new Map();
  const own = live.filter((r) => !uploaded.has(`${r.key}/full`));
  const sources =
    (await loadEpdSources(
      ctx.db,
      ctx.connection.orgId,
      own.map((r) => r.data as Receipt),
    )) ?? [];
  sources.forEach((src, i) => {
    const key = own[i]!.key;
    const document = epdDocumentOf(src);
    try {
      checkEpdRequisites(document.recipient);
    } catch (err) {
      if (!(err instanceof EpdRequisitesError)) throw err;
      rejected.push({ key, code: err.code, message: err.message });
      return;
    }
    const payload: GeneratedEpdWire = {
      importId: key,
      renderer: EPD_RENDERER_VERSION,
      charset: ctx.connection.settings.epdQrCharset,
      document,
    };
    records.push({ key, op: 'upsert', payload });
  });
  return { records, rejected };
}

const md5 = (base64: string) => createHash('md5').update(base64).digest('hex');

/**
 * Renders the full and the public ЕПД and uploads both with `createBillingReceiptFile` (seed 000
 * §«Загрузка PDF квитанций через АПИ»: only it takes `publicDataFile`), matched by the receipt's
 * importId. One receipt per call.
 */
async function deliver(batch: readonly WireRecord[], ctx: DomaContext): Promise<RecordOutcome[]> {
  const outcomes: RecordOutcome[] = [];
  for (const record of batch) {
    const { importId, charset, document } = record.payload as GeneratedEpdWire;
    const qr = { charset };
    const full = (await renderEpdPdf(document, { qr })).toString('base64');
    const pub = (await renderEpdPdf(publicEpd(document), { qr })).toString('base64');
    const name = `epd_${importId.replace(/[^\w.-]+/g, '_')}`;
    try {
      const id = await uploadReceiptFile(ctx, {
        importId,
        controlSum: `${md5(full)}:${md5(pub)}`,
        sensitive: { base64: full, fileName: `${name}.pdf` },
        public: { base64: pub, fileName: `${name}_public.pdf` },
      });
      outcomes.push({ status: 'ok', platformId: id });
    } catch (err) {
      // The receipt is not there (yet) or is ambiguous: that receipt's problem, not the batch's.
      if (!(err instanceof NonRetryableError)) throw err;
      outcomes.push({ status: 'rejected', code: err.code, message: err.message });
    }
  }
  return outcomes;
}

/**
 * `generatePdf: true`: the hub's own ЕПД for receipts the billing sent no PDF for. It reads the
 * receipts (after the receipts stream, so the platform has them) under a ledger of its own, and its
 * payload is everything the ЕПД shows — a receipt, account, meter or reading change sends a new PDF;
 * an unchanged receipt sends nothing.
 */
export const generatedEpdStream: OutboundStream<DomaSettings, DomaCredentials> = {
  kind: 'receipt',
  ledger: 'receipt_epd',
  entity: 'receipt_epd',
  enabled: (settings) => settings.generatePdf,
  limits: { maxRecords: 1, maxBytes: 64 * 1024 * 1024 },
  toWire,
  deliver,
};
