import { ALL_BILLING_CONTEXTS_DOCUMENT } from './all-billing-contexts.js';
import { ALL_BILLING_RECEIPTS_DOCUMENT } from './all-billing-receipts.js';
import { ALL_METER_READINGS_DOCUMENT } from './all-meter-readings.js';
import { ALL_METERS_DOCUMENT } from './all-meters.js';
import { ALL_PAYMENTS_DOCUMENT } from './all-payments.js';
import { ALL_PROPERTIES_DOCUMENT } from './all-properties.js';
import { CREATE_BILLING_RECEIPT_FILE_DOCUMENT } from './create-billing-receipt-file.js';
import { CREATE_METER_DOCUMENT } from './create-meter.js';
import { LOGIN_DOCUMENT } from './login.js';
import {
  ALL_BILLING_RECEIPT_FILES_DOCUMENT,
  UPDATE_BILLING_RECEIPT_FILE_DOCUMENT,
} from './receipt-file-removal.js';
import { REGISTER_BILLING_RECEIPT_FILE_DOCUMENT } from './register-billing-receipt-file.js';
import { REGISTER_BILLING_RECEIPTS_DOCUMENT } from './register-billing-receipts.js';
import { REGISTER_METERS_READINGS_DOCUMENT } from './register-meters-readings.js';
import { UPDATE_METER_DOCUMENT } from './update-meter.js';

/** Every GraphQL document the connector sends, by name (the contract test validates each). */
export const domaDocuments = {
  login: LOGIN_DOCUMENT,
  registerBillingReceipts: REGISTER_BILLING_RECEIPTS_DOCUMENT,
  registerBillingReceiptFile: REGISTER_BILLING_RECEIPT_FILE_DOCUMENT,
  createBillingReceiptFile: CREATE_BILLING_RECEIPT_FILE_DOCUMENT,
  registerMetersReadings: REGISTER_METERS_READINGS_DOCUMENT,
  allMeters: ALL_METERS_DOCUMENT,
  allMeterReadings: ALL_METER_READINGS_DOCUMENT,
  allPayments: ALL_PAYMENTS_DOCUMENT,
  updateMeter: UPDATE_METER_DOCUMENT,
  createMeter: CREATE_METER_DOCUMENT,
  allProperties: ALL_PROPERTIES_DOCUMENT,
  allBillingReceiptFiles: ALL_BILLING_RECEIPT_FILES_DOCUMENT,
  updateBillingReceiptFile: UPDATE_BILLING_RECEIPT_FILE_DOCUMENT,
  allBillingContexts: ALL_BILLING_CONTEXTS_DOCUMENT,
  allBillingReceipts: ALL_BILLING_RECEIPTS_DOCUMENT,
} as const;
