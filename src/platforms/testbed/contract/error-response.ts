import { z } from 'zod';

/**
 * The body of every non-2xx answer. `bad_credentials` (401 on login) and `token_expired` (401
 * elsewhere) are what a client must tell apart: the first is a configuration problem, the second
 * means "log in again".
 */
export const TestbedErrorCode = z.enum([
  'bad_credentials',
  'token_expired',
  'too_large',
  'bad_request',
  'not_found',
  'rate_limited',
  'internal',
]);
export type TestbedErrorCode = z.infer<typeof TestbedErrorCode>;

export const ErrorResponse = z.object({ error: TestbedErrorCode, message: z.string().optional() });
export type ErrorResponse = z.infer<typeof ErrorResponse>;
