/**
 * How long a platform asks us to wait, in whole milliseconds, from the answer's headers; undefined
 * when it does not say. The first header present wins, the standard one first:
 * - `Retry-After`: delta-seconds or an HTTP date;
 * - `x-rate-limit-complexity-reset` (Doma.ai): epoch seconds at which the complexity quota resets;
 * - `x-ratelimit-reset`, `ratelimit-reset`: epoch seconds when above 1e9 (a 2001+ date), otherwise
 *   delta-seconds — both conventions are in use and a 31-year delta is not a thing.
 * A reset in the past means "now" (0), never a negative wait.
 */
export function retryAfterFromHeaders(headers: Headers, now: number = Date.now()): number | undefined {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    const seconds = parseSeconds(retryAfter);
    if (seconds !== undefined) return toMs(seconds * 1000);
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return toMs(at - now);
  }
  const domaReset = parseSeconds(headers.get('x-rate-limit-complexity-reset'));
  if (domaReset !== undefined) return toMs(domaReset * 1000 - now);
  for (const name of ['x-ratelimit-reset', 'ratelimit-reset']) {
    const value = parseSeconds(headers.get(name));
    if (value === undefined) continue;
    return toMs(value > 1e9 ? value * 1000 - now : value * 1000);
  }
  return undefined;
}

function parseSeconds(value: string | null | undefined): number | undefined {
  const text = value?.trim();
  if (!text || !/^\d+(\.\d+)?$/.test(text)) return undefined;
  return Number(text);
}

function toMs(ms: number): number {
  return Math.max(0, Math.ceil(ms));
}

/**
 * How long until a reset a platform states in its answer's body, in whole milliseconds; undefined
 * when the value says nothing readable. Every form platforms use is read:
 * - a number or numeric string: epoch milliseconds above 1e12, epoch seconds above 1e9 (a 2001+
 *   date), otherwise seconds from now;
 * - an ISO 8601 instant or an HTTP date.
 * A reset in the past means "now" (0).
 */
export function resetDelay(value: unknown, now: number = Date.now()): number | undefined {
  const seconds =
    typeof value === 'number'
      ? Number.isFinite(value) && value >= 0
        ? value
        : undefined
      : typeof value === 'string'
        ? parseSeconds(value)
        : undefined;
  if (seconds !== undefined) {
    if (seconds > 1e12) return toMs(seconds - now);
    return toMs(seconds > 1e9 ? seconds * 1000 - now : seconds * 1000);
  }
  if (typeof value !== 'string') return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : toMs(at - now);
}
