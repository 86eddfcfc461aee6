import { setImmediate as immediate } from 'node:timers/promises';

/**
 * Lets pending I/O run. An embedded PGlite in this thread (`ZHKH_PGLITE_THREAD=0`, or in memory)
 * executes each statement synchronously, and a chain of awaited statements continues in microtasks, so a request written just before a
 * commit would otherwise not leave the process (nor its answer be read) until the commit is done —
 * the platform's time and the store's would add up instead of overlapping.
 */
export function yieldToIo(): Promise<void> {
  return immediate();
}
