import { createServer } from 'node:http';
import { listenServer } from '../../sandbox-kit/listen-server.js';
import { domaLimits } from '../contract/doma-limits.js';
import { addPayment, type PaymentSeed } from './add-payment.js';
import { addResidentReading, type ResidentReadingSeed } from './add-resident-reading.js';
import { FINISHED_CONTEXT_STATUS } from './context-access.js';
import { type DomaFaults, mergeDomaFaults } from './doma-faults.js';
import type { ContextRec, OrganizationRec, PropertyRec } from './doma-records.js';
import { DomaRuntime } from './doma-runtime.js';
import { sandboxState } from './handle-admin.js';
import { handleRequest } from './handle-request.js';
import {
  type MeterView,
  meterView,
  type PaymentView,
  paymentView,
  type ReadingView,
  type ReceiptFileView,
  type ReceiptView,
  readingView,
  receiptFileView,
  receiptView,
} from './record-views.js';
import { DOMA_SANDBOX_EMAIL, DOMA_SANDBOX_PASSWORD } from './sandbox-defaults.js';
import { seedObjects } from './seed-objects.js';
import { addStaffMeter, archiveAsStaff, type StaffArchive, type StaffMeterSeed } from './staff-meters.js';
import { totalWrites, type WriteCounters } from './write-counters.js';

export { DOMA_SANDBOX_EMAIL, DOMA_SANDBOX_PASSWORD };

export interface DomaSandboxOptions extends Partial<DomaFaults> {
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  email?: string;
  password?: string;
  /** Seed of the fault-injection PRNG. */
  seed?: number;
  /** Start with the seed's organizations, context, house and meter (default true). */
  seedObjects?: boolean;
  /** The sandbox's clock (tests move it to expire tokens or reset the quota). */
  clock?: () => Date;
}

/** A running Doma.ai sandbox, inspected and steered in-process by tests (or over `/_sandbox/*`). */
export interface DomaSandbox {
  /** `http://host:port`; the API is at `${url}/admin/api`. */
  url: string;
  apiUrl: string;
  email: string;
  password: string;
  receipts(): ReceiptView[];
  files(): ReceiptFileView[];
  meters(): MeterView[];
  readings(): ReadingView[];
  payments(): PaymentView[];
  state(): ReturnType<typeof sandboxState>;
  /** Rows created or changed by API calls, by kind. */
  writeCounts(): WriteCounters;
  writeCount(): number;
  faults(): DomaFaults;
  setFaults(patch: Partial<DomaFaults>): void;
  expireTokens(): void;
  addOrganization(org?: Partial<OrganizationRec>): OrganizationRec;
  addContext(organizationId: string, status?: string, id?: string): ContextRec;
  addProperty(organizationId: string, address: string, fias?: string): PropertyRec;
  addPayment(payment: PaymentSeed): PaymentView;
  addResidentReading(reading: ResidentReadingSeed): ReadingView;
  /** A meter the УК's staff add in the CRM (sender: the CRM, not an integration). */
  addStaffMeter(meter: StaffMeterSeed): MeterView;
  /** Staff archive a meter in the CRM (now, or at `archiveDate`). */
  archiveMeterAsStaff(archive: StaffArchive): MeterView;
  /** Forgets everything and puts the starting objects back. */
  reset(): void;
  close(): Promise<void>;
}

const defaultFaults = (): DomaFaults => ({
  errorRate: 0,
  http5xxRate: 0,
  latencyMs: 0,
  quota: domaLimits.complexityPerHour,
  tokenTtlMs: domaLimits.sessionTtlMs,
});

export async function startDomaSandbox(options: DomaSandboxOptions = {}): Promise<DomaSandbox> {
  const {
    host = '127.0.0.1',
    port = 0,
    email = DOMA_SANDBOX_EMAIL,
    password = DOMA_SANDBOX_PASSWORD,
    seed = 1,
    seedObjects: withSeed = true,
    clock = () => new Date(),
    ...faultPatch
  } = options;
  const rt = new DomaRuntime(
    [{ id: 'a0000000-0000-4000-8000-000000000001', name: 'zhkh-bridge service user', email, password }],
    mergeDomaFaults(defaultFaults(), faultPatch),
    seed,
    clock,
  );
  const reseed = () => {
    if (withSeed) seedObjects(rt.store);
  };
  reseed();
  const server = createServer((req, res) => void handleRequest(rt, req, res, reseed));
  const url = await listenServer(server, host, port);
  const orgOf = (id: string) => {
    const org = rt.store.organizations.get(id);
    if (!org) throw new Error(`organization ${id} not found`);
    return org;
  };
  return {
    url,
    apiUrl: `${url}/admin/api`,
    email,
    password,
    receipts: () => [...rt.store.receipts.values()].map(receiptView),
    files: () => [...rt.store.receiptFiles.values()].map(receiptFileView),
    meters: () => [...rt.store.meters.values()].map(meterView),
    readings: () => [...rt.store.readings.values()].map(readingView),
    payments: () => [...rt.store.payments.values()].map(paymentView),
    state: () => sandboxState(rt),
    writeCounts: () => ({ ...rt.store.writes }),
    writeCount: () => totalWrites(rt.store.writes),
    faults: () => rt.faults,
    setFaults: (patch) => rt.setFaults(mergeDomaFaults(rt.faults, patch)),
    expireTokens: () => rt.tokens.expireAll(),
    addOrganization: (org) => rt.store.addOrganization(org),
    addContext: (organizationId, status = FINISHED_CONTEXT_STATUS, id) =>
      rt.store.addContext(orgOf(organizationId), status, id),
    addProperty: (organizationId, addr, fias) =>
      rt.store.addProperty(orgOf(organizationId), addr, fias ?? null),
    addPayment: (p) => paymentView(addPayment(rt.store, p)),
    addResidentReading: (r) => readingView(addResidentReading(rt.store, r)),
    addStaffMeter: (m) => meterView(addStaffMeter(rt.store, m)),
    archiveMeterAsStaff: (a) => meterView(archiveAsStaff(rt.store, a)),
    reset: () => {
      rt.reset();
      reseed();
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
