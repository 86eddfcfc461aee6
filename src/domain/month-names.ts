/** Russian month names in the nominative, as they read in "Начисление за октябрь 2026". */
export const MONTH_NAMES: readonly string[] = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];
