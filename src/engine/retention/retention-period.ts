/** How long history is kept unless ZHKH_RETENTION (or `prune --older-than`) says otherwise. */
export const DEFAULT_RETENTION = '90d';

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/**
 * A retention period such as `90d`, `12w`, `36h` or `30m` in milliseconds; `off` (or `0`) keeps
 * everything (undefined). Throws a message naming the setting for anything else.
 */
export function parseRetention(value: string, setting = 'ZHKH_RETENTION'): number | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'off' || v === '0') return undefined;
  const m = /^(\d+)\s*([mhdw])$/.exec(v);
  if (!m) {
    throw new RangeError(
      `${setting}=${value}: give a period like 90d, 12w, 36h or 30m (m minutes, h hours, d days, w weeks), or off`,
    );
  }
  const ms = Number(m[1]) * UNITS[m[2]!]!;
  if (ms < UNITS.h!) throw new RangeError(`${setting}=${value}: keep at least an hour of history`);
  return ms;
}
