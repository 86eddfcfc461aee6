import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { withInn10Check, withOgrnCheck, withSettlementKey } from '../../src/demo/check-digits.js';
import { type DemoRecord, demoOrganization, generateDemo } from '../../src/demo/generate-demo.js';
import { RandomSource } from '../../src/demo/random-source.js';
import { surnameFor } from '../../src/demo/russian-names.js';
import { type EntityKindName, entityKindNames, entityKinds } from '../../src/domain/entity-kinds.js';
import { Organization } from '../../src/domain/model/organization.js';
import {
  isValidCorrespondentAccount,
  isValidInn,
  isValidOgrn,
  isValidSettlementAccount,
} from '../../src/domain/validators/index.js';

// biome-ignore lint/suspicious/noExplicitAny: parsed records of every kind are inspected generically
type Parsed = any;

function parseAll(records: Iterable<DemoRecord>): { kind: EntityKindName; parsed: Parsed }[] {
  const out: { kind: EntityKindName; parsed: Parsed }[] = [];
  for (const { kind, record } of records) {
    const result = entityKinds[kind].schema.safeParse(record);
    if (!result.success) {
      throw new Error(`${kind} ${JSON.stringify(record)} does not parse: ${result.error.message}`);
    }
    out.push({ kind, parsed: result.data });
  }
  return out;
}

function hashFirst(records: Iterable<DemoRecord>, n: number): string {
  const hash = createHash('sha256');
  let i = 0;
  for (const r of records) {
    if (i++ >= n) break;
    hash.update(JSON.stringify(r));
    hash.update('\n');
  }
  return hash.digest('hex');
}

/** sha256 over every record, one JSON line each: the whole sequence, kinds and order included. */
function hashAll(records: Iterable<unknown>): string {
  const hash = createHash('sha256');
  for (const r of records) {
    hash.update(JSON.stringify(r));
    hash.update('\n');
  }
  return hash.digest('hex');
}

const N = 300;
const all = parseAll(generateDemo({ accounts: N, seed: 42 }));
const byKind = (kind: EntityKindName) => all.filter((r) => r.kind === kind).map((r) => r.parsed);

describe('random source', () => {
  it('is deterministic and in range', () => {
    const a = new RandomSource(7);
    const b = new RandomSource(7);
    for (let i = 0; i < 1000; i++) {
      const x = a.int(3, 9);
      expect(x).toBe(b.int(3, 9));
      expect(x).toBeGreaterThanOrEqual(3);
      expect(x).toBeLessThanOrEqual(9);
      const f = a.next();
      expect(f).toBe(b.next());
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
    }
    expect(new RandomSource(1).uint32()).not.toBe(new RandomSource(2).uint32());
  });

  it('picks, samples and flips coins', () => {
    const r = new RandomSource(3);
    expect(['a', 'b']).toContain(r.pick(['a', 'b']));
    const s = r.sample([1, 2, 3, 4, 5], 3);
    expect(new Set(s).size).toBe(3);
    let heads = 0;
    for (let i = 0; i < 10_000; i++) if (r.chance(0.3)) heads++;
    expect(heads).toBeGreaterThan(2700);
    expect(heads).toBeLessThan(3300);
  });
});

describe('names', () => {
  it('forms female surnames', () => {
    expect(surnameFor('Иванов', 'female')).toBe('Иванова');
    expect(surnameFor('Соловьёв', 'female')).toBe('Соловьёва');
    expect(surnameFor('Ильин', 'female')).toBe('Ильина');
    expect(surnameFor('Островский', 'female')).toBe('Островская');
    expect(surnameFor('Толстой', 'female')).toBe('Толстая');
    expect(surnameFor('Шевченко', 'female')).toBe('Шевченко');
    expect(surnameFor('Черных', 'female')).toBe('Черных');
    expect(surnameFor('Иванов', 'male')).toBe('Иванов');
  });
});

describe('check digits', () => {
  it('agrees with domain.md vectors', () => {
    expect(withInn10Check('773605000')).toBe('7736050003');
    expect(withInn10Check('770708389')).toBe('7707083893');
    expect(withOgrnCheck('102770013219')).toBe('1027700132195');
    expect(withSettlementKey('40702810038250123017', '044525225')).toBe('40702810138250123017');
    expect(withSettlementKey('40702810001400016513', '044525593')).toBe('40702810801400016513');
    expect(withSettlementKey('40701810900001002118', '044106001')).toBe('40701810000001002118');
  });
});

describe('demoOrganization', () => {
  it('is a valid organisation with valid identifiers and bank keys', () => {
    for (const seed of [1, 2, 3, 42, 1000]) {
      const org = Organization.parse(demoOrganization({ seed, orgId: 'uk-demo' }));
      expect(org.id).toBe('uk-demo');
      expect(isValidInn(org.inn)).toBe(true);
      expect(org.inn).toHaveLength(10);
      expect(org.ogrn && isValidOgrn(org.ogrn)).toBe(true);
      expect(org.kpp).toMatch(/^\d{9}$/);
      expect(org.bankAccounts.length).toBeGreaterThan(0);
      for (const b of org.bankAccounts) {
        expect(isValidSettlementAccount(b.account, b.bik)).toBe(true);
        expect(isValidCorrespondentAccount(b.corrAccount ?? '', b.bik)).toBe(true);
      }
      expect(org.bankAccounts[0]?.bik).toBe('044525225');
    }
  });
  it('is deterministic per seed', () => {
    expect(demoOrganization({ seed: 5 })).toEqual(demoOrganization({ seed: 5 }));
    expect(demoOrganization({ seed: 5 }).inn).not.toBe(demoOrganization({ seed: 6 }).inn);
  });
});

describe('generateDemo', () => {
  it('produces every kind, each parsing with its schema', () => {
    const kinds = new Set(all.map((r) => r.kind));
    // PDF receipts are uploaded by the billing; the generator makes none (the Doma.ai demo uploads a few).
    const generated = entityKindNames.filter((k) => k !== 'receipt_file');
    expect([...kinds].sort()).toEqual([...generated].sort());
  });

  it('produces exactly N accounts, also for odd counts', () => {
    expect(byKind('account')).toHaveLength(N);
    for (const n of [0, 1, 41, 257]) {
      let count = 0;
      for (const r of generateDemo({ accounts: n, seed: 9 })) if (r.kind === 'account') count++;
      expect(count).toBe(n);
    }
  });

  it('emits records in dependency order', () => {
    const seen = new Set<string>();
    const houses = new Set<string>();
    const premises = new Set<string>();
    const accounts = new Set<string>();
    const meters = new Set<string>();
    const services = new Set<string>();
    const tariffs = new Set<string>();
    for (const { kind, parsed } of all) {
      seen.add(kind);
      if (kind === 'service') services.add(parsed.id);
      if (kind === 'tariff') {
        tariffs.add(parsed.id);
        if (parsed.serviceId) expect(services.has(parsed.serviceId)).toBe(true);
      }
      if (kind === 'house') houses.add(parsed.id);
      if (kind === 'premise') {
        expect(houses.has(parsed.houseId)).toBe(true);
        premises.add(parsed.id);
      }
      if (kind === 'account') {
        expect(premises.has(parsed.premiseId)).toBe(true);
        accounts.add(parsed.number);
      }
      if (['meter', 'balance', 'receipt', 'payment', 'transaction', 'contract'].includes(kind)) {
        expect(accounts.has(parsed.accountNumber)).toBe(true);
      }
      if (kind === 'meter') meters.add(parsed.id);
      if (kind === 'reading') expect(meters.has(parsed.meterId)).toBe(true);
      if (kind === 'balance' || kind === 'meter') expect(services.has(parsed.serviceId)).toBe(true);
      if (kind === 'receipt') for (const l of parsed.lines) expect(services.has(l.serviceId)).toBe(true);
      if (kind === 'contract') for (const t of parsed.tariffIds) expect(tariffs.has(t)).toBe(true);
    }
  });

  it('gives unique keys per kind', () => {
    for (const kind of entityKindNames) {
      const keyOf = entityKinds[kind].keyOf as (r: Parsed) => string;
      const keys = byKind(kind).map((r) => keyOf(r));
      expect(new Set(keys).size, kind).toBe(keys.length);
    }
  });

  it('makes 10-digit account numbers and realistic addresses, names and phones', () => {
    for (const a of byKind('account')) {
      expect(a.number).toMatch(/^\d{10}$/);
      expect(a.persons.length).toBeGreaterThanOrEqual(1);
      expect(a.persons.length).toBeLessThanOrEqual(4);
      expect(a.persons.some((p: Parsed) => p.isOwner) || a.ownerType === 'company').toBe(true);
      for (const p of a.persons) {
        expect(p.fullName).toMatch(/^[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+$/);
        for (const ph of p.phones) expect(ph).toMatch(/^\+7 9\d\d \d{3}-\d\d-\d\d$/);
      }
    }
    for (const h of byKind('house')) {
      expect(h.address).toMatch(
        /^г\. [А-ЯЁ][а-яё -]+, (ул\.|пр-кт|пер\.|б-р|ш\.|наб\.) .+, д\. \d+(, корп\. \d)?$/,
      );
      expect(h.fiasGuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    const flats = new Map<string, number>();
    for (const p of byKind('premise'))
      if (p.type === 'flat') flats.set(p.houseId, (flats.get(p.houseId) ?? 0) + 1);
    const counts = [...flats.values()];
    // Every house but the last (possibly partial) one has 40–200 flats.
    for (const c of counts.slice(0, -1)) {
      expect(c).toBeGreaterThanOrEqual(40);
      expect(c).toBeLessThanOrEqual(200);
    }
    const types = new Set<string>();
    for (const r of generateDemo({ accounts: 3000, seed: 42 }))
      if (r.kind === 'premise') types.add(r.record.type ?? '');
    expect([...types].sort()).toEqual(['flat', 'parking', 'storage']);
  });

  it('keeps receipt arithmetic exact', () => {
    const receipts = byKind('receipt');
    expect(receipts).toHaveLength(N);
    const txSum = new Map<string, number>();
    for (const t of byKind('transaction'))
      txSum.set(t.accountNumber, (txSum.get(t.accountNumber) ?? 0) + t.amount);
    const balanceSum = new Map<string, number>();
    for (const b of byKind('balance')) {
      balanceSum.set(b.accountNumber, (balanceSum.get(b.accountNumber) ?? 0) + b.amount);
    }
    const paidSum = new Map<string, number>();
    for (const p of byKind('payment'))
      paidSum.set(p.accountNumber, (paidSum.get(p.accountNumber) ?? 0) + p.amount);
    for (const r of receipts) {
      expect(r.lines.length).toBeGreaterThanOrEqual(10);
      expect(r.lines.length).toBeLessThanOrEqual(20);
      let charge = 0;
      let net = 0;
      for (const l of r.lines) {
        expect(Number.isInteger(l.charge)).toBe(true);
        expect(l.toPay).toBe(l.charge - l.privilege + l.recalculation);
        charge += l.charge;
        net += l.toPay;
      }
      expect(r.charge).toBe(charge);
      expect(r.toPay).toBe(r.balance + net - r.paid + r.penalty);
      expect(r.balance).toBe(balanceSum.get(r.accountNumber));
      expect(r.paid).toBe(paidSum.get(r.accountNumber) ?? 0);
      // The ledger of the period leads from the opening balance to the amount due.
      expect(r.balance + (txSum.get(r.accountNumber) ?? 0)).toBe(r.toPay);
    }
  });

  it('gives each flat account 2–6 meters with one reading each', () => {
    const meters = new Map<string, number>();
    for (const m of byKind('meter')) meters.set(m.accountNumber, (meters.get(m.accountNumber) ?? 0) + 1);
    for (const a of byKind('account')) {
      const n = meters.get(a.number) ?? 0;
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(6);
    }
    const readings = byKind('reading');
    expect(readings).toHaveLength(byKind('meter').length);
    const twoTariff = new Set(
      byKind('meter')
        .filter((m) => m.tariffCount === 2)
        .map((m) => m.id),
    );
    expect(twoTariff.size).toBeGreaterThan(0);
    for (const r of readings) expect(r.value2 !== undefined).toBe(twoTariff.has(r.meterId));
  });

  it('has payments for about 70% and contracts for about 30% of accounts', () => {
    const payments = byKind('payment').length / N;
    const contracts = byKind('contract').length / N;
    expect(payments).toBeGreaterThan(0.6);
    expect(payments).toBeLessThan(0.8);
    expect(contracts).toBeGreaterThan(0.2);
    expect(contracts).toBeLessThan(0.4);
    const services = byKind('service').length;
    expect(services).toBeGreaterThanOrEqual(15);
    expect(services).toBeLessThanOrEqual(20);
  });

  it('is deterministic, and different seeds differ', () => {
    const a = hashFirst(generateDemo({ accounts: 1000, seed: 7 }), 5000);
    const b = hashFirst(generateDemo({ accounts: 1000, seed: 7 }), 5000);
    const c = hashFirst(generateDemo({ accounts: 1000, seed: 8 }), 5000);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('rejects bad options', () => {
    expect(() => generateDemo({ accounts: -1 }).next()).toThrow();
    expect(() => generateDemo({ accounts: 1, period: '2026-13' }).next()).toThrow();
    expect(() => generateDemo({ accounts: 1, period: '1950-01' }).next()).toThrow();
  });

  it('gives every meter a serial unique per resource at size (Doma.ai refuses a taken number)', () => {
    const seen = new Set<string>();
    let meters = 0;
    for (const r of generateDemo({ accounts: 20_000, seed: 1 })) {
      if (r.kind !== 'meter') continue;
      meters++;
      const m = r.record as { resource: string; number: string };
      expect(m.number).toMatch(m.resource === 'electricity' ? /^0\d{8}$/ : /^\d{8}$/);
      seen.add(`${m.resource}:${m.number}`);
    }
    expect(meters).toBeGreaterThan(70_000);
    expect(seen.size).toBe(meters);
  }, 300_000);

  it('streams 200,000 accounts in bounded memory', () => {
    const before = process.memoryUsage().heapUsed;
    let records = 0;
    let accounts = 0;
    for (const r of generateDemo({ accounts: 200_000, seed: 3 })) {
      records++;
      if (r.kind === 'account') accounts++;
    }
    const growth = process.memoryUsage().heapUsed - before;
    expect(accounts).toBe(200_000);
    expect(records).toBeGreaterThan(200_000 * 10);
    expect(growth).toBeLessThan(150 * 1024 * 1024);
    // Generous: this checks memory, not speed, and a shared machine can be slow.
  }, 300_000);
});

// Golden fingerprints of the generated data. They pin the generator byte for byte, so that a refactor
// cannot change the demo data unnoticed. When you change the data on purpose (a new field, other
// distributions, another order of random draws), regenerate them: run this file, copy the actual
// hashes in, and say in the commit why the data changed.
describe('golden output', () => {
  it('generates the pinned records for 3000 accounts with seed 7', () => {
    expect(hashAll(generateDemo({ accounts: 3000, seed: 7 }))).toBe(
      '23588868f133fdca4545feb6ace6cc64d8a7ef9f1cb73f7cbb1e4917b8df1476',
    );
  });

  it('generates the pinned records for 500 accounts with the default options', () => {
    expect(hashAll(generateDemo({ accounts: 500 }))).toBe(
      '3732d88240ab26ac803e96c43ebacd3319f2eebcd64dbdfe5537e5ca4006faef',
    );
  });

  it('generates the pinned organisation for seed 3', () => {
    expect(hashAll([demoOrganization({ seed: 3 })])).toBe(
      'ab1482f83aa3c0885474832aba9b9b8a1f596dee1f3fc7eee19cf6d74ed9940a',
    );
  });
});
