import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanCliEnv, runCli } from '../support/run-cli.js';

const root = join(import.meta.dirname, '../..');
const cli = join(root, 'bin/zhkh-bridge.js');
const built = existsSync(join(root, 'dist/cli/main.js'));
const run = (args: string[]) =>
  spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 120_000 });

// Every test starts CLI processes (the demo a hub and four sandboxes): minutes on a busy machine.
describe.runIf(built)('zhkh-bridge CLI (built)', { timeout: 600_000 }, () => {
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
    expect(orgs.stdout).toMatch(/^demo\s/m);
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

  it('serving, the summary shows how to use the CLI against it, and those lines work', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'zb-demo-cli-')), 'data');
    const env = cleanCliEnv();
    const demo = spawn(
      process.execPath,
      [cli, 'demo', '--accounts', '20', '--port', '0', '--data-dir', dataDir],
      {
        env,
      },
    );
    try {
      const summary = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`demo did not start serving:\n${out}`)), 400_000);
        demo.stdout.on('data', (d) => {
          out += d;
          if (out.includes('serving until Ctrl-C')) {
            clearTimeout(timer);
            resolve(out);
          }
        });
        demo.on('exit', (code) => reject(new Error(`demo exited ${code}:\n${out}`)));
      });
      const exported = /^ {2}export ZHKH_URL=(\S+) ZHKH_TOKEN=(\S+)$/m.exec(summary);
      expect(exported, summary).not.toBeNull();
      const examples = [...summary.matchAll(/^ {2}npx zhkh-bridge (.+)$/gm)].map((m) => m[1]!.split(' '));
      expect(examples.length).toBeGreaterThanOrEqual(2);
      const withHub = { ...env, ZHKH_URL: exported![1]!, ZHKH_TOKEN: exported![2]! };
      const results = await Promise.all(examples.map((args) => runCli(args, { env: withHub })));
      for (const r of results) expect(r.status, r.stderr).toBe(0);
      const list = results.find((_, i) => examples[i]![0] === 'connections')!;
      for (const platform of ['doma', 'uzhkh', 'domcontrol', 'is74'])
        expect(list.stdout).toMatch(new RegExp(`\\s${platform}\\s+yes\\s`));
    } finally {
      const exited = new Promise((resolve) => demo.once('exit', resolve));
      demo.kill('SIGINT');
      await exited;
    }
  });
});
