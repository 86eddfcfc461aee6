import { domaSandbox } from './doma/sandbox/doma-sandbox.js';
import type { SandboxSpec } from './sandbox-spec.js';
import { testbedSandbox } from './testbed/sandbox/testbed-sandbox.js';

/** Every sandbox `zhkh-bridge sandbox <platform>` can start. */
export const builtinSandboxes: readonly SandboxSpec[] = [testbedSandbox, domaSandbox];
