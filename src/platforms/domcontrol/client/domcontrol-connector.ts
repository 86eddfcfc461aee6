import type { Connector } from '../../../engine/connector/connector.js';
import { checkDomcontrol } from './check-domcontrol.js';
import { DomcontrolCredentials } from './domcontrol-credentials.js';
import { domcontrolOutbound } from './domcontrol-outbound.js';
import { DomcontrolSettings } from './domcontrol-settings.js';

/** DomControl (seed 002): we push services, accounts, counters, readings, balances and transactions. */
export const domcontrolConnector: Connector<DomcontrolSettings, DomcontrolCredentials> = {
  platform: 'domcontrol',
  title: 'DomControl: bulk JSON imports of services, accounts, counters, readings, balances, transactions',
  settings: DomcontrolSettings,
  credentials: DomcontrolCredentials,
  check: checkDomcontrol,
  outbound: domcontrolOutbound,
  inbound: [],
};
