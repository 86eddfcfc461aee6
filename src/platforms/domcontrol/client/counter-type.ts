import type { MeterResource } from '../../../domain/model/meter.js';

/** `type` of a counter (seed 002 §3's example: "ХВС"), by canonical resource. */
export const COUNTER_TYPE: Record<MeterResource, string> = {
  cold_water: 'ХВС',
  hot_water: 'ГВС',
  electricity: 'Электроэнергия',
  heat: 'Отопление',
  gas: 'Газ',
  cold_air: 'Холодоснабжение',
  drainage: 'Водоотведение',
  other: 'Прочее',
};
