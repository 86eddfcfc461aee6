import type { Connector } from '../../../engine/connector/connector.js';
import { checkUzhkh } from './check-uzhkh.js';
import { uzhkhCommandStreams } from './command-streams.js';
import { uzhkhDeletedStream } from './deleted-stream.js';
import { uzhkhDownloadStream } from './download-stream.js';
import { paymentsReadBack } from './payments-read-back.js';
import { uzhkhQueueStream } from './queue-stream.js';
import { uzhkhCommandRoutes } from './uzhkh-command-routes.js';
import { uzhkhConsole } from './uzhkh-console.js';
import { UzhkhCredentials } from './uzhkh-credentials.js';
import { UzhkhSettings } from './uzhkh-settings.js';

/**
 * «Умное ЖКХ» (seed 001): the platform sends data to the billing. Inbound: the first full download,
 * then the change queue and the deleted items, each acknowledged with `To1c/Delete` after commit.
 * Outbound: only the billing's commands (ids through SetId, decisions on registration requests).
 */
export const uzhkhConnector: Connector<UzhkhSettings, UzhkhCredentials> = {
  platform: 'uzhkh',
  title: '«Умное ЖКХ»: change queue, full download, id assignment, registration requests',
  settings: UzhkhSettings,
  credentials: UzhkhCredentials,
  check: checkUzhkh,
  outbound: uzhkhCommandStreams,
  inbound: [uzhkhDownloadStream, uzhkhQueueStream, uzhkhDeletedStream],
  billingRoutes: uzhkhCommandRoutes,
  readBack: [paymentsReadBack],
  console: uzhkhConsole,
};
