import type { ConnectorContext } from '../../../engine/connector/connector.js';
import { NonRetryableError } from '../../../engine/policy/platform-errors.js';
import type { Db } from '../../../store/open-store.js';
import type { ChargeCallback, ContractCallback } from '../contract/callback-request.js';
import type { Is74Credentials } from './is74-credentials.js';
import type { Is74Settings } from './is74-settings.js';

export type Is74Context = ConnectorContext<Is74Settings, Is74Credentials>;

/**
 * POSTs one callback to the core with HTTP Basic auth (seed 003 §"CallBack"). No answer, 401, 429
 * and 5xx are thrown by `ctx.fetch` for the engine's retry policy. A 404 is taken as done: the core
 * does not know the contract or user, so it has nothing to refresh. Any other refusal is final.
 */
export async function postCallback(
  ctx: Is74Context,
  path: string,
  body: ContractCallback | ChargeCallback,
): Promise<void> {
  const { callbackUser, callbackPassword } = ctx.credentials;
  const res = await ctx.fetch(new URL(path, ctx.connection.settings.coreUrl).toString(), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`${callbackUser}:${callbackPassword}`).toString('base64')}`,
    },
    body: JSON.stringify(body),
  });
  await res.body?.cancel();
  if (res.ok || res.status === 404) return;
  throw new NonRetryableError(`POST ${path} → ${res.status}`, 'callback_refused');
}

/** The store a callback stream reads related records from; the engine hands it to runs. */
export function storeOf(ctx: Is74Context): Db {
  if (!ctx.db) throw new NonRetryableError('is74 callbacks need the store in the run context', 'internal');
  return ctx.db;
}
