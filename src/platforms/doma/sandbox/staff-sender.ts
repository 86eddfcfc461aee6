/**
 * The sender of what the УК's staff do in the platform's CRM (and of the seed's objects): anything
 * but a billing connector's fingerprint, so a connector can tell staff's changes from its own.
 */
export const STAFF_SENDER = { dv: 1, fingerprint: 'condo-crm-staff' } as const;
