import { createHash } from 'node:crypto';
import type { PreparedRecord } from '../store/record-store.js';

/** Services a управляющая компания bills, with their short names and units of measure. */
const SERVICES: ReadonlyArray<readonly [name: string, shortName: string, measure: string]> = [
  ['Отопление', 'ОТП', 'Гкал'],
  ['Холодное водоснабжение', 'ХВС', 'м³'],
  ['Горячее водоснабжение (теплоноситель)', 'ГВС-ТН', 'м³'],
  ['Горячее водоснабжение (тепловая энергия)', 'ГВС-ТЭ', 'Гкал'],
  ['Водоотведение', 'ВО', 'м³'],
  ['Электроснабжение, дневной тариф', 'ЭЭ-день', 'кВт·ч'],
  ['Электроснабжение, ночной тариф', 'ЭЭ-ночь', 'кВт·ч'],
  ['Содержание и текущий ремонт общего имущества', 'Содержание', 'м²'],
  ['Взнос на капитальный ремонт', 'Капремонт', 'м²'],
  ['Обращение с твёрдыми коммунальными отходами', 'ТКО', 'чел.'],
  ['Холодная вода на содержание общего имущества', 'ХВС ОДН', 'м³'],
  ['Электроэнергия на содержание общего имущества', 'ЭЭ ОДН', 'кВт·ч'],
  ['Обслуживание лифтового хозяйства', 'Лифт', 'м²'],
  ['Домофон и запирающее устройство', 'Домофон', 'кв.'],
  ['Газоснабжение', 'Газ', 'м³'],
];

/** The benchmark's canonical `service` records: `svc-0000001`… with realistic Russian text. */
export function benchServices(n: number): PreparedRecord[] {
  const width = Math.max(7, String(n).length);
  const records: PreparedRecord[] = [];
  for (let i = 0; i < n; i++) {
    const [name, shortName, measure] = SERVICES[i % SERVICES.length]!;
    const house = Math.floor(i / SERVICES.length) + 1;
    const id = `svc-${String(i + 1).padStart(width, '0')}`;
    const json = JSON.stringify({
      id,
      name: `${name}, дом № ${house} по ул. Ленина`,
      shortName,
      measure,
    });
    records.push({ key: id, json, hash: createHash('sha256').update(json).digest('hex') });
  }
  return records;
}
