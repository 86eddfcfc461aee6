import type { Connector } from '../../../engine/connector/connector.js';
import { balanceCallbacks } from './balance-callbacks.js';
import { chargeCallbacks } from './charge-callbacks.js';
import { contractCallbacks } from './contract-callbacks.js';
import { Is74Credentials } from './is74-credentials.js';
import { is74Served } from './is74-served.js';
import { Is74Settings } from './is74-settings.js';
import { is74UserRoutes } from './is74-user-routes.js';
import { tariffCallbacks } from './tariff-callbacks.js';

/**
 * is74 (Интерсвязь): the platform calls the Data Provider API we serve (seed 003), and we call its
 * core back when a contract or a user's charges change. Outbound streams carry callbacks, not data.
 */
export const is74Connector: Connector<Is74Settings, Is74Credentials> = {
  platform: 'is74',
  title: 'is74 (Интерсвязь): serves the Data Provider API and fires contract/charge callbacks',
  settings: Is74Settings,
  credentials: Is74Credentials,
  // The core has no call that costs nothing; a callback of an unknown contract would still be one.
  check: (ctx) =>
    Promise.resolve({
      ok: true,
      detail: `Data Provider at /p/is74/${ctx.connection.id}/api; callbacks to ${new URL(ctx.connection.settings.coreUrl).origin}`,
    }),
  outbound: [tariffCallbacks, contractCallbacks, balanceCallbacks, chargeCallbacks],
  inbound: [],
  served: is74Served,
  // What a callback tells the core about (seed 003 §callbacks): balances, contracts, tariffs, charges.
  syncOnChange: { kinds: ['contract', 'balance', 'receipt', 'tariff'] },
  billingRoutes: is74UserRoutes,
};
