import { addMonths } from './demo-calendar.js';
import type { DemoContext } from './demo-context.js';
import { dec, ymd } from './demo-format.js';
import type { HouseBatch } from './house-batch.js';
import { meterSerial } from './meter-serial.js';
import { RESOURCE_SCALE, RESOURCE_SERVICE, VERIFICATION_YEARS } from './metered-resources.js';
import type { MeterPlan } from './plan-meters.js';
import type { RandomSource } from './random-source.js';

/** Who sent the reading: residents mostly, then the resident platforms. */
const READING_SOURCES = [
  'resident',
  'resident',
  'resident',
  'platform',
  'platform',
  'billing',
  'inspector',
] as const;

/**
 * The meter records of one account, with verification dates inside each resource's interval, and
 * one reading per meter this period whose cumulative value is consistent with the meter's age.
 */
export function addMeterRecords(
  ctx: DemoContext,
  rng: RandomSource,
  accountNumber: string,
  accountIndex: number,
  plan: MeterPlan,
  out: HouseBatch,
): void {
  const { meters, hvsCount } = plan;
  const readingDay = rng.int(15, 25);
  const readingDate = ymd(ctx.year, ctx.month, readingDay);
  const readingSource = rng.pick(READING_SOURCES);
  const wetPlaces = hvsCount === 2 ? ['Санузел', 'Кухня'] : ['Санузел'];
  meters.forEach((m, i) => {
    const meterId = `${accountNumber}-m${i + 1}`;
    const years = VERIFICATION_YEARS[m.resource];
    // Last verification (or installation) within the interval, at least a month ago.
    const sinceVerification = rng.int(1, years * 12 - 1);
    const v = addMonths(ctx.year, ctx.month, -sinceVerification);
    const vDay = rng.int(1, 28);
    const reinstalled = rng.chance(0.6);
    const sinceInstall = reinstalled ? sinceVerification : sinceVerification + years * 12 * rng.int(1, 2);
    const inst = addMonths(ctx.year, ctx.month, -sinceInstall);
    const next = addMonths(v.year, v.month, years * 12);
    const verificationDate = ymd(v.year, v.month, vDay);
    const wetIndex = m.resource === 'cold_water' ? i : i - hvsCount;
    const place =
      m.resource === 'electricity'
        ? 'Этажный щит'
        : m.resource === 'heat'
          ? 'Этажный коллектор'
          : (wetPlaces[wetIndex] ?? 'Санузел');
    out.meters.push({
      kind: 'meter',
      record: {
        id: meterId,
        accountNumber,
        serviceId: RESOURCE_SERVICE[m.resource],
        resource: m.resource,
        number: `${m.resource === 'electricity' ? '0' : ''}${meterSerial(ctx.seed, accountIndex, i)}`,
        tariffCount: m.consumption2 === undefined ? 1 : 2,
        place,
        installationDate: ymd(inst.year, inst.month, vDay),
        verificationDate,
        nextVerificationDate: ymd(next.year, next.month, vDay),
        sealingDate: verificationDate,
        commissioningDate: verificationDate,
      },
    });
    // Cumulative value: months of average use since installation, plus this month.
    const scale = RESOURCE_SCALE[m.resource];
    const startValue = m.resource === 'electricity' ? rng.int(0, 50) : 0;
    const seasonal = m.resource === 'heat' ? 0.45 : 1; // heat meters idle in summer
    const prior = startValue + Math.round(m.consumption * sinceInstall * seasonal * rng.float(0.8, 1.15));
    const value1 = prior + m.consumption;
    let value2: number | undefined;
    if (m.consumption2 !== undefined) {
      value2 = Math.round(m.consumption2 * sinceInstall * rng.float(0.8, 1.15)) + m.consumption2;
    }
    out.readings.push({
      kind: 'reading',
      record: {
        meterId,
        date: readingDate,
        value1: dec(value1, scale),
        ...(value2 === undefined ? {} : { value2: dec(value2, scale) }),
        source: readingSource,
      },
    });
  });
}
