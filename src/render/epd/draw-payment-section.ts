import { categoryTitle } from '../../domain/epd/category-title.js';
import type { EpdDocument } from '../../domain/epd/epd-document.js';
import { drawTable } from './draw-table.js';
import { rubles, rublesOrDash } from './epd-format.js';
import type { EpdPen } from './epd-page.js';
import { sectionTitle } from './section-title.js';

/** Section 2: whom to pay and how much, with «Справочно»: debt or advance, paid, penalty, total. */
export function drawPaymentSection(pen: EpdPen, doc: EpdDocument): void {
  sectionTitle(pen, 'Раздел 2. Информация для внесения платы получателю платежа', 60);
  const r = doc.recipient;
  const s = doc.summary;
  drawTable(
    pen,
    [
      { title: 'Получатель платежа', width: 128 },
      { title: 'Банковский счёт и банковские реквизиты', width: 195 },
      { title: 'Лицевой счёт', width: 60, align: 'center' },
      { title: 'Вид услуги', width: 94 },
      { title: 'Сумма к оплате, руб.', width: 62, align: 'right' },
    ],
    [
      {
        cells: [
          `${r.name ?? ''}, ИНН ${r.inn}${r.kpp ? `, КПП ${r.kpp}` : ''}`,
          `р/с ${r.account} в ${r.bankName ?? ''}, БИК ${r.bik}, к/с ${r.corrAccount ?? ''}`,
          doc.accountNumber,
          categoryTitle(doc.category),
          rubles(Math.max(s.toPay, 0)),
        ],
      },
    ],
  );
  pen.y += 4;
  const balance = s.balance ?? 0;
  drawTable(
    pen,
    [
      { title: 'Справочно: задолженность за предыдущие периоды', width: 115, align: 'right' },
      { title: 'Аванс на начало расчётного периода', width: 100, align: 'right' },
      { title: 'Начислено за период', width: 80, align: 'right' },
      { title: 'Оплачено в периоде', width: 80, align: 'right' },
      { title: 'Пени', width: 70, align: 'right' },
      { title: 'Итого к оплате', width: 94, align: 'right' },
    ],
    [
      {
        cells: [
          rublesOrDash(balance > 0 ? balance : 0),
          rublesOrDash(balance < 0 ? -balance : 0),
          rubles(s.charge - s.privilege + s.recalculation),
          rublesOrDash(s.paid),
          rublesOrDash(s.penalty),
          rubles(s.toPay),
        ],
        bold: true,
      },
    ],
  );
}
