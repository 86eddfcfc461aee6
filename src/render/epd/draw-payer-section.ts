import type { EpdDocument } from '../../domain/epd/epd-document.js';
import { linesOf } from './draw-table.js';
import { decimalText } from './epd-format.js';
import { CONTENT_WIDTH, type EpdPen, PAGE } from './epd-page.js';
import { sectionTitle } from './section-title.js';

const LABEL = 68;
const LINE = 9.2;

/** Section 1: the payer (whoever the variant may name) and the executor of the services. */
export function drawPayerSection(pen: EpdPen, doc: EpdDocument): void {
  sectionTitle(pen, 'Раздел 1. Сведения о плательщике и исполнителе услуг', 50);
  const half = CONTENT_WIDTH / 2 - 6;
  const p = doc.payer;
  const r = doc.recipient;
  const payer: Array<[string, string | undefined]> = [
    [
      'Плательщик',
      doc.variant === 'public' ? 'не указывается (вариант без персональных данных)' : p.fullName,
    ],
    ['Адрес', p.address],
    ['Лицевой счёт', doc.accountNumber],
    ['ЕЛС', p.els],
    ['Площадь', p.area ? `${decimalText(p.area)} м²` : undefined],
    ['Проживает', p.residentsCount !== undefined ? `${p.residentsCount} чел.` : undefined],
  ];
  const executor: Array<[string, string | undefined]> = [
    ['Исполнитель', r.name],
    ['ИНН / КПП', r.kpp ? `${r.inn} / ${r.kpp}` : r.inn],
    ['Телефон', r.phone],
    ['Эл. почта', r.email],
  ];
  const top = pen.y;
  const a = column(pen, payer, PAGE.margin, top, half);
  const b = column(pen, executor, PAGE.margin + half + 12, top, half);
  pen.y = Math.max(a, b);
}

function column(
  pen: EpdPen,
  rows: Array<[string, string | undefined]>,
  x: number,
  top: number,
  width: number,
): number {
  let y = top;
  for (const [label, value] of rows) {
    if (!value) continue;
    pen.font('regular', 7.5);
    pen.line(`${label}:`, x, y);
    pen.font('bold', 7.5);
    const lines = linesOf(pen, value, width - LABEL);
    lines.forEach((text, i) => {
      pen.line(text, x + LABEL, y + i * LINE);
    });
    y += lines.length * LINE;
  }
  return y;
}
