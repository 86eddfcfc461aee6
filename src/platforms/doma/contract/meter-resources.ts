/**
 * Meter resource ids — constants of the platform (ids from `reference/doma/meter-resources.json`, which
 * cites condo's meter constants; the first five are listed in seed 000 §"Поле meterResource").
 */
export const DomaMeterResource = {
  coldWater: 'e2bd70ac-0630-11ec-9a03-0242ac130003',
  hotWater: '0f54223c-0631-11ec-9a03-0242ac130003',
  electricity: '139a0d98-0631-11ec-9a03-0242ac130003',
  heatSupply: '18555734-0631-11ec-9a03-0242ac130003',
  gasSupply: '1c267e92-0631-11ec-9a03-0242ac130003',
  coldAir: '4cb94217-14cb-4897-8b8f-891b781a1896',
  drainage: 'ffc3f0c3-5044-4093-93ce-d7e92176dfe2',
} as const;
export type DomaMeterResourceKey = keyof typeof DomaMeterResource;

/** Russian name and measure of each resource, as the platform shows them. */
export const domaMeterResourceInfo: Readonly<Record<string, { name: string; measure: string }>> = {
  [DomaMeterResource.coldWater]: { name: 'Холодная вода', measure: 'м³' },
  [DomaMeterResource.hotWater]: { name: 'Горячая вода', measure: 'м³' },
  [DomaMeterResource.electricity]: { name: 'Электроэнергия', measure: 'кВт⋅ч' },
  [DomaMeterResource.heatSupply]: { name: 'Теплоснабжение', measure: 'Гкал' },
  [DomaMeterResource.gasSupply]: { name: 'Газоснабжение', measure: 'м³' },
  [DomaMeterResource.coldAir]: { name: 'Холодоснабжение', measure: 'Гкал' },
  [DomaMeterResource.drainage]: { name: 'ЖБО', measure: 'м³' },
};
