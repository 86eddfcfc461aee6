import type { Meter } from '../model/meter.js';
import type { Reading } from '../model/reading.js';
import { nextPeriod, periodFirstDay } from '../period.js';
import type { EpdMeter } from './epd-document.js';

/**
 * Section 4 rows: each meter in service during the period with its two latest readings dated up to
 * the period's last day (current and previous), in the billing's meter order.
 */
export function epdMeters(
  period: string,
  meters: readonly Meter[],
  readings: readonly Reading[],
): EpdMeter[] {
  const start = periodFirstDay(period);
  const end = periodFirstDay(nextPeriod(period)); // exclusive
  const byMeter = new Map<string, Reading[]>();
  for (const r of readings) {
    if (r.date >= end) continue;
    const list = byMeter.get(r.meterId) ?? [];
    list.push(r);
    byMeter.set(r.meterId, list);
  }
  return meters
    .filter((m) => m.archiveDate === undefined || m.archiveDate >= start)
    .map((m) => {
      const [current, previous] = (byMeter.get(m.id) ?? []).sort((a, b) => (a.date < b.date ? 1 : -1));
      return {
        resource: m.resource,
        number: m.number,
        ...(m.place ? { place: m.place } : {}),
        ...(previous ? { previous: readingOf(previous) } : {}),
        ...(current ? { current: readingOf(current) } : {}),
      };
    });
}

function readingOf(r: Reading): { date: string; values: string[] } {
  const values = [r.value1, r.value2, r.value3, r.value4].filter((v): v is string => v !== undefined);
  return { date: r.date, values };
}
