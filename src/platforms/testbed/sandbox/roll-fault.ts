import type { TestbedFaults } from './testbed-faults.js';

export type FaultKind = 'rateLimited' | 'error' | 'reset' | 'timeout' | 'lostAnswer';

/**
 * One roll per faultable call picks at most one fault. It always draws, even with every rate at 0,
 * so the schedule for a seed does not shift when a rate is changed mid-run.
 */
export function rollFault(faults: TestbedFaults, random: () => number): FaultKind | undefined {
  const roll = random();
  let edge = faults.rateLimitRate;
  if (roll < edge) return 'rateLimited';
  edge += faults.errorRate;
  if (roll < edge) return 'error';
  edge += faults.resetRate;
  if (roll < edge) return 'reset';
  edge += faults.timeoutRate;
  if (roll < edge) return 'timeout';
  edge += faults.lostAnswerRate;
  if (roll < edge) return 'lostAnswer';
  return undefined;
}
