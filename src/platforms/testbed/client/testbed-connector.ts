import type { Connector } from '../../../engine/connector/connector.js';
import { checkTestbed } from './check-testbed.js';
import { TestbedCredentials } from './testbed-credentials.js';
import { testbedInbound } from './testbed-inbound.js';
import { testbedOutbound } from './testbed-outbound.js';
import { testbedServed } from './testbed-served.js';
import { TestbedSettings } from './testbed-settings.js';

/** The generic test platform: what the engine's tests and benchmark sync against. */
export const testbedConnector: Connector<TestbedSettings, TestbedCredentials> = {
  platform: 'testbed',
  title: 'Testbed: a generic HTTP platform that upserts by key and injects faults (tests, benchmark)',
  settings: TestbedSettings,
  credentials: TestbedCredentials,
  check: checkTestbed,
  outbound: testbedOutbound,
  inbound: [testbedInbound],
  served: testbedServed,
};
