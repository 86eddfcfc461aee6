import type { RecordOutcome, WireRecord } from '../../../engine/connector/connector.js';
import { NonRetryableError } from '../../../engine/policy/platform-errors.js';
import { ItemsResponse } from '../contract/items-response.js';
import { testbedPaths } from '../contract/testbed-paths.js';
import { authorizedHeaders } from './authorized-headers.js';
import { readAnswer } from './read-answer.js';
import type { TestbedContext } from './testbed-context.js';
import { testbedUrl } from './testbed-url.js';

/**
 * Posts one batch of a kind and maps the per-item results, in order. Failures of the whole request
 * (no answer, 401, 413, 429, 5xx) are thrown by `ctx.fetch` for the engine to retry, re-login or split.
 */
export async function deliverItems(
  kind: string,
  batch: readonly WireRecord[],
  ctx: TestbedContext,
): Promise<RecordOutcome[]> {
  const res = await ctx.fetch(testbedUrl(ctx, `${testbedPaths.items}/${kind}`), {
    method: 'POST',
    headers: await authorizedHeaders(ctx, { 'content-type': 'application/json' }),
    body: JSON.stringify({ items: batch }),
  });
  const { results } = await readAnswer(res, ItemsResponse, `items/${kind}`);
  if (results.length !== batch.length) {
    throw new NonRetryableError(
      `testbed items/${kind}: ${results.length} results for ${batch.length} items`,
      'contract_break',
    );
  }
  return results.map((result, i): RecordOutcome => {
    // Results come in input order; a key out of place would attach ids to the wrong records.
    if (result.key !== batch[i]?.key) {
      throw new NonRetryableError(`testbed items/${kind}: result ${i} is for another key`, 'contract_break');
    }
    return result.status === 'ok'
      ? { status: 'ok', platformId: result.id }
      : { status: 'rejected', code: result.code, message: result.message };
  });
}
