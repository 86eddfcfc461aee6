import { z } from 'zod';
import { addPayment } from './add-payment.js';
import { addResidentReading } from './add-resident-reading.js';
import type { ApiAnswer } from './api-answer.js';
import { FINISHED_CONTEXT_STATUS } from './context-access.js';
import { mergeDomaFaults } from './doma-faults.js';
import type { DomaRuntime } from './doma-runtime.js';
import { addForeignReceipt, changeReceipt, deleteReceipt } from './receipt-drift.js';
import { meterView, paymentView, readingView, receiptFileView, receiptView } from './record-views.js';
import { json } from './send-answer.js';
import { addStaffMeter, archiveAsStaff } from './staff-meters.js';
import { totalWrites } from './write-counters.js';

const OrganizationBody = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  tin: z.string().optional(),
});
const ContextBody = z.object({
  id: z.string().optional(),
  organizationId: z.string(),
  status: z.string().default(FINISHED_CONTEXT_STATUS),
});
const PropertyBody = z.object({
  organizationId: z.string(),
  address: z.string().min(1),
  fias: z.string().optional(),
});

/** What `GET /_sandbox/state` shows. */
export function sandboxState(rt: DomaRuntime) {
  const s = rt.store;
  return {
    organizations: [...s.organizations.values()],
    contexts: [...s.contexts.values()].map((c) => ({
      id: c.id,
      status: c.status,
      organizationId: c.organization.id,
    })),
    properties: [...s.properties.values()].map((p) => ({
      id: p.id,
      organizationId: p.organization.id,
      address: p.address,
      fias: p.fias,
    })),
    counts: {
      receipts: s.receipts.size,
      receiptFiles: s.receiptFiles.size,
      meters: s.meters.size,
      readings: s.readings.size,
      payments: s.payments.size,
    },
    writes: { ...s.writes, total: totalWrites(s.writes) },
    faults: rt.faults,
  };
}

/**
 * `/_sandbox/*`: create organizations, contexts, houses, payments, residents' readings and staff's
 * meters (created or archived in the CRM), change, delete or add receipts behind the billing's back
 * (receipt-drift.ts), inspect
 * state, set faults, expire tokens, reset. `reseed` puts the seed's objects back after a reset.
 */
export function handleAdmin(
  rt: DomaRuntime,
  method: string,
  path: string,
  body: unknown,
  reseed: () => void,
): ApiAnswer {
  const s = rt.store;
  const route = `${method} ${path}`;
  try {
    switch (route) {
      case 'GET /_sandbox/state':
        return json(200, sandboxState(rt));
      case 'GET /_sandbox/receipts':
        return json(200, [...s.receipts.values()].map(receiptView));
      case 'POST /_sandbox/receipts':
        return json(201, receiptView(addForeignReceipt(s, body)));
      case 'POST /_sandbox/receipts/change':
        return json(200, receiptView(changeReceipt(s, body)));
      case 'POST /_sandbox/receipts/delete':
        return json(200, receiptView(deleteReceipt(s, body)));
      case 'GET /_sandbox/files':
        return json(200, [...s.receiptFiles.values()].map(receiptFileView));
      case 'GET /_sandbox/meters':
        return json(200, [...s.meters.values()].map(meterView));
      case 'GET /_sandbox/readings':
        return json(200, [...s.readings.values()].map(readingView));
      case 'GET /_sandbox/payments':
        return json(200, [...s.payments.values()].map(paymentView));
      case 'GET /_sandbox/writes':
        return json(200, { ...s.writes, total: totalWrites(s.writes) });
      case 'POST /_sandbox/organizations':
        return json(201, s.addOrganization(OrganizationBody.parse(body ?? {})));
      case 'POST /_sandbox/contexts': {
        const b = ContextBody.parse(body);
        const org = s.organizations.get(b.organizationId);
        if (!org) return json(404, { error: `organization ${b.organizationId} not found` });
        const existing = b.id ? s.contexts.get(b.id) : undefined;
        if (existing) existing.status = b.status;
        const ctx = existing ?? s.addContext(org, b.status, b.id);
        return json(201, { id: ctx.id, status: ctx.status, organizationId: org.id });
      }
      case 'POST /_sandbox/properties': {
        const b = PropertyBody.parse(body);
        const org = s.organizations.get(b.organizationId);
        if (!org) return json(404, { error: `organization ${b.organizationId} not found` });
        const p = s.addProperty(org, b.address, b.fias ?? null);
        return json(201, { id: p.id, organizationId: org.id, address: p.address, fias: p.fias });
      }
      case 'POST /_sandbox/payments': {
        const items = Array.isArray(body) ? body : [body];
        return json(
          201,
          items.map((p) => paymentView(addPayment(s, p))),
        );
      }
      case 'POST /_sandbox/readings': {
        const items = Array.isArray(body) ? body : [body];
        return json(
          201,
          items.map((r) => readingView(addResidentReading(s, r))),
        );
      }
      case 'POST /_sandbox/meters':
        return json(201, meterView(addStaffMeter(s, body as never)));
      case 'POST /_sandbox/meters/archive':
        return json(200, meterView(archiveAsStaff(s, body as never)));
      case 'GET /_sandbox/faults':
        return json(200, rt.faults);
      case 'POST /_sandbox/faults':
        rt.setFaults(mergeDomaFaults(rt.faults, (body ?? {}) as object));
        return json(200, rt.faults);
      case 'POST /_sandbox/expire-tokens':
        rt.tokens.expireAll();
        return json(200, { expired: true });
      case 'POST /_sandbox/reset':
        rt.reset();
        reseed();
        return json(200, { reset: true });
      default:
        return json(404, { error: `no admin route ${route}` });
    }
  } catch (err) {
    const message = err instanceof z.ZodError ? z.prettifyError(err) : (err as Error).message;
    return json(400, { error: message });
  }
}
