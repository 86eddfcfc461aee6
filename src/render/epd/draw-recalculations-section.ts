import type { EpdDocument } from '../../domain/epd/epd-document.js';
import { drawTable } from './draw-table.js';
import { rubles } from './epd-format.js';
import { type EpdPen, PAGE } from './epd-page.js';
import { sectionTitle } from './section-title.js';

/** Section 5: every recalculation with its ground (+ adds to the charge, − takes off). */
export function drawRecalculationsSection(pen: EpdPen, doc: EpdDocument): void {
  sectionTitle(pen, 'Раздел 5. Сведения о перерасчётах (доначисления +, уменьшения −)', 24);
  const recalculated = doc.lines.filter((l) => l.recalculation !== 0);
  if (recalculated.length === 0) {
    pen.font('regular', 7.5);
    pen.line('Перерасчётов в расчётном периоде не производилось.', PAGE.margin, pen.y + 2);
    pen.y += 12;
    return;
  }
  drawTable(
    pen,
    [
      { title: 'Вид услуги', width: 200 },
      { title: 'Основание перерасчёта', width: 259 },
      { title: 'Сумма, руб.', width: 80, align: 'right' },
    ],
    recalculated.map((l) => ({
      cells: [
        l.name,
        l.recalculationReason ?? 'не указано',
        `${l.recalculation > 0 ? '+' : ''}${rubles(l.recalculation)}`,
      ],
    })),
  );
}
