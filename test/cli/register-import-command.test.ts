import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CliError } from '../../src/cli/cli-error.js';
import { registerImportCommand } from '../../src/cli/import/register-import-command.js';
import { openStore } from '../../src/store/open-store.js';
import { upsertOrg } from '../../src/store/org-store.js';
import { getRecord } from '../../src/store/record-store.js';
import { orgFixture, startTestHub, type TestHub } from '../support/test-hub.js';

const account = (n: string) => ({ number: n, premiseId: `p-${n}` });

function program(): Command {
  const p = new Command().exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} });
  registerImportCommand(p);
  return p;
}

/** Runs `zhkh-bridge import …` and returns what it printed on stdout and stderr and the error it ended with. */
async function runCli(args: string[]): Promise<{ stdout: string; stderr: string; error: unknown }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    await program().parseAsync(['import', ...args], { from: 'user' });
    return { stdout, stderr, error: undefined };
  } catch (error) {
    return { stdout, stderr, error };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** A record of uk-cli in the embedded store at `dataDir`, opened for the look only. */
async function storedIn(dataDir: string, kind: string, key: string) {
  const store = await openStore({ driver: 'pglite', dataDir });
  try {
    return await getRecord(store.db, 'uk-cli', kind, key);
  } finally {
    await store.close();
  }
}

describe('zhkh-bridge import', () => {
  let dir: string;
  let dataDir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zb-import-'));
    dataDir = join(dir, 'data');
    const store = await openStore({ driver: 'pglite', dataDir });
    await upsertOrg(store.db, orgFixture('uk-cli') as never);
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => vi.unstubAllEnvs());

  it('documents every option with examples', () => {
    const cmd = program().commands.find((c) => c.name() === 'import')!;
    let help = '';
    cmd.configureOutput({ writeOut: (s) => (help += s) }).outputHelp();
    for (const flag of [
      '--org',
      '--kind',
      '--format',
      '--encoding',
      '--delimiter',
      '--batch',
      '--report',
      '--url',
      '--token',
      '--data-dir',
      '--database-url',
      '--mapping',
      '--dry-run',
      '--template',
    ]) {
      expect(help).toContain(flag);
    }
    expect(help).toContain('env: ZHKH_URL');
    expect(help).toContain('--encoding cp1251 --delimiter');
    expect(help).toContain('Exit codes');
  });

  it('imports into the data directory, prints a table, and ends with exit code 2 when something was rejected', async () => {
    const file = join(dir, 'accounts.ndjson');
    writeFileSync(file, `${JSON.stringify(account('1'))}\n{oops\n${JSON.stringify(account('2'))}\n`);
    const { stdout, error } = await runCli([file, '--org', 'uk-cli', '--data-dir', dataDir, '--batch', '1']);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as CliError).message).toContain(`${file}.errors.ndjson`);
    expect(stdout).toMatch(/file\s+kind\s+read as\s+records\s+created/);
    expect(stdout).toMatch(/accounts\.ndjson\s+account\s+ndjson utf8\s+3\s+2\s+0\s+0\s+1/);
    expect(readFileSync(`${file}.errors.ndjson`, 'utf8')).toContain('"line":2');

    writeFileSync(file, `${JSON.stringify(account('1'))}\n`);
    const clean = await runCli([file, '--org', 'uk-cli', '--data-dir', dataDir]);
    expect(clean.error).toBeUndefined();
    expect(existsSync(`${file}.errors.ndjson`)).toBe(false);

    expect(await storedIn(dataDir, 'account', '2')).toBeDefined();
  });

  it('fails with exit code 1 naming an unknown organization', async () => {
    const file = join(dir, 'accounts.ndjson');
    const { error } = await runCli([file, '--org', 'no-such-uk', '--data-dir', dataDir]);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(1);
    expect((error as CliError).message).toMatch(/organization "no-such-uk" does not exist/);
  });

  it('rejects bad option values before doing anything', async () => {
    const file = join(dir, 'accounts.ndjson');
    expect((await runCli([file, '--org', 'uk-cli', '--batch', '0'])).error).toMatchObject({
      code: 'commander.invalidArgument',
    });
    expect((await runCli([file, '--org', 'uk-cli', '--encoding', 'koi8-r'])).error).toMatchObject({
      code: 'commander.invalidArgument',
    });
    expect((await runCli([file])).error).toMatchObject({ code: 'commander.missingMandatoryOptionValue' });
    vi.stubEnv('ZHKH_URL', 'http://127.0.0.1:1');
    vi.stubEnv('ZHKH_TOKEN', '');
    expect(((await runCli([file, '--org', 'uk-cli'])).error as Error).message).toMatch(/--url needs --token/);
    const both = await runCli([
      file,
      '--org',
      'uk-cli',
      '--url',
      'http://127.0.0.1:1',
      '--data-dir',
      dataDir,
    ]);
    expect((both.error as Error).message).toMatch(/either --url .* or --data-dir/);
  });

  it('writes a template, dry-runs the 1С samples without writing, then imports them; prints the errors of the broken copy', async () => {
    const templates = join(dir, 'templates');
    const written = await runCli(['--template', 'receipts', templates]);
    expect(written.error).toBeUndefined();
    expect(written.stdout).toContain(join(templates, 'receipts.csv'));
    expect(written.stdout).toContain(join(templates, 'receipts.mapping.yaml'));
    const mapping = join(templates, 'receipts.mapping.yaml');
    const csv = join(templates, 'receipts.csv');

    const dry = await runCli([
      csv,
      '--org',
      'uk-cli',
      '--data-dir',
      dataDir,
      '--mapping',
      mapping,
      '--dry-run',
    ]);
    expect(dry.error).toBeUndefined();
    expect(dry.stdout).toMatch(/receipts\.csv\s+receipt\s+csv cp1251 ';'\s+1\s+1\s+0\s+0\s+0/);
    expect(dry.stdout).toContain('dry run: nothing was written');
    const peek = () => storedIn(dataDir, 'receipt', '7401000012/2026-11/housing');
    expect(await peek()).toBeUndefined();
    expect(
      (await runCli([csv, '--org', 'uk-cli', '--data-dir', dataDir, '--mapping', mapping])).error,
    ).toBeUndefined();
    expect((await peek())?.data).toMatchObject({ toPay: 395909 });

    const brokenDir = join(import.meta.dirname, '../../examples/1c/broken');
    const report = join(dir, 'broken.errors.ndjson');
    const result = await runCli([
      brokenDir,
      '--org',
      'uk-cli',
      '--data-dir',
      dataDir,
      '--dry-run',
      '--report',
      report,
    ]);
    expect((result.error as CliError).exitCode).toBe(2);
    expect((result.error as CliError).message).toBe(
      `2 of 26 records were rejected; 1 file header has a problem; each is listed in ${report}`,
    );
    expect(readFileSync(report, 'utf8').trim().split('\n')).toHaveLength(3);
    // Besides the progress lines ("import 02_accounts.csv: 8 accounts in …"), one line per error.
    expect(result.stderr.split('\n').filter((l) => !l.startsWith('import '))).toEqual([
      expect.stringMatching(
        /^02_accounts\.csv:1 «Примечание» column_unknown: no account field is called «Примечание»/,
      ),
      '02_accounts.csv:3 «Дата открытия» (account.openedOn) [7401000012] date_format: Date "31.02.2021 0:00:00" does not exist: that month has 28 days',
      expect.stringMatching(
        /^07_receipts-2026-11\.csv:8 «Итого к оплате» \(receipt\.toPay\) \[7401000012\/2026-11\/housing\] receipt_total_mismatch: the total 8447\.05 /,
      ),
      '',
    ]);
  });

  it('refuses a mapping that names a field no kind has', async () => {
    const mapping = join(dir, 'bad-map.json');
    writeFileSync(mapping, JSON.stringify({ columns: { 'Лиц. счёт': 'accountNumbr' } }));
    const { error } = await runCli([
      join(dir, 'accounts.ndjson'),
      '--org',
      'uk-cli',
      '--data-dir',
      dataDir,
      '--mapping',
      mapping,
    ]);
    expect((error as Error).message).toBe(
      `the mapping ${mapping}: columns → "accountNumbr": no kind has such a field`,
    );
  });

  describe('through a running hub', () => {
    let hub: TestHub;
    beforeAll(async () => {
      hub = await startTestHub('pglite', { orgs: ['uk-hub'] });
    });
    afterAll(async () => hub?.close());

    it('takes --url and --token from the environment', async () => {
      const file = join(dir, '02_accounts.jsonl');
      writeFileSync(file, `${JSON.stringify(account('7'))}\n`);
      vi.stubEnv('ZHKH_URL', hub.url);
      vi.stubEnv('ZHKH_TOKEN', await hub.tokenFor('uk-hub'));
      const { stdout, error } = await runCli([file, '--org', 'uk-hub']);
      expect(error).toBeUndefined();
      expect(stdout).toMatch(/02_accounts\.jsonl\s+account\s+ndjson utf8\s+1\s+1/);
      expect(await getRecord(hub.store.db, 'uk-hub', 'account', '7')).toBeDefined();
    });
  });
});
