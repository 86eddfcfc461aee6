import type { Household } from './household.js';
import type { Resource } from './metered-resources.js';
import type { HouseState } from './plan-house.js';

export interface MeterCalc {
  resource: Resource;
  /** Current-month consumption, scaled (water 10⁻³ м³, electricity 1 кВт·ч, heat 10⁻⁴ Гкал). */
  consumption: number;
  /** Night-zone consumption for a 2-tariff electricity meter. */
  consumption2?: number;
}

/**
 * A flat's consumption this month and the meters that measured it. The totals also bill the flat:
 * resources without a meter are charged by norm, so the receipt needs them as well as the meters.
 */
export interface MeterPlan {
  meters: MeterCalc[];
  /** Cold-water meters (1 or 2); with two, the second one is in the kitchen. */
  hvsCount: number;
  hvsTotal: number;
  gvsTotal: number;
  /** Electricity in кВт·ч, by meter or, without one, by norm. */
  elVolume: number;
  elNight: number;
  elTwo: boolean;
  hasHeat: boolean;
  /** Heat in 10⁻⁴ Гкал when the flat has a heat meter. */
  heatVolume: number;
}

export function planMeters(house: HouseState, hh: Household, area10: number): MeterPlan {
  const rng = house.rng;
  // An empty flat still uses a little: as if a third of a person lived there.
  const eff = hh.residents > 0 ? hh.residents : 0.3;
  const hvsCount = rng.chance(0.45) ? 2 : 1;
  const gvsCount = hvsCount === 2 && rng.chance(0.9) ? 2 : 1;
  const hasEl = rng.chance(0.9);
  const elTwo = hasEl && rng.chance(0.3);
  const hasHeat = house.heatMeters && rng.chance(0.85);
  const hvsTotal = Math.round(eff * rng.int(2500, 4500));
  const gvsTotal = Math.round(eff * rng.int(1500, 3200));
  const meters: MeterCalc[] = [];
  const split = (total: number, n: number): number[] => {
    if (n === 1) return [total];
    const first = Math.round((total * rng.int(55, 75)) / 100);
    return [first, total - first];
  };
  for (const c of split(hvsTotal, hvsCount)) meters.push({ resource: 'cold_water', consumption: c });
  for (const c of split(gvsTotal, gvsCount)) meters.push({ resource: 'hot_water', consumption: c });
  let elVolume = 0;
  let elNight = 0;
  if (hasEl) {
    elVolume = 40 + Math.round(eff * rng.int(50, 110));
    if (elTwo) {
      elNight = Math.round((elVolume * rng.int(22, 35)) / 100);
      meters.push({ resource: 'electricity', consumption: elVolume - elNight, consumption2: elNight });
    } else {
      meters.push({ resource: 'electricity', consumption: elVolume });
    }
  } else {
    elVolume = 60 + 70 * Math.max(1, hh.residents); // by norm
  }
  let heatVolume = 0;
  if (hasHeat) {
    heatVolume = Math.round((area10 * rng.int(9000, 17000)) / 1000); // 10⁻⁴ Гкал
    meters.push({ resource: 'heat', consumption: heatVolume });
  }
  return { meters, hvsCount, hvsTotal, gvsTotal, elVolume, elNight, elTwo, hasHeat, heatVolume };
}
