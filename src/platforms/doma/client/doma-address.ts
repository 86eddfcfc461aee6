import type { PremiseType } from '../../../domain/model/premise.js';
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

/** How the unit is written after the house in an address line (seed 000: "…, дом № 14, М/м 706"). */
const UNIT_PREFIX: Readonly<Record<PremiseType, string>> = {
  flat: 'кв.',
  apartment: 'апарт.',
  parking: 'м/м',
  storage: 'кладовая',
  commercial: 'пом.',
  other: 'пом.',
};

export function domaUnitType(type: PremiseType): string | undefined {
  return UNIT_TYPE[type];
}

/** The address "with the unit" a receipt carries (seed 000 §"Интеграция через АПИ": `address`). */
export function domaAddress(place: Place): string {
  return `${place.house.address}, ${UNIT_PREFIX[place.premise.type]} ${place.premise.number}`;
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
