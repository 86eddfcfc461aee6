import PDFDocument from 'pdfkit';
import type { EpdDocument } from '../../domain/epd/epd-document.js';
import { type EpdQrOptions, epdQr } from '../../domain/epd/epd-qr.js';
import { nextPeriod } from '../../domain/period.js';
import { drawChargesSection } from './draw-charges-section.js';
import { drawEpdHeader } from './draw-epd-header.js';
import { drawMetersSection } from './draw-meters-section.js';
import { drawPayerSection } from './draw-payer-section.js';
import { drawPaymentSection } from './draw-payment-section.js';
import { drawRecalculationsSection } from './draw-recalculations-section.js';
import { CONTENT_WIDTH, EpdPen, PAGE } from './epd-page.js';

/** Bumped whenever a change of this renderer changes the bytes it writes (caches and hashes key on it). */
export const EPD_RENDERER_VERSION = 2;

export interface EpdPdfOptions {
  qr?: EpdQrOptions;
  /** Where the PDF goes as it is written (a file); without it `end()` answers the whole PDF. */
  sink?: NodeJS.WritableStream;
}

/**
 * A PDF of one or more ЕПД, one receipt after the other (a receipt takes one A4 page, more only when
 * its tables do not fit). Deterministic: the same documents give the same bytes — the metadata
 * dates are the first day after the first receipt's period, the file id follows from them, and the
 * font subsets are named from their content.
 */
export class EpdPdf {
  private readonly doc: PDFKit.PDFDocument;
  private readonly pen: EpdPen;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<void>;

  constructor(
    first: Pick<EpdDocument, 'period'>,
    private readonly opts: EpdPdfOptions = {},
  ) {
    const next = nextPeriod(first.period);
    const date = new Date(Date.UTC(Number(next.slice(0, 4)), Number(next.slice(5, 7)) - 1, 1));
    this.doc = new PDFDocument({
      autoFirstPage: false,
      compress: true,
      size: 'A4',
      margin: 0,
      // No default Helvetica: loading its metrics cost a millisecond per document, and it is never used.
      font: null as never,
      info: {
        Title: 'Единый платёжный документ',
        Producer: 'zhkh-bridge',
        Creator: 'zhkh-bridge',
        CreationDate: date,
        ModDate: date,
      },
    });
    this.pen = new EpdPen(this.doc);
    const sink = opts.sink;
    this.done = new Promise((resolve, reject) => {
      if (sink) {
        this.doc.pipe(sink);
        sink.on('finish', () => resolve());
        sink.on('error', reject);
      } else {
        this.doc.on('data', (c: Buffer) => this.chunks.push(c));
        this.doc.on('end', () => resolve());
      }
      this.doc.on('error', reject);
    });
  }

  /** Pages written so far. */
  get pages(): number {
    return this.pen.pages;
  }

  /**
   * Adds one receipt. Its payment QR is built first, so a receipt whose requisites fail
   * (EpdRequisitesError, naming the field) adds nothing at all. Answers the pages it took.
   */
  add(epd: EpdDocument): number {
    const qr = epdQr(epd, this.opts.qr);
    const before = this.pen.pages;
    this.pen.footer = () => footer(this.pen, epd, this.pen.pages - before);
    this.pen.newPage();
    drawEpdHeader(this.pen, epd, qr);
    drawPayerSection(this.pen, epd);
    drawPaymentSection(this.pen, epd);
    drawChargesSection(this.pen, epd);
    drawMetersSection(this.pen, epd);
    drawRecalculationsSection(this.pen, epd);
    return this.pen.pages - before;
  }

  /** Finishes the file: the PDF's bytes, or an empty buffer once the sink has them all. */
  async end(): Promise<Buffer> {
    this.pen.finish();
    this.doc.end();
    await this.done;
    return Buffer.concat(this.chunks);
  }
}

function footer(pen: EpdPen, epd: EpdDocument, page: number): void {
  pen.font('regular', 6.5);
  const note =
    epd.variant === 'public'
      ? 'Вариант без персональных данных плательщика.'
      : 'Содержит персональные данные плательщика.';
  pen.line(
    `Форма ЕПД по Приказу Минстроя России от 26.01.2018 № 43/пр. Лицевой счёт ${epd.accountNumber}, период ${epd.period}, лист ${page}. ${note}`,
    PAGE.margin,
    PAGE.height - PAGE.margin + 8,
    { width: CONTENT_WIDTH },
  );
}

/** One receipt's PDF. */
export async function renderEpdPdf(
  epd: EpdDocument,
  opts: Omit<EpdPdfOptions, 'sink'> = {},
): Promise<Buffer> {
  const pdf = new EpdPdf(epd, opts);
  pdf.add(epd);
  return pdf.end();
}
