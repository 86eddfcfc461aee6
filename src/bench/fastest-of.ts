/** How many times a no-op is timed: its figure is the fastest, as one stalled statement is noise. */
export const NOOP_REPEATS = 3;

/**
 * Runs `measure` `times` times one after another and answers the fastest result (by `seconds`).
 * For sub-second figures (a no-op re-sync) on a shared machine, where a single stall decides a
 * single run; each run is still checked by `measure` itself.
 */
export async function fastestOf<T extends { seconds: number }>(
  times: number,
  measure: () => Promise<T>,
): Promise<T> {
  let best: T | undefined;
  for (let i = 0; i < times; i++) {
    const r = await measure();
    if (!best || r.seconds < best.seconds) best = r;
  }
  return best!;
}
