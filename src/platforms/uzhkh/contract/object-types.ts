/** seed 001 §"Возможные типы объектов (TypeObject)". Other values are tolerated (kept as sent). */
export const TYPE_OBJECTS = [
  'Квартира',
  'Апартаменты',
  'Кладовка',
  'Этажная кладовка',
  'Подвальная кладовка',
  'Офис',
  'Нежилое',
  'Паркинг',
  'Машиноместо',
  'Бокс в закрытом паркинге',
  'Бокс в открытом паркинге',
] as const;
export type TypeObject = (typeof TYPE_OBJECTS)[number];

/** seed 001 §"Возможные типы приборов учёта (CounterTypeIdentifier)", with how many values each has. */
export const COUNTER_TYPES = {
  WaterColdM3: 1,
  WaterHotM3: 1,
  Gas: 1,
  HeatingTotalGkal: 1,
  ElectricitySimpleKwh: 1,
  ElectricityTotalKwh: 2,
  'ElectricityTotalKwh-3': 3,
} as const;
export type CounterType = keyof typeof COUNTER_TYPES;

export function isKnownTypeObject(value: string): value is TypeObject {
  return (TYPE_OBJECTS as readonly string[]).includes(value);
}

export function isKnownCounterType(value: string): value is CounterType {
  return Object.hasOwn(COUNTER_TYPES, value);
}
