import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CliError } from '../../src/cli/cli-error.js';
import { registerExportCommand } from '../../src/cli/commands/export-command.js';
import { appendInbox } from '../../src/store/inbox-store.js';
import { type Db, openStore } from '../../src/store/open-store.js';
import { upsertOrg } from '../../src/store/org-store.js';
import { upsertRecords } from '../../src/store/record-store.js';
import { prepareRecord } from '../../src/store/record-validation.js';
import { EXPORT_INBOX, EXPORT_METER, READINGS_CSV } from '../support/export-inbox.js';
import { orgFixture, startTestHub, type TestHub } from '../support/test-hub.js';

const ORG = 'uk-exp';

async function seed(db: Db): Promise<void> {
  await upsertOrg(db, orgFixture(ORG) as never);
  await upsertRecords(db, ORG, 'meter', [
    prepareRecord(EXPORT_METER.id, { ...EXPORT_METER, tariffCount: 1 }),
  ]);
  await appendInbox(db, ORG, EXPORT_INBOX);
}

function program(): Command {
  const p = new Command().exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} });
  registerExportCommand(p);
  return p;
}

/** Runs `zhkh-bridge export …` in this process: what it printed and the error it ended with. */
async function runExport(args: string[]): Promise<{ stdout: string; stderr: string; error: unknown }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(console, 'log').mockImplementation((...a) => {
    stdout += `${a.join(' ')}\n`;
  });
  const err = vi.spyOn(console, 'error').mockImplementation((...a) => {
    stderr += `${a.join(' ')}\n`;
  });
  try {
    await program().parseAsync(['export', ...args], { from: 'user' });
    return { stdout, stderr, error: undefined };
  } catch (error) {
    return { stdout, stderr, error };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('zhkh-bridge export, on the store and through a hub', () => {
  let dir: string;
  let dataDir: string;
  let hub: TestHub;
  beforeAll(async () => {
    vi.stubEnv('ZHKH_URL', '');
    vi.stubEnv('ZHKH_TOKEN', '');
    vi.stubEnv('DATABASE_URL', '');
    dir = mkdtempSync(join(tmpdir(), 'zb-export-'));
    dataDir = join(dir, 'data');
    const store = await openStore({ driver: 'pglite', dataDir });
    try {
      await seed(store.db);
    } finally {
      await store.close();
    }
    hub = await startTestHub('pglite');
    await seed(hub.store.db);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await hub?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const where of ['store', 'hub'] as const) {
    it(`writes the windows-1251 file and moves the cursor only with --ack (${where})`, async () => {
      const at = () =>
        where === 'store' ? ['--data-dir', dataDir] : ['--url', hub.url, '--token', hub.adminToken];
      const out = join(dir, `readings-${where}.csv`);
      const args = ['--org', ORG, '--kind', 'readings', '--out', out];

      const first = await runExport([...args, ...at()]);
      expect(first.error).toBeUndefined();
      expect(readFileSync(out).equals(iconv.encode(READINGS_CSV, 'win1251'))).toBe(true);
      expect(first.stdout).toBe(
        `${out}: 4 readings rows from 7 inbox items (cursor 0 → 11), windows-1251\n` +
          'cursor "readings" not moved; once the file is loaded: the same command with --ack\n',
      );
      expect(first.stderr).toBe(
        '1 inbox items could not be exported:\n  cursor 10 (doma r-bad) date: the reading has no date\n',
      );

      // The load failed: the same command gives the same file; then --ack once it is loaded.
      const acked = await runExport([...args, '--ack', ...at()]);
      expect(readFileSync(out).equals(iconv.encode(READINGS_CSV, 'win1251'))).toBe(true);
      expect(acked.stdout).toContain('cursor "readings" moved to 11\n');

      const after = await runExport([...args, '--encoding', 'utf-8', ...at()]);
      expect(readFileSync(out, 'utf8')).toBe(`${READINGS_CSV.split('\r\n')[0]}\r\n`);
      expect(after.stdout).toContain('0 readings rows from 0 inbox items (cursor 11 → 11)');

      const nd = join(dir, `payments-${where}.ndjson`);
      await runExport([
        '--org',
        ORG,
        '--kind',
        'payments',
        '--format',
        'ndjson',
        '--cursor-name',
        '1c',
        '--out',
        nd,
        ...at(),
      ]);
      const lines = readFileSync(nd, 'utf8')
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines.map((l) => [l.paymentId, l.amount, l.period])).toEqual([
        ['pay-d1', '1234.50', '2026-11'],
        ['P-77', '1000.00', '2026-10'],
      ]);
    });
  }

  it('documents every option with examples', () => {
    const cmd = program().commands.find((c) => c.name() === 'export')!;
    let help = '';
    cmd.configureOutput({ writeOut: (t) => (help += t) }).outputHelp();
    for (const flag of [
      '--org',
      '--kind',
      '--since',
      '--date',
      '--format',
      '--encoding',
      '--ack',
      '--cursor-name',
      '--time-zone',
      '--out',
      '--url',
      '--data-dir',
    ])
      expect(help).toContain(flag);
    expect(help).toContain('zhkh-bridge export --org uk-sever --kind readings --out readings.csv --ack');
  });

  it('refuses --ack with --date, windows-1251 NDJSON and an impossible date before reading anything', async () => {
    const base = ['--org', ORG, '--data-dir', dataDir, '--out', join(dir, 'x.csv')];
    const dated = await runExport([...base, '--kind', 'readings', '--date', '2026-11', '--ack']);
    expect(dated.error).toBeInstanceOf(CliError);
    expect((dated.error as Error).message).toContain('--ack with --date');
    const nd = await runExport([
      ...base,
      '--kind',
      'readings',
      '--format',
      'ndjson',
      '--encoding',
      'windows-1251',
    ]);
    expect((nd.error as Error).message).toContain('NDJSON is UTF-8');
    const feb = await runExport([...base, '--kind', 'readings', '--date', '2026-02-30']);
    expect((feb.error as Error).message).toContain('2026-02-30');
    expect((await runExport([...base, '--kind', 'meters'])).error).toMatchObject({
      code: 'commander.invalidArgument',
    });
  });
});
