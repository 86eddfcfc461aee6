/** The resources a flat's meters measure, and what the meter records need to know about each. */

export const RESOURCE_SERVICE = {
  cold_water: 'hvs',
  hot_water: 'gvs_tn',
  electricity: 'el',
  heat: 'otop',
} as const;
export type Resource = keyof typeof RESOURCE_SERVICE;

/** Interval between verifications (межповерочный интервал), years. */
export const VERIFICATION_YEARS: Record<Resource, number> = {
  cold_water: 6,
  hot_water: 6,
  electricity: 16,
  heat: 4,
};

/** Decimal places of each resource's consumption (see MeterCalc). */
export const RESOURCE_SCALE: Record<Resource, number> = {
  cold_water: 3,
  hot_water: 3,
  electricity: 0,
  heat: 4,
};
