import { randomUUID } from 'node:crypto';
import type {
  BillingAccountRec,
  BillingPropertyRec,
  ContextRec,
  MeterRec,
  OrganizationRec,
  PaymentRec,
  PropertyRec,
  ReadingRec,
  ReceiptFileRec,
  ReceiptRec,
} from './doma-records.js';
import { type WriteCounters, zeroWriteCounters } from './write-counters.js';

/** The sandbox's in-memory database: records by id plus the lookups the mutations need. */
export class DomaStore {
  readonly organizations = new Map<string, OrganizationRec>();
  readonly contexts = new Map<string, ContextRec>();
  readonly properties = new Map<string, PropertyRec>();
  /** Billing properties by `${contextId}|${key}` (ФИАС or house address). */
  readonly billingProperties = new Map<string, BillingPropertyRec>();
  /** Billing accounts by `${contextId}|${number}`. */
  readonly billingAccounts = new Map<string, BillingAccountRec>();
  readonly receipts = new Map<string, ReceiptRec>();
  /** Receipts by `${contextId}|${importId}`. */
  readonly receiptsByImportId = new Map<string, ReceiptRec>();
  /** Receipts by their natural key (context, period, account, house, category, recipient). */
  readonly receiptsByNaturalKey = new Map<string, ReceiptRec>();
  readonly receiptFiles = new Map<string, ReceiptFileRec>();
  readonly meters = new Map<string, MeterRec>();
  /**
   * Meters by `${organizationId}|${resourceId}|${number}` and by `${organizationId}|${accountNumber}`:
   * registerMetersReadings matches and checks every row against them (a scan of every meter per row
   * made a 20,000-account demo crawl at ~140 rows/s). updateMeter may change a meter's number or
   * account: it takes the meter out of the lookups and puts it back (unindexMeter, indexMeter).
   */
  readonly metersByNumber = new Map<string, MeterRec[]>();
  readonly metersByAccount = new Map<string, MeterRec[]>();
  readonly readings = new Map<string, ReadingRec>();
  /** Readings by meter id, for the duplicate check. */
  readonly readingsByMeter = new Map<string, ReadingRec[]>();
  readonly payments = new Map<string, PaymentRec>();
  writes: WriteCounters = zeroWriteCounters();

  constructor(readonly now: () => Date = () => new Date()) {}

  newId(): string {
    return randomUUID();
  }

  nowIso(): string {
    return this.now().toISOString();
  }

  /** Adds a meter to the lookups (newMeter does this for every meter it stores). */
  indexMeter(m: MeterRec): void {
    for (const [map, key] of this.meterKeys(m)) {
      const list = map.get(key);
      if (list) list.push(m);
      else map.set(key, [m]);
    }
  }

  /** Takes a meter out of the lookups before a write that may change its number or account. */
  unindexMeter(m: MeterRec): void {
    for (const [map, key] of this.meterKeys(m)) {
      const rest = (map.get(key) ?? []).filter((x) => x !== m);
      if (rest.length > 0) map.set(key, rest);
      else map.delete(key);
    }
  }

  private meterKeys(m: MeterRec) {
    return [
      [this.metersByNumber, meterNumberKey(m.organization.id, m.resource.id, m.number)],
      [this.metersByAccount, `${m.organization.id}|${m.accountNumber}`],
    ] as const;
  }

  addOrganization(org: Partial<OrganizationRec> = {}): OrganizationRec {
    const rec: OrganizationRec = { id: org.id ?? this.newId(), name: org.name ?? 'УК', tin: org.tin ?? '' };
    this.organizations.set(rec.id, rec);
    return rec;
  }

  addContext(organization: OrganizationRec, status: string, id = this.newId()): ContextRec {
    const now = this.nowIso();
    const rec: ContextRec = { id, status, organization, createdAt: now, updatedAt: now, deletedAt: null };
    this.contexts.set(id, rec);
    return rec;
  }

  addProperty(
    organization: OrganizationRec,
    address: string,
    fias: string | null,
    aliases: string[] = [],
  ): PropertyRec {
    const id = this.newId();
    const now = this.nowIso();
    const rec: PropertyRec = {
      id,
      organization,
      address,
      addressKey: fias ?? id,
      fias,
      aliases,
      name: null,
      type: 'building',
      addressMeta: { dv: 1, value: address, unrestricted_value: address, data: { house_fias_id: fias } },
      v: 1,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    };
    this.properties.set(id, rec);
    return rec;
  }

  /** Properties of an organization. */
  propertiesOf(organizationId: string): PropertyRec[] {
    return [...this.properties.values()].filter((p) => p.organization.id === organizationId);
  }

  /** The organization's house this address or ФИАС names, if any. */
  findProperty(
    organizationId: string,
    address: string,
    globalId: string | undefined,
  ): PropertyRec | undefined {
    const fias = globalId?.split(',')[0]?.trim().toLowerCase();
    const text = normalizeAddress(address);
    return this.propertiesOf(organizationId).find(
      (p) =>
        (fias !== undefined && fias !== '' && p.fias?.toLowerCase() === fias) ||
        [p.address, ...p.aliases].some((a) => {
          const known = normalizeAddress(a);
          return text === known || text.startsWith(`${known},`) || text.startsWith(`${known} `);
        }),
    );
  }
}

/** Case and spacing do not make two addresses different. */
export function normalizeAddress(address: string): string {
  return address.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The key of DomaStore.metersByNumber. */
export function meterNumberKey(organizationId: string, resourceId: string, number: string): string {
  return `${organizationId}|${resourceId}|${number}`;
}
