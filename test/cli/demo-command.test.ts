import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const cli = join(root, 'bin/zhkh-bridge.js');
const built = existsSync(join(root, 'dist/cli/main.js'));
const run = (args: string[]) =>
  spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 120_000 });

describe.runIf(built)('zhkh-bridge CLI (built)', () => {
  it('demo --once loads generated data, and a second run finds it all unchanged', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'zb-demo-')), 'data');
    const first = run(['demo', '--once', '--accounts', '40', '--port', '0', '--data-dir', dataDir]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/account\s+40\s+40\s+0\s+0\s+0/);
    expect(first.stdout).toMatch(/receipt\s+40\s+40/);
    expect(first.stdout).toContain('0 records rejected');
    const second = run(['demo', '--once', '--accounts', '40', '--port', '0', '--data-dir', dataDir]);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/account\s+40\s+0\s+0\s+40\s+0/);
    expect(second.stdout).not.toContain('admin token');
    const orgs = run(['orgs', 'list', '--data-dir', dataDir]);
    expect(orgs.stdout).toMatch(/^demo\t/m);
    expect(orgs.stdout).toContain('account 40');
  });

  it('documents every command with --help', () => {
    const top = run(['--help']);
    expect(top.status).toBe(0);
    const commands = ['serve', 'demo', 'import', 'orgs', 'tokens'];
    for (const c of commands) expect(top.stdout).toContain(c);
    for (const c of [
      ...commands,
      'orgs create',
      'orgs list',
      'tokens create',
      'tokens list',
      'tokens revoke',
    ]) {
      const help = run([...c.split(' '), '--help']);
      expect(help.status, c).toBe(0);
      expect(help.stdout, c).toMatch(/Usage: zhkh-bridge /);
      expect(help.stdout.length, c).toBeGreaterThan(200);
    }
  });

  it('explains bad input and exits non-zero', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'zb-cli-')), 'data');
    const bad = run([
      'orgs',
      'create',
      '--id',
      'x',
      '--name',
      'X',
      '--inn',
      '1234567895',
      '--data-dir',
      dataDir,
    ]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('inn: "1234567895"');
    const noOrg = run(['tokens', 'create', '--org', 'ghost', '--data-dir', dataDir]);
    expect(noOrg.status).toBe(1);
    expect(noOrg.stderr).toContain('organization "ghost" does not exist');
  });
});
