import { CronExpressionParser } from 'cron-parser';
import { SyncSettings, splitSettings } from './sync-settings.js';

/**
 * Seconds between the next two firings of a connection's schedule (cron, UTC) — "one schedule" for
 * alerts and the unreachable warning. Undefined without a schedule or when it cannot be read. For
 * an irregular cron (`0 3 * * 1-5`) this is the coming gap, which is what a missed run is judged by.
 */
export function scheduleIntervalSeconds(
  settings: Record<string, unknown>,
  now: Date = new Date(),
): number | undefined {
  const parsed = SyncSettings.safeParse(splitSettings(settings).sync);
  const cron = parsed.success ? parsed.data.schedule : undefined;
  if (!cron) return undefined;
  try {
    const it = CronExpressionParser.parse(cron, { tz: 'UTC', currentDate: now });
    const first = it.next().getTime();
    return (it.next().getTime() - first) / 1000;
  } catch {
    return undefined;
  }
}
