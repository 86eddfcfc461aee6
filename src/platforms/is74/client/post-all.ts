import type { ChargeCallback, ContractCallback } from '../contract/callback-request.js';
import { type Is74Context, postCallback } from './post-callback.js';

/** Callbacks of one batch in flight at once: a bulk change reaches the core in seconds, not minutes. */
const PARALLEL = 8;

/** POSTs the callbacks, a few at a time; the first failure fails the batch (the engine retries it). */
export async function postAll(
  ctx: Is74Context,
  path: string,
  bodies: ReadonlyArray<ContractCallback | ChargeCallback>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < bodies.length) await postCallback(ctx, path, bodies[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, bodies.length) }, lane));
}
