/**
 * Meter reading source ids (from `reference/doma/meter-reading-sources.json`). Readings we send carry
 * no source, so the platform records OTHER; residents' readings come from the app, the web or a call.
 */
export const DomaReadingSource = {
  call: { id: '61764f14-0630-11ec-9a03-0242ac130003', type: 'call' },
  mobileApp: { id: '694014c8-0630-11ec-9a03-0242ac130003', type: 'mobile_app' },
  importCondo: { id: 'b0caa26a-bfba-41e3-a9fe-64d7f02f0650', type: 'import_condo' },
  email: { id: 'ae17162e-d24f-4bf0-9828-e7bc368f32e8', type: 'email' },
  remoteSystem: { id: '681c2687-7423-47aa-8e61-4ccdfffa8470', type: 'remote_system' },
  other: { id: '1e56f2a6-c90e-429c-a99b-8324e896722c', type: 'other' },
  visit: { id: '4a727d8a-b698-4848-88d7-639f2a6bf036', type: 'visit' },
  webApp: { id: '7f3142a5-7f02-4a18-b9a1-7a93b7143005', type: 'web_app' },
  organizationSite: { id: 'f52af431-0b52-4fe1-95dd-60c3d45b9ae0', type: 'organization_site' },
  messenger: { id: 'e5f3d3d3-abc2-48a8-99e8-33ade60ea205', type: 'messenger' },
  socialNetwork: { id: 'e07c307f-1c7a-4da6-87b9-1c03a990a19d', type: 'social_network' },
  mobileAppStaff: { id: '43c9fd8e-802f-4e8a-98b9-532596d7f8c1', type: 'mobile_app_staff' },
  crm: { id: 'b09fec04-5bc2-4c58-a364-04b1ea505503', type: 'crm' },
  externalIntegration: { id: '3450106c-2613-49e8-8d97-b3adf5edd189', type: 'external_integration' },
} as const;
export type DomaReadingSourceKey = keyof typeof DomaReadingSource;
