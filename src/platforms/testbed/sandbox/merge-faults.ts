import { TestbedFaults } from './testbed-faults.js';

/**
 * Applies a partial change to the faults and validates the result (throws a ZodError on a bad
 * value). Undefined fields keep their value, so `{...options}` spreads can be passed as they are.
 */
export function mergeFaults(base: TestbedFaults, patch: Partial<TestbedFaults>): TestbedFaults {
  const merged: Record<string, unknown> = { ...base };
  for (const [name, value] of Object.entries(patch)) if (value !== undefined) merged[name] = value;
  return TestbedFaults.parse(merged);
}
