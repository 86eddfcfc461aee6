import type { z } from 'zod';
import {
  AuthExpiredError,
  NonRetryableError,
  PayloadTooLargeError,
  PlatformHttpError,
} from '../../../engine/policy/platform-errors.js';

/**
 * Reads an answer `ctx.fetch` handed back (it already threw for no answer, 401, 413, 429 and 5xx).
 * What is left: a 2xx checked against the contract, or a 4xx that another attempt cannot fix. The
 * 401/413/5xx branches only matter under a fetch that maps less, as in a hand-built test context.
 */
export async function readAnswer<T>(res: Response, schema: z.ZodType<T>, what: string): Promise<T> {
  if (res.ok) {
    const parsed = schema.safeParse(await res.json().catch(() => undefined));
    if (parsed.success) return parsed.data;
    throw new NonRetryableError(`testbed ${what}: the answer breaks the contract`, 'contract_break');
  }
  const detail = `testbed ${what}: HTTP ${res.status} ${await res.text().catch(() => '')}`.trim();
  if (res.status === 401) throw new AuthExpiredError(detail);
  if (res.status === 413) throw new PayloadTooLargeError(detail);
  if (res.status >= 400 && res.status < 500 && res.status !== 429) {
    throw new NonRetryableError(detail, `http_${res.status}`);
  }
  throw new PlatformHttpError(res.status, detail);
}
