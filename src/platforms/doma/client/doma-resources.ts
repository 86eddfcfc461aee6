import type { MeterResource } from '../../../domain/model/meter.js';

/** Canonical meter resources → Doma.ai MeterResource ids (meter-resources.json; seed 000 §"ИПУ"). */
const RESOURCE_IDS: Readonly<Record<MeterResource, string | undefined>> = {
  cold_water: 'e2bd70ac-0630-11ec-9a03-0242ac130003',
  hot_water: '0f54223c-0631-11ec-9a03-0242ac130003',
  electricity: '139a0d98-0631-11ec-9a03-0242ac130003',
  heat: '18555734-0631-11ec-9a03-0242ac130003',
  gas: '1c267e92-0631-11ec-9a03-0242ac130003',
  cold_air: '4cb94217-14cb-4897-8b8f-891b781a1896',
  drainage: 'ffc3f0c3-5044-4093-93ce-d7e92176dfe2',
  other: undefined,
};

export function domaResourceId(resource: MeterResource): string | undefined {
  return RESOURCE_IDS[resource];
}

/** The canonical resource of a Doma.ai resource id (for readings residents submit). */
export function resourceOfDomaId(id: string): MeterResource | undefined {
  return (Object.entries(RESOURCE_IDS) as Array<[MeterResource, string | undefined]>).find(
    ([, v]) => v === id,
  )?.[0];
}
