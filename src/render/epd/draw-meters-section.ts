import { subtractDecimal } from '../../domain/decimal.js';
import type { EpdDocument, EpdMeter } from '../../domain/epd/epd-document.js';
import type { MeterResource } from '../../domain/model/meter.js';
import { drawTable } from './draw-table.js';
import { dateText, decimalText } from './epd-format.js';
import { type EpdPen, PAGE } from './epd-page.js';
import { sectionTitle } from './section-title.js';

const RESOURCE: Readonly<Record<MeterResource, string>> = {
  cold_water: 'Холодное водоснабжение, м³',
  hot_water: 'Горячее водоснабжение, м³',
  electricity: 'Электроэнергия, кВт·ч',
  heat: 'Тепловая энергия, Гкал',
  gas: 'Газ, м³',
  cold_air: 'Холодоснабжение',
  drainage: 'Водоотведение, м³',
  other: 'Прочее',
};

/** Section 4 (reference): each meter's previous and current readings and the consumption between. */
export function drawMetersSection(pen: EpdPen, doc: EpdDocument): void {
  sectionTitle(pen, 'Раздел 4. Справочная информация: показания индивидуальных приборов учёта', 30);
  if (doc.meters.length === 0) {
    pen.font('regular', 7.5);
    pen.line('Индивидуальные приборы учёта по лицевому счёту не зарегистрированы.', PAGE.margin, pen.y + 2);
    pen.y += 12;
    return;
  }
  drawTable(
    pen,
    [
      { title: 'Коммунальный ресурс', width: 130 },
      { title: '№ прибора учёта', width: 70, align: 'center' },
      { title: 'Место установки', width: 80 },
      { title: 'Предыдущие показания', width: 86, align: 'right' },
      { title: 'Текущие показания', width: 86, align: 'right' },
      { title: 'Расход', width: 87, align: 'right' },
    ],
    doc.meters.map((m) => ({
      cells: [
        RESOURCE[m.resource],
        m.number,
        m.place ?? '',
        reading(m.previous),
        reading(m.current),
        consumption(m),
      ],
    })),
  );
}

function reading(r: EpdMeter['current']): string {
  return r ? `${r.values.map(decimalText).join(' / ')} (${dateText(r.date)})` : '—';
}

function consumption(m: EpdMeter): string {
  const { previous, current } = m;
  if (!previous || !current || previous.values.length !== current.values.length) return '—';
  return current.values.map((v, i) => decimalText(subtractDecimal(v, previous.values[i] ?? '0'))).join(' / ');
}
