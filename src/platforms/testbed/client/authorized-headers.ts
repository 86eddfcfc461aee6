import { ensureToken } from './ensure-token.js';
import type { TestbedContext } from './testbed-context.js';

/** Headers of an authenticated API call (logging in first when needed). */
export async function authorizedHeaders(
  ctx: TestbedContext,
  extra: Record<string, string> = {},
): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await ensureToken(ctx)}`, ...extra };
}
