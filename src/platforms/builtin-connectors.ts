import { ConnectorRegistry } from '../engine/connector/connector-registry.js';
import { domaConnector } from './doma/client/doma-connector.js';
import { domcontrolConnector } from './domcontrol/client/domcontrol-connector.js';
import { is74Connector } from './is74/client/is74-connector.js';
import { testbedConnector } from './testbed/client/testbed-connector.js';
import { uzhkhConnector } from './uzhkh/client/uzhkh-connector.js';
import { webhookConnector } from './webhook/client/webhook-connector.js';

/** Every platform this build of the hub can connect to. */
export function builtinConnectors(): ConnectorRegistry {
  return new ConnectorRegistry([
    testbedConnector,
    domaConnector,
    uzhkhConnector,
    domcontrolConnector,
    is74Connector,
    webhookConnector,
  ]);
}
