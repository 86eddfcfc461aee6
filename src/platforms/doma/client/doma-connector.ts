import type { Connector } from '../../../engine/connector/connector.js';
import { checkDoma } from './check-doma.js';
import { DomaCredentials } from './doma-credentials.js';
import { metersReadBack, receiptsReadBack } from './doma-read-back.js';
import { DomaSettings } from './doma-settings.js';
import { generatedEpdStream } from './generated-epd-stream.js';
import { metersStream } from './meters-stream.js';
import { domaRegistrySource } from './payment-registry/doma-registry-source.js';
import { paymentsInbound } from './payments-inbound.js';
import { readingsStream } from './readings-stream.js';
import { receiptFilesStream } from './receipt-files-stream.js';
import { receiptsStream } from './receipts-stream.js';
import { residentReadingsInbound } from './resident-readings-inbound.js';
import { staffMetersInbound } from './staff-meters-inbound.js';

/**
 * Doma.ai (open-source "condo"): receipts, their PDFs (removed with their receipt), meter readings
 * and meters out; readings from residents, payments and the meters staff create or archive back
 * (seed 000). Order matters: a PDF needs its receipt; a meter with readings is created by its first
 * reading, so the meters stream after it creates only those without any.
 */
export const domaConnector: Connector<DomaSettings, DomaCredentials> = {
  platform: 'doma',
  title:
    'Doma.ai: receipts, PDF receipts, meters and readings; resident readings, payments and staff meters back',
  settings: DomaSettings,
  credentials: DomaCredentials,
  check: checkDoma,
  outbound: [readingsStream, metersStream, receiptsStream, receiptFilesStream, generatedEpdStream],
  inbound: [residentReadingsInbound, paymentsInbound, staffMetersInbound],
  paymentRegistries: domaRegistrySource,
  readBack: [receiptsReadBack, metersReadBack],
};
