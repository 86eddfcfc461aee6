import { RATE } from './demo-rates.js';
import { DEMO_SERVICES } from './demo-services.js';

/**
 * The tariffs of the demo catalogue: per-unit tariffs of the управляющая компания (priced from RATE, so
 * that the catalogue and the receipt lines agree) and the packages is74 contracts refer to.
 */

export interface TariffDef {
  id: string;
  name: string;
  serviceId?: string;
  rate?: number;
  cost?: number;
  measure?: string;
  options?: { category?: string; name: string; value: string }[];
}

const PER_UNIT_TARIFFS: readonly TariffDef[] = [
  ...DEMO_SERVICES.filter((s) => s.id !== 'el' && s.measure !== 'кв.').map(
    (s): TariffDef => ({
      id: `t-${s.id}`,
      name: s.name,
      serviceId: s.id,
      rate: RATE[s.id as keyof typeof RATE],
      measure: s.measure,
    }),
  ),
  { id: 't-el', name: 'Электроснабжение, одноставочный', serviceId: 'el', rate: RATE.el, measure: 'кВт·ч' },
  {
    id: 't-el-day',
    name: 'Электроснабжение, дневная зона (T1)',
    serviceId: 'el',
    rate: RATE.elDay,
    measure: 'кВт·ч',
  },
  {
    id: 't-el-night',
    name: 'Электроснабжение, ночная зона (T2)',
    serviceId: 'el',
    rate: RATE.elNight,
    measure: 'кВт·ч',
  },
  {
    id: 't-domofon',
    name: 'Обслуживание домофона',
    serviceId: 'domofon',
    cost: RATE.domofon,
    measure: 'кв.',
  },
  { id: 't-antenna', name: 'Коллективная антенна', serviceId: 'antenna', cost: RATE.antenna, measure: 'кв.' },
  { id: 't-video', name: 'Видеонаблюдение', serviceId: 'video', cost: RATE.video, measure: 'кв.' },
];

/**
 * Packages sold by is74 (Интерсвязь): the tariffs is74 contracts refer to. Money inside is74 option
 * values is in kopecks, as is74 itself transmits it (a -100 ₽ blocking threshold is "-10000").
 */
const IS74_TARIFFS: readonly TariffDef[] = [
  {
    id: 'is74-domofon',
    name: 'Домофония',
    serviceId: 'domofon',
    cost: 6500,
    options: [{ category: 'Блокировка', name: 'Порог блокировки', value: '-10000' }],
  },
  {
    id: 'is74-video',
    name: 'Видеонаблюдение',
    serviceId: 'video',
    cost: 9000,
    options: [{ category: 'Блокировка', name: 'Порог блокировки', value: '-10000' }],
  },
  {
    id: 'is74-kosmos',
    name: 'Космос',
    cost: 65000,
    options: [
      { category: 'Состав', name: 'Услуги', value: 'Домофония, интернет 500 Мбит/с, видеонаблюдение' },
    ],
  },
  {
    id: 'is74-snezhny',
    name: 'Снежный',
    options: [{ category: 'Состав', name: 'Услуги', value: 'Домофония' }],
  },
];

/** Every tariff, in the order they are emitted. */
export const DEMO_TARIFFS: readonly TariffDef[] = [...PER_UNIT_TARIFFS, ...IS74_TARIFFS];
