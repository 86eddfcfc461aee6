import type { Connector } from '../../../engine/connector/connector.js';
import { chargeCallbacks } from './charge-callbacks.js';
import { is74Console } from './is74-console.js';
import { Is74Credentials } from './is74-credentials.js';
import { is74Served } from './is74-served.js';
import { Is74Settings } from './is74-settings.js';
import { IS74_USER_KIND } from './is74-user.js';
import { is74UserRoutes } from './is74-user-routes.js';
import { issueErrors } from './issue-errors.js';
import { userCallbacks } from './user-callbacks.js';
import { viewCallbacks } from './view-callbacks.js';

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
  outbound: [viewCallbacks, userCallbacks, chargeCallbacks, issueErrors],
  inbound: [],
  served: is74Served,
  // What a callback tells the core about (seed 003 §callbacks): everything a contract's view is made
  // of, charges, and the users' links to their лицевые счета.
  syncOnChange: {
    kinds: ['contract', 'balance', 'account', 'premise', 'house', 'tariff', 'receipt', IS74_USER_KIND],
  },
  billingRoutes: is74UserRoutes,
  console: is74Console,
};
