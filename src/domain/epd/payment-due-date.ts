import { nextPeriod } from '../period.js';

/**
 * The day a period's ЕПД must be paid by (ЖК РФ ст. 155): the 10th of the next month, the 15th
 * since 01.03.2026 (domain.md «ЕПД»). Periods from 2026-02 on are paid in March 2026 or later.
 */
export function paymentDueDate(period: string): string {
  const next = nextPeriod(period);
  return `${next}-${next >= '2026-03' ? '15' : '10'}`;
}
