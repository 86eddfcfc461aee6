import type { RecordOutcome } from '../../../engine/connector/connector.js';
import { NonRetryableError } from '../../../engine/policy/platform-errors.js';
import { errorCode, type GraphqlError } from './graphql-failure.js';
import { itemIndex } from './read-graphql.js';

/**
 * A list mutation's answer → one outcome per input, in input order (NOTES.md: an element per input,
 * `null` for a failed one with an error whose path is `[alias, index]`). The error's `type` is the
 * record error's code (WRONG_MONTH, PROPERTY_NOT_FOUND…).
 */
export function listOutcomes(
  what: string,
  count: number,
  list: unknown,
  itemErrors: readonly GraphqlError[],
  idOf: (item: Record<string, unknown>) => unknown = (item) => item.id,
): RecordOutcome[] {
  if (!Array.isArray(list) || list.length !== count) {
    throw new NonRetryableError(
      `Doma.ai ${what}: ${Array.isArray(list) ? list.length : 'no'} results for ${count} inputs`,
      'contract_break',
    );
  }
  const errorAt = new Map<number, GraphqlError>();
  for (const e of itemErrors) {
    const i = itemIndex(e);
    if (i !== undefined && !errorAt.has(i)) errorAt.set(i, e);
  }
  return list.map((item, i): RecordOutcome => {
    const id = item && typeof item === 'object' ? idOf(item as Record<string, unknown>) : undefined;
    if (typeof id === 'string' && !errorAt.has(i)) return { status: 'ok', platformId: id };
    const e = errorAt.get(i);
    return {
      status: 'rejected',
      code: e ? errorCode(e) : 'no_result',
      message: e?.message ?? `Doma.ai ${what} answered no result for this record`,
    };
  });
}
