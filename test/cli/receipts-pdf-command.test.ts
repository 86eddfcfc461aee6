import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGostQr } from '../../src/domain/epd/parse-gost-qr.js';
import { epdRecords } from '../support/epd-fixture.js';
import { POPPLER, pdfPages, pdfText, readQr } from '../support/poppler.js';
import { CLI_BUILT, cleanCliEnv, runCli } from '../support/run-cli.js';
import { call, startTestHub, type TestHub } from '../support/test-hub.js';

const ORG = 'uk-cli-epd';

describe.runIf(CLI_BUILT)('zhkh-bridge receipts pdf (through a running hub)', () => {
  let hub: TestHub;
  let out: string;
  beforeAll(async () => {
    hub = await startTestHub('pglite', { orgs: [ORG] });
    out = mkdtempSync(join(tmpdir(), 'epd-cli-'));
    for (const [n, over] of [
      ['4200000001', {}],
      ['4200000002', {}],
      ['4200000003', { recipient: { inn: '7736050003', bik: '044525593', account: '40702810801400016513' } }],
    ] as const) {
      const r = epdRecords(n, over);
      await call(hub, 'POST', `/v1/orgs/${ORG}/houses`, { json: [r.house] });
      await call(hub, 'POST', `/v1/orgs/${ORG}/premises`, { json: [{ ...r.premise, id: `p${n}` }] });
      await call(hub, 'POST', `/v1/orgs/${ORG}/accounts`, { json: [{ ...r.account, premiseId: `p${n}` }] });
      await call(hub, 'POST', `/v1/orgs/${ORG}/receipts`, { json: [r.receipt] });
    }
  });
  afterAll(async () => {
    await hub?.close();
    rmSync(out, { recursive: true, force: true });
  });

  const cli = (args: string[]) =>
    runCli(
      [
        'receipts',
        'pdf',
        '--org',
        ORG,
        '--period',
        '2026-10',
        '--quiet',
        '--url',
        hub.url,
        '--token',
        hub.adminToken,
        ...args,
      ],
      {
        env: cleanCliEnv(),
      },
    );

  it('writes one PDF per receipt, lists the refused one with its field and exits 2', async () => {
    const dir = join(out, 'each');
    const res = await cli(['--out', dir]);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(2);
    expect(res.stdout).toContain('2 ЕПД (2 pages)');
    expect(res.stdout).toContain('4200000003/2026-10/housing: recipient.bankName');
    expect(readdirSync(dir).sort()).toEqual([
      'epd_4200000001_2026-10_housing.pdf',
      'epd_4200000002_2026-10_housing.pdf',
    ]);
    if (POPPLER) {
      const pdf = readFileSync(join(dir, 'epd_4200000002_2026-10_housing.pdf'));
      expect(Object.fromEntries(parseGostQr(readQr(pdf)!).fields).PersAcc).toBe('4200000002');
    }
  });

  it('merges the period into one file, and the public variant has no ФИО', async () => {
    const dir = join(out, 'merged');
    const res = await cli(['--out', dir, '--merge', '--public', '--account', '4200000001']);
    expect(res.status).toBe(0);
    const file = join(dir, `epd_${ORG}_2026-10_public.pdf`);
    if (POPPLER) {
      expect(pdfPages(readFileSync(file))).toBe(1);
      expect(pdfText(readFileSync(file))).not.toMatch(/Иванов/);
    }
    const all = await cli(['--out', dir, '--merge']);
    expect(all.status).toBe(2);
    if (POPPLER) expect(pdfPages(readFileSync(join(dir, `epd_${ORG}_2026-10.pdf`)))).toBe(2);
    const none = await cli(['--out', dir, '--account', '4299999999']);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('no receipts');
  });
});
