import { rub } from './demo-format.js';
import type { DemoRecord } from './demo-record.js';
import { DEMO_SERVICES } from './demo-services.js';
import { DEMO_TARIFFS } from './demo-tariffs.js';

/**
 * The service and tariff records every run starts with: houses' receipts, meters and contracts refer
 * to them, so they must reach the hub first. Tariffs are valid from the start of the billing period.
 */
export function* catalogueRecords(periodStart: string): Generator<DemoRecord, void, undefined> {
  for (const s of DEMO_SERVICES) {
    yield {
      kind: 'service',
      record: {
        id: s.id,
        name: s.name,
        shortName: s.shortName,
        measure: s.measure,
        ...(s.provider ? { provider: s.provider } : {}),
      },
    };
  }
  for (const t of DEMO_TARIFFS) {
    yield {
      kind: 'tariff',
      record: {
        id: t.id,
        name: t.name,
        ...(t.serviceId ? { serviceId: t.serviceId } : {}),
        ...(t.rate === undefined ? {} : { rate: rub(t.rate) }),
        ...(t.measure ? { measure: t.measure } : {}),
        ...(t.cost === undefined ? {} : { cost: rub(t.cost) }),
        validFrom: periodStart,
        options: t.options ?? [],
      },
    };
  }
}
