import { z } from 'zod';
import { NonRetryableError } from '../../../engine/policy/platform-errors.js';
import { DomaGraphqlError } from '../contract/doma-errors.js';
import { type GraphqlError, requestFailure } from './graphql-failure.js';

export interface GraphqlAnswer {
  data: Record<string, unknown>;
  /** Errors of single items (`path: [alias, index]`); whole-request errors were thrown. */
  itemErrors: GraphqlError[];
}

/**
 * Reads a GraphQL answer `ctx.fetch` handed back (it already threw for no answer, 401, 413, 429 and
 * 5xx). Errors raised before execution come back without `data` (HTTP 400, NOTES.md "Request
 * limits"); per-item errors come with `data` (HTTP 200). A whole-request error is thrown as the
 * PlatformError the engine acts on; per-item errors are returned for the caller to map.
 */
export async function readGraphql(res: Response, what: string): Promise<GraphqlAnswer> {
  const text = await res.text().catch(() => '');
  let body: { data?: Record<string, unknown> | null; errors?: GraphqlError[] } | undefined;
  try {
    body = JSON.parse(text);
    if (body?.errors !== undefined) body.errors = z.array(DomaGraphqlError).parse(body.errors);
  } catch {
    throw new NonRetryableError(
      `Doma.ai ${what}: HTTP ${res.status}, not a GraphQL answer`,
      'contract_break',
    );
  }
  const errors = Array.isArray(body?.errors) ? body.errors : [];
  const itemErrors = errors.filter(isItemError);
  const whole = errors.find((e) => !isItemError(e));
  if (whole) throw requestFailure(what, whole, res);
  if (!body?.data || typeof body.data !== 'object') {
    throw new NonRetryableError(
      `Doma.ai ${what}: HTTP ${res.status} without data or errors`,
      'contract_break',
    );
  }
  return { data: body.data, itemErrors };
}

/** An error of one element of a list answer: `path: [alias, index, …]` or `extensions.inputIndex`. */
function isItemError(e: GraphqlError): boolean {
  return typeof e.extensions?.inputIndex === 'number' || typeof e.path?.[1] === 'number';
}

/** The input index an item error belongs to. */
export function itemIndex(e: GraphqlError): number | undefined {
  const i = e.extensions?.inputIndex ?? e.path?.[1];
  return typeof i === 'number' ? i : undefined;
}
