/** The services an управляющая компания bills for on a ЕПД, with the suppliers of the utilities. */

export interface ServiceDef {
  id: string;
  name: string;
  shortName: string;
  measure: string;
  provider?: string;
}

const WATER = 'МУП «Производственное объединение водоснабжения и водоотведения»';
const HEAT = 'АО «Городская теплосеть»';

export const DEMO_SERVICES: readonly ServiceDef[] = [
  { id: 'sod', name: 'Содержание жилого помещения', shortName: 'Содержание', measure: 'м²' },
  { id: 'hvs', name: 'Холодное водоснабжение', shortName: 'ХВС', measure: 'м³', provider: WATER },
  {
    id: 'gvs_tn',
    name: 'Горячее водоснабжение (теплоноситель)',
    shortName: 'ГВС: теплоноситель',
    measure: 'м³',
    provider: HEAT,
  },
  {
    id: 'gvs_te',
    name: 'Горячее водоснабжение (тепловая энергия)',
    shortName: 'ГВС: тепловая энергия',
    measure: 'Гкал',
    provider: HEAT,
  },
  { id: 'vo', name: 'Водоотведение', shortName: 'Водоотведение', measure: 'м³', provider: WATER },
  { id: 'otop', name: 'Отопление', shortName: 'Отопление', measure: 'Гкал', provider: HEAT },
  {
    id: 'el',
    name: 'Электроснабжение',
    shortName: 'Электроэнергия',
    measure: 'кВт·ч',
    provider: 'АО «Энергосбыт»',
  },
  {
    id: 'tko',
    name: 'Обращение с твёрдыми коммунальными отходами',
    shortName: 'Вывоз ТКО',
    measure: 'чел.',
    provider: 'Региональный оператор по обращению с ТКО',
  },
  {
    id: 'kapr',
    name: 'Взнос на капитальный ремонт',
    shortName: 'Капитальный ремонт',
    measure: 'м²',
    provider: 'Региональный оператор капитального ремонта',
  },
  { id: 'domofon', name: 'Обслуживание домофона', shortName: 'Домофон', measure: 'кв.' },
  { id: 'antenna', name: 'Коллективная телевизионная антенна', shortName: 'Антенна', measure: 'кв.' },
  { id: 'video', name: 'Видеонаблюдение', shortName: 'Видеонаблюдение', measure: 'кв.' },
  {
    id: 'hvs_soi',
    name: 'Холодная вода на содержание общего имущества',
    shortName: 'ХВС на СОИ',
    measure: 'м³',
  },
  {
    id: 'gvs_soi',
    name: 'Горячая вода на содержание общего имущества',
    shortName: 'ГВС на СОИ',
    measure: 'м³',
  },
  {
    id: 'el_soi',
    name: 'Электроэнергия на содержание общего имущества',
    shortName: 'Электроэнергия на СОИ',
    measure: 'кВт·ч',
  },
  {
    id: 'vo_soi',
    name: 'Водоотведение на содержание общего имущества',
    shortName: 'Водоотведение на СОИ',
    measure: 'м³',
  },
  { id: 'lift', name: 'Содержание и ремонт лифтов', shortName: 'Лифт', measure: 'м²' },
  { id: 'uborka', name: 'Уборка мест общего пользования', shortName: 'Уборка МОП', measure: 'м²' },
];

const SERVICE_BY_ID = new Map(DEMO_SERVICES.map((s) => [s.id, s]));

export function serviceName(id: string): string {
  return SERVICE_BY_ID.get(id)?.name ?? id;
}

export function serviceMeasure(id: string): string {
  return SERVICE_BY_ID.get(id)?.measure ?? '';
}
