import type { CheckResult } from '../../../engine/connector/connector.js';
import { MeResponse } from '../contract/me-response.js';
import { testbedPaths } from '../contract/testbed-paths.js';
import { authorizedHeaders } from './authorized-headers.js';
import { readAnswer } from './read-answer.js';
import type { TestbedContext } from './testbed-context.js';
import { testbedUrl } from './testbed-url.js';

/** Logs in (when the session has no token) and asks who we are: proves credentials and reachability. */
export async function checkTestbed(ctx: TestbedContext): Promise<CheckResult> {
  const res = await ctx.fetch(testbedUrl(ctx, testbedPaths.me), { headers: await authorizedHeaders(ctx) });
  const me = await readAnswer(res, MeResponse, 'me');
  return { ok: true, detail: me.name };
}
