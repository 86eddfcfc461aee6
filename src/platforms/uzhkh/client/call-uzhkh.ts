import type { z } from 'zod';
import { AuthRejectedError, NonRetryableError } from '../../../engine/policy/platform-errors.js';
import type { UzhkhContext } from './uzhkh-context.js';

/**
 * One platform call: `Authorization: Bearer <token>` on every call (seed 001 §"Отправка данных").
 * `ctx.fetch` already threw for no answer, 401, 413, 429 and 5xx. 403 is the platform's
 * `notAuthorized` — a wrong token or an IP address it has not registered: a connection problem that
 * no retry fixes. Other answers are handed back for the caller to read.
 */
export async function callUzhkh(
  ctx: UzhkhContext,
  path: string,
  params: Record<string, string | undefined> = {},
): Promise<Response> {
  const url = new URL(ctx.connection.settings.baseUrl.replace(/\/+$/, '') + path);
  for (const [name, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.set(name, value);
  const res = await ctx.fetch(url.toString(), {
    headers: { authorization: `Bearer ${ctx.credentials.token}`, accept: 'application/json' },
  });
  if (res.status === 403) {
    await res.body?.cancel();
    throw new AuthRejectedError(
      `«Умное ЖКХ» ${path}: 403 notAuthorized — the token is wrong or this hub's IP address is not registered with the platform`,
    );
  }
  return res;
}

/** Reads a 2xx JSON answer checked against the contract; anything else is a non-retryable failure. */
export async function readUzhkhJson<T>(res: Response, schema: z.ZodType<T>, what: string): Promise<T> {
  const text = await res.text();
  if (!res.ok)
    throw new NonRetryableError(
      `«Умное ЖКХ» ${what}: HTTP ${res.status} ${text.slice(0, 200)}`,
      `http_${res.status}`,
    );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new NonRetryableError(`«Умное ЖКХ» ${what}: the answer is not JSON`, 'contract_break');
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new NonRetryableError(
    `«Умное ЖКХ» ${what}: the answer breaks the contract at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
    'contract_break',
  );
}
