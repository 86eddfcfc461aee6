import type { PremiseType } from '../../../domain/model/premise.js';
import { premiseAddress } from '../../../domain/premise-address.js';
import type { Place } from './load-places.js';

/** Doma.ai unit types (NOTES.md "registerMetersReadings": flat | apartment | parking | commercial | warehouse). */
const UNIT_TYPE: Readonly<Record<PremiseType, string | undefined>> = {
  flat: 'flat',
  apartment: 'apartment',
  parking: 'parking',
  storage: 'warehouse',
  commercial: 'commercial',
  other: undefined,
};

export function domaUnitType(type: PremiseType): string | undefined {
  return UNIT_TYPE[type];
}

/** The address "with the unit" a receipt carries (seed 000 §"Интеграция через АПИ": `address`). */
export function domaAddress(place: Place): string {
  return premiseAddress(place.house, place.premise);
}

/**
 * `addressMeta` / `addressInfo`: the house's ФИАС GUID, the unit's name and type — only the fields
 * we have, never null (NOTES.md: a null in addressInfo crashes registerMetersReadings).
 */
export function domaAddressInfo(place: Place): { globalId?: string; unitName: string; unitType?: string } {
  const unitType = domaUnitType(place.premise.type);
  return {
    ...(place.house.fiasGuid ? { globalId: place.house.fiasGuid } : {}),
    unitName: place.premise.number,
    ...(unitType ? { unitType } : {}),
  };
}
