import { categoryTitle } from '../../domain/epd/category-title.js';
import type { EpdDocument } from '../../domain/epd/epd-document.js';
import type { GostQr } from '../../domain/epd/gost-qr.js';
import { MONTH_NAMES } from '../../domain/month-names.js';
import { drawQr } from './draw-qr.js';
import { dateText, rubles } from './epd-format.js';
import { CONTENT_WIDTH, type EpdPen, INK, PAGE } from './epd-page.js';

const QR_SIZE = 112;

/** The title block with the amount due and, at the top right, the payment QR (43/пр: QR top right). */
export function drawEpdHeader(pen: EpdPen, doc: EpdDocument, qr: GostQr): void {
  const top = pen.y;
  const left = PAGE.margin;
  const qrX = PAGE.margin + CONTENT_WIDTH - QR_SIZE;
  const textWidth = CONTENT_WIDTH - QR_SIZE - 14;
  const month = MONTH_NAMES[Number(doc.period.slice(5, 7)) - 1] ?? '';

  pen.font('bold', 14);
  pen.line('ЕДИНЫЙ ПЛАТЁЖНЫЙ ДОКУМЕНТ', left, top);
  pen.font('regular', 7.5);
  pen.line(
    'для внесения платы за содержание и ремонт жилого помещения и предоставление коммунальных услуг',
    left,
    top + 18,
    { width: textWidth },
  );
  pen.font('bold', 11);
  pen.line(`за ${month} ${doc.period.slice(0, 4)} г.`, left, top + 32);
  pen.font('regular', 8);
  pen.line(`Вид платежа: ${categoryTitle(doc.category)}`, left, top + 47);
  pen.line(
    `Лицевой счёт: ${doc.accountNumber}${doc.payer.els ? `     ЕЛС: ${doc.payer.els}` : ''}`,
    left,
    top + 58,
  );

  // The amount due, framed: what a resident looks for first.
  const boxY = top + 74;
  pen.rect(left, boxY, 250, 30);
  pen.strokePath(1.2, INK);
  pen.font('regular', 7.5);
  pen.line(`Итого к оплате за ${month} ${doc.period.slice(0, 4)} г.`, left + 6, boxY + 4);
  pen.font('bold', 13);
  pen.line(`${rubles(Math.max(doc.summary.toPay, 0))} руб.`, left + 6, boxY + 14);
  pen.font('regular', 7.5);
  pen.line('Оплатить до', left + 262, boxY + 4);
  pen.font('bold', 11);
  pen.line(dateText(doc.dueDate), left + 262, boxY + 15);

  drawQr(pen, qr.bytes, qrX, top, QR_SIZE);
  pen.font('regular', 6.5);
  pen.line('Оплата по QR-коду (ГОСТ Р 56042-2014)', qrX - 10, top + QR_SIZE + 2, {
    width: QR_SIZE + 10,
    align: 'right',
  });
  pen.y = Math.max(boxY + 30, top + QR_SIZE + 10);
}
