import { demoOrganization } from '../demo/generate-demo.js';

/**
 * The ingest benchmark's data: one receipt per лицевой счёт with exactly 12 service lines, in the
 * API input form. Deterministic and cheap, so generation does not skew what is measured.
 */
export function* benchReceipts(accounts: number, period = '2026-10'): Generator<Record<string, unknown>> {
  const org = demoOrganization();
  const bank = org.bankAccounts![0]!;
  const recipient = { inn: org.inn, kpp: org.kpp, bik: bank.bik, account: bank.account };
  for (let a = 0; a < accounts; a++) {
    const lines = [];
    let total = 0;
    for (let l = 0; l < 12; l++) {
      const charge = 10_000 + ((a * 7919 + l * 104_729) % 500_000);
      total += charge;
      lines.push({
        serviceId: `svc-${l + 1}`,
        name: `Услуга ${l + 1}`,
        charge: rubles(charge),
        toPay: rubles(charge),
        volume: `${(a % 50) + l}.125`,
        tariff: '42.17',
        measure: 'м³',
      });
    }
    yield {
      accountNumber: String(1_000_000_000 + a),
      period,
      recipient,
      toPay: rubles(total),
      balance: '0.00',
      charge: rubles(total),
      lines,
    };
  }
}

function rubles(kopecks: number): string {
  return `${Math.trunc(kopecks / 100)}.${String(kopecks % 100).padStart(2, '0')}`;
}
