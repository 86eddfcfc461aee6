import type { CheckResult } from '../../../engine/connector/connector.js';
import { NonRetryableError } from '../../../engine/policy/platform-errors.js';
import type { DomcontrolContext } from './domcontrol-context.js';
import { postImport } from './post-import.js';

/**
 * Seed 002 has no read call, so the cheapest authenticated call that changes nothing is an empty
 * import of services (§1): it proves the address and the credentials.
 */
export async function checkDomcontrol(ctx: DomcontrolContext): Promise<CheckResult> {
  const answer = await postImport('services', '{"services":[]}', ctx);
  if (!answer.ok)
    throw new NonRetryableError(`DomControl refused an empty import: ${answer.reason}`, answer.code);
  return { ok: true, detail: `DomControl at ${new URL(ctx.connection.settings.baseUrl).host}` };
}
