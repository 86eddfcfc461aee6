/**
 * The permissions a service can carry in the resident's app (seed 004 §"Управление разрешениями и
 * блокировками пользователей" lists them on its figures): intercom calls and opening, live video and
 * archives of the intercom and cameras, call and event logs, access codes.
 */
export const PERMISSIONS = [
  'video_call',
  'open_from_call',
  'open_from_intercom_screen',
  'open_from_app',
  'intercom_live',
  'intercom_archive',
  'call_log',
  'cameras',
  'camera_live',
  'camera_archive',
  'access_codes',
  'event_log',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(p: unknown): p is Permission {
  return typeof p === 'string' && (PERMISSIONS as readonly string[]).includes(p);
}
