import type { MeterResource } from '../../../domain/model/meter.js';
import { DomaMeterResource } from '../contract/meter-resources.js';

/** Canonical meter resources → Doma.ai MeterResource ids (seed 000 §"Поле meterResource"). */
const RESOURCE_IDS: Readonly<Record<MeterResource, string | undefined>> = {
  cold_water: DomaMeterResource.coldWater,
  hot_water: DomaMeterResource.hotWater,
  electricity: DomaMeterResource.electricity,
  heat: DomaMeterResource.heatSupply,
  gas: DomaMeterResource.gasSupply,
  cold_air: DomaMeterResource.coldAir,
  drainage: DomaMeterResource.drainage,
  other: undefined,
};

export function domaResourceId(resource: MeterResource): string | undefined {
  return RESOURCE_IDS[resource];
}

/** A Doma.ai MeterResource id → our canonical resource (`other` for one we do not map). */
export function canonicalResource(id: string | undefined): MeterResource {
  const found = Object.entries(RESOURCE_IDS).find(([, v]) => v !== undefined && v === id);
  return (found?.[0] as MeterResource | undefined) ?? 'other';
}
