import { z } from 'zod';
import { TESTBED_MAX_BODY_BYTES, TESTBED_MAX_ITEMS } from '../contract/testbed-paths.js';

/** Connection settings of a testbed connection; strict, so a typo is an error rather than a default. */
export const TestbedSettings = z.strictObject({
  baseUrl: z.url(),
  batchSize: z.number().int().min(1).max(TESTBED_MAX_ITEMS).default(TESTBED_MAX_ITEMS),
  maxBatchBytes: z.number().int().positive().default(TESTBED_MAX_BODY_BYTES),
});
export type TestbedSettings = z.output<typeof TestbedSettings>;
