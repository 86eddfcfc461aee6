import type { ConnectorContext } from '../../../engine/connector/connector.js';
import type { TestbedCredentials } from './testbed-credentials.js';
import type { TestbedSettings } from './testbed-settings.js';

/** The context every testbed connector call gets. */
export type TestbedContext = ConnectorContext<TestbedSettings, TestbedCredentials>;
