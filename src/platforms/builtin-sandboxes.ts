import { domaSandbox } from './doma/sandbox/doma-sandbox.js';
import { domcontrolSandbox } from './domcontrol/sandbox/domcontrol-sandbox.js';
import { is74Sandbox } from './is74/sandbox/is74-sandbox-spec.js';
import type { SandboxSpec } from './sandbox-spec.js';
import { testbedSandbox } from './testbed/sandbox/testbed-sandbox.js';
import { uzhkhSandbox } from './uzhkh/sandbox/uzhkh-sandbox.js';

/** Every sandbox `zhkh-bridge sandbox <platform>` can start. */
export const builtinSandboxes: readonly SandboxSpec[] = [
  testbedSandbox,
  domaSandbox,
  uzhkhSandbox,
  domcontrolSandbox,
  is74Sandbox,
];
