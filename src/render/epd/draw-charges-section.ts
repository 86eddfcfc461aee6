import type { EpdDocument } from '../../domain/epd/epd-document.js';
import { drawTable } from './draw-table.js';
import { decimalText, rubles, rublesOrDash } from './epd-format.js';
import type { EpdPen } from './epd-page.js';
import { sectionTitle } from './section-title.js';

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Section 3: a row per service — unit, volume, tariff, charge, recalculation, privilege, total. */
export function drawChargesSection(pen: EpdPen, doc: EpdDocument): void {
  sectionTitle(
    pen,
    'Раздел 3. Расчёт размера платы за содержание и ремонт жилого помещения и коммунальные услуги',
    40,
  );
  const lines = doc.lines;
  drawTable(
    pen,
    [
      { title: 'Виды услуг', width: 171 },
      { title: 'Ед. изм.', width: 38, align: 'center' },
      { title: 'Объём услуг', width: 50, align: 'right' },
      { title: 'Тариф, руб./ед.', width: 50, align: 'right' },
      { title: 'Начислено по тарифу, руб.', width: 60, align: 'right' },
      { title: 'Перерасчёты, руб.', width: 54, align: 'right' },
      { title: 'Льготы, субсидии, руб.', width: 54, align: 'right' },
      { title: 'Итого к оплате, руб.', width: 62, align: 'right' },
    ],
    [
      ...lines.map((l) => ({
        cells: [
          l.name,
          l.measure ?? '',
          decimalText(l.volume),
          decimalText(l.tariff),
          rubles(l.charge),
          rublesOrDash(l.recalculation),
          rublesOrDash(l.privilege),
          rubles(l.toPay),
        ],
      })),
      {
        cells: [
          'Всего за расчётный период',
          '',
          '',
          '',
          rubles(sum(lines.map((l) => l.charge))),
          rublesOrDash(sum(lines.map((l) => l.recalculation))),
          rublesOrDash(sum(lines.map((l) => l.privilege))),
          rubles(sum(lines.map((l) => l.toPay))),
        ],
        bold: true,
      },
    ],
  );
}
