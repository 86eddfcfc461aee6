/**
 * What `zhkh-bridge export` writes, by the name a billing asks for: each export kind reads one
 * inbox kind (the ones every connector puts there, `src/domain/model/inbound.ts`).
 */
export const EXPORT_KINDS = {
  readings: 'reading',
  payments: 'payment',
  tickets: 'ticket',
  registrations: 'registration_request',
} as const;

export type ExportKind = keyof typeof EXPORT_KINDS;

export const exportKindNames = Object.keys(EXPORT_KINDS) as ExportKind[];

export function isExportKind(name: string): name is ExportKind {
  return Object.hasOwn(EXPORT_KINDS, name);
}

export type ExportFormat = 'csv' | 'ndjson';
export type ExportEncoding = 'windows-1251' | 'utf-8';
