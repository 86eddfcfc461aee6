import {
  AuthExpiredError,
  AuthRejectedError,
  NonRetryableError,
} from '../../../engine/policy/platform-errors.js';
import { type DomcontrolImport, domcontrolImports } from '../contract/domcontrol-paths.js';
import { ImportFailure } from '../contract/import-failure.js';
import type { DomcontrolContext } from './domcontrol-context.js';
import { requestHeaders } from './request-headers.js';

/** What one import call answered: imported, or refused for its data (with the platform's reason). */
export type ImportAnswer = { ok: true } | { ok: false; code: string; reason: string };

/**
 * Posts one import body (seed 002 §1–§6: POST, 201 on success). `ctx.fetch` throws what the retry
 * policy handles (no answer, 413, 429, 5xx); a 401 is wrong credentials — these are static, there
 * is no session to renew. 403 and a wrong path are connection problems; other 4xx refuse the data.
 */
export async function postImport(
  name: DomcontrolImport,
  body: string,
  ctx: DomcontrolContext,
): Promise<ImportAnswer> {
  const url = ctx.connection.settings.baseUrl.replace(/\/+$/, '') + domcontrolImports[name].path;
  let res: Response;
  try {
    res = await ctx.fetch(url, { method: 'POST', headers: requestHeaders(ctx), body });
  } catch (error) {
    if (error instanceof AuthExpiredError)
      throw new AuthRejectedError(`DomControl refused the credentials: ${error.message}`);
    throw error;
  }
  const text = await res.text().catch(() => '');
  if (res.ok) return { ok: true };
  if (res.status === 403) throw new AuthRejectedError(`DomControl ${name}: HTTP 403 ${text.slice(0, 200)}`);
  if (res.status === 404 || res.status === 405) {
    throw new NonRetryableError(
      `DomControl ${name}: HTTP ${res.status} — is baseUrl right?`,
      `http_${res.status}`,
    );
  }
  const failure = ImportFailure.safeParse(safeJson(text));
  return failure.success
    ? { ok: false, code: failure.data.error, reason: failure.data.message }
    : { ok: false, code: `http_${res.status}`, reason: `HTTP ${res.status} ${text.slice(0, 300)}`.trim() };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
