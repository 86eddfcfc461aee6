import { ConnectorRegistry } from '../engine/connector/connector-registry.js';
import { domaConnector } from './doma/client/doma-connector.js';
import { testbedConnector } from './testbed/client/testbed-connector.js';

/** Every platform this build of the hub can connect to. */
export function builtinConnectors(): ConnectorRegistry {
  return new ConnectorRegistry([testbedConnector, domaConnector]);
}
