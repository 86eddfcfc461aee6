import type { TestbedContext } from './testbed-context.js';

/** The absolute URL of an API path; a trailing slash on `baseUrl` is tolerated. */
export function testbedUrl(ctx: TestbedContext, path: string): string {
  return ctx.connection.settings.baseUrl.replace(/\/+$/, '') + path;
}
