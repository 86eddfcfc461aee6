import { dec, rub } from './demo-format.js';
import { RATE } from './demo-rates.js';
import { serviceMeasure, serviceName } from './demo-services.js';
import type { Household } from './household.js';
import type { HouseState } from './plan-house.js';
import type { MeterPlan } from './plan-meters.js';

/** One receipt line, money in kopecks until the receipt is formatted. */
export interface LineCalc {
  serviceId: string;
  name: string;
  charge: number;
  privilege: number;
  recalculation: number;
  toPay: number;
  volume: string;
  tariff: string;
  measure: string;
}

/** The line totals a receipt and its ledger are built from, in kopecks. */
export interface ReceiptLines {
  lines: LineCalc[];
  /** Σ line charges. */
  charge: number;
  /** Σ line toPay: the charges less privileges, with recalculations. */
  netCharge: number;
  privilegeTotal: number;
  recalcTotal: number;
}

/** Services a льгота (ветеран труда, инвалид…) reduces. */
const PRIVILEGE_SERVICES = new Set(['sod', 'kapr', 'otop', 'hvs', 'gvs_tn', 'gvs_te', 'vo', 'el']);

function line(
  serviceId: string,
  volumeScaled: number,
  scale: number,
  tariffKop: number,
  name?: string,
): LineCalc {
  const charge = Math.round((volumeScaled * tariffKop) / 10 ** scale);
  return {
    serviceId,
    name: name ?? serviceName(serviceId),
    charge,
    privilege: 0,
    recalculation: 0,
    toPay: charge,
    volume: dec(volumeScaled, scale),
    tariff: rub(tariffKop),
    measure: serviceMeasure(serviceId),
  };
}

/**
 * The ЕПД lines of one flat for the period: metered utilities by the meters' totals, heating by meter or
 * by the house's norm, common-property (СОИ) shares by area, and the optional services the flat has.
 */
export function receiptLines(
  house: HouseState,
  hh: Household,
  area10: number,
  plan: MeterPlan,
): ReceiptLines {
  const rng = house.rng;
  const { hvsTotal, gvsTotal, hasHeat, heatVolume, elTwo, elVolume, elNight } = plan;
  const lines: LineCalc[] = [];
  lines.push(line('sod', area10, 1, RATE.sod));
  lines.push(line('hvs', hvsTotal, 3, RATE.hvs));
  lines.push(line('gvs_tn', gvsTotal, 3, RATE.gvs_tn));
  // Heat for hot water: 0.0588 Гкал per м³, volume in 10⁻⁵ Гкал.
  lines.push(line('gvs_te', Math.round((gvsTotal * 588) / 100), 5, RATE.gvs_te));
  lines.push(line('vo', hvsTotal + gvsTotal, 3, RATE.vo));
  lines.push(
    line('otop', hasHeat ? heatVolume : Math.round((area10 * house.heatNorm6) / 1000), 4, RATE.otop),
  );
  if (elTwo) {
    lines.push(line('el', elVolume - elNight, 0, RATE.elDay, 'Электроснабжение (день)'));
    lines.push(line('el', elNight, 0, RATE.elNight, 'Электроснабжение (ночь)'));
  } else {
    lines.push(line('el', elVolume, 0, RATE.el));
  }
  lines.push(line('tko', Math.max(1, hh.residents), 0, RATE.tko));
  lines.push(line('kapr', area10, 1, RATE.kapr));
  const hvsSoi = Math.round((area10 * house.hvsSoi6) / 1000); // 10⁻⁴ м³
  const gvsSoi = Math.round((area10 * house.gvsSoi6) / 1000);
  lines.push(line('hvs_soi', hvsSoi, 4, RATE.hvs_soi));
  lines.push(line('gvs_soi', gvsSoi, 4, RATE.gvs_soi));
  lines.push(line('el_soi', Math.round((area10 * house.elSoi3) / 100), 2, RATE.el_soi));
  lines.push(line('vo_soi', hvsSoi + gvsSoi, 4, RATE.vo_soi));
  if (house.hasLift) lines.push(line('lift', area10, 1, RATE.lift));
  lines.push(line('uborka', area10, 1, RATE.uborka));
  if (rng.chance(house.domofonShare)) lines.push(line('domofon', 1, 0, RATE.domofon));
  if (rng.chance(house.antennaShare)) lines.push(line('antenna', 1, 0, RATE.antenna));
  if (rng.chance(house.videoShare)) lines.push(line('video', 1, 0, RATE.video));

  // Льготы (ветераны труда, инвалиды…) and occasional recalculations.
  if (rng.chance(0.12)) {
    const rate = rng.pick([30, 50, 50, 100]);
    for (const l of lines) {
      if (PRIVILEGE_SERVICES.has(l.serviceId)) l.privilege = Math.round((l.charge * rate) / 100);
    }
  }
  if (rng.chance(0.07)) {
    const count = rng.int(1, 2);
    for (let k = 0; k < count; k++) {
      const l = rng.pick(lines);
      const pct = rng.int(5, 20);
      const amount = Math.round((l.charge * pct) / 100);
      l.recalculation += rng.chance(0.75) ? -amount : amount;
    }
  }
  let charge = 0;
  let netCharge = 0;
  let privilegeTotal = 0;
  let recalcTotal = 0;
  for (const l of lines) {
    l.toPay = l.charge - l.privilege + l.recalculation;
    charge += l.charge;
    netCharge += l.toPay;
    privilegeTotal += l.privilege;
    recalcTotal += l.recalculation;
  }
  return { lines, charge, netCharge, privilegeTotal, recalcTotal };
}
