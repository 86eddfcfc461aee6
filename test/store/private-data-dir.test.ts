import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConnection } from '../../src/store/connection-store.js';
import { openStore } from '../../src/store/open-store.js';
import { upsertOrg } from '../../src/store/org-store.js';
import { SecretBox } from '../../src/store/secret-box.js';
import { orgFixture } from '../support/test-hub.js';

const cli = join(import.meta.dirname, '../../bin/zhkh-bridge.js');
const built = existsSync(join(import.meta.dirname, '../../dist/cli/main.js'));

/** The CLI in a child process whose umask is 000 (everything it creates would be world-writable). */
function cliWithUmask000(args: string[], env: Record<string, string> = {}) {
  const { ZHKH_SECRET_KEY: _k, DATABASE_URL: _d, ZHKH_DATA_DIR: _z, ...rest } = process.env;
  const res = spawnSync('/bin/sh', ['-c', 'umask 000 && exec "$0" "$@"', process.execPath, cli, ...args], {
    env: { ...rest, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: res.status, out: `${res.stdout}${res.stderr}` };
}

/** Every entry under `dir` whose mode is not 0700 (directories) or 0600 (files). */
function looseModes(dir: string): string[] {
  const loose: string[] = [];
  const walk = (d: string) => {
    if ((statSync(d).mode & 0o777) !== 0o700) loose.push(`${d} ${(statSync(d).mode & 0o777).toString(8)}`);
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if ((statSync(p).mode & 0o777) !== 0o600)
        loose.push(`${p} ${(statSync(p).mode & 0o777).toString(8)}`);
    }
  };
  walk(dir);
  return loose;
}

function countFiles(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

const ORG_ARGS = ['orgs', 'create', '--id', 'uk-files', '--name', 'ТСЖ «Файлы»', '--inn', '7736050003'];

describe.runIf(built)('the embedded store is private to its owner', () => {
  it('data directory 0700, files 0600 under umask 000; an old secret.key beside it is moved inside', () => {
    const home = mkdtempSync(join(tmpdir(), 'zb-files-'));
    const dataDir = join(home, 'data');
    const oldKey = randomBytes(32).toString('hex');
    writeFileSync(join(home, 'secret.key'), oldKey, { mode: 0o644 });

    const first = cliWithUmask000([...ORG_ARGS, '--data-dir', dataDir]);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain(`moved the secret key ${join(home, 'secret.key')}`);
    expect(existsSync(join(home, 'secret.key'))).toBe(false);
    expect(readFileSync(join(dataDir, 'secret.key'), 'utf8')).toBe(oldKey);
    expect(countFiles(dataDir)).toBeGreaterThan(500); // a real PGlite store, not an empty folder
    expect(looseModes(dataDir)).toEqual([]);

    // Modes loosened from outside (a copy, an older version) are fixed at the next start.
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, 'PG_VERSION'), 0o666);
    chmodSync(join(dataDir, 'base'), 0o777);
    chmodSync(join(dataDir, 'secret.key'), 0o644);
    const second = cliWithUmask000(['orgs', 'list', '--data-dir', dataDir]);
    expect(second.code, second.out).toBe(0);
    expect(second.out).toContain('uk-files');
    expect(second.out).not.toContain('moved the secret key');
    expect(looseModes(dataDir)).toEqual([]);
    expect(statSync(`${dataDir}.lock`, { throwIfNoEntry: false })).toBeUndefined(); // released
    rmSync(home, { recursive: true, force: true });
  }, 240_000);

  it('never generates a new key while the store holds credentials sealed with another', async () => {
    const home = mkdtempSync(join(tmpdir(), 'zb-key-'));
    const dataDir = join(home, 'data');
    const key = randomBytes(32).toString('hex');
    const store = await openStore({ driver: 'pglite', dataDir });
    try {
      await upsertOrg(store.db, orgFixture('uk-key') as never);
      await createConnection(store.db, SecretBox.fromString(key), 'uk-key', {
        platform: 'testbed',
        name: 'sealed',
        credentials: { user: 'u', password: 'p' },
        settings: {},
      });
    } finally {
      await store.close();
    }

    // No key anywhere: refused, and no new key written.
    const refused = cliWithUmask000(['orgs', 'list', '--data-dir', dataDir]);
    expect(refused.code).not.toBe(0);
    expect(refused.out).toContain(
      `holds credentials sealed with key ${SecretBox.fromString(key).fingerprint}`,
    );
    expect(existsSync(join(dataDir, 'secret.key'))).toBe(false);

    // The key that sealed them, moved into a sibling data directory by a hub that shared the old
    // location, is found by its fingerprint and copied (another key there is not taken).
    mkdirSync(join(home, 'a-decoy'));
    writeFileSync(join(home, 'a-decoy', 'secret.key'), randomBytes(32).toString('hex'));
    mkdirSync(join(home, 'other'));
    writeFileSync(join(home, 'other', 'secret.key.tmp'), key);
    renameSync(join(home, 'other', 'secret.key.tmp'), join(home, 'other', 'secret.key'));
    const found = cliWithUmask000(['orgs', 'list', '--data-dir', dataDir]);
    expect(found.code, found.out).toBe(0);
    expect(found.out).toContain(`copied the secret key ${SecretBox.fromString(key).fingerprint}`);
    expect(readFileSync(join(dataDir, 'secret.key'), 'utf8')).toBe(key);
    expect(looseModes(dataDir)).toEqual([]);
    rmSync(home, { recursive: true, force: true });
  }, 240_000);

  it('serve and worker on PostgreSQL stop at start without ZHKH_SECRET_KEY, saying how to fix it', () => {
    // Nothing listens on port 1: the refusal comes before any connection is attempted.
    const env = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };
    for (const command of [['serve', '--port', '0'], ['worker']]) {
      const res = cliWithUmask000(command, env);
      expect(res.code, command[0]).not.toBe(0);
      expect(res.out).toContain('ZHKH_SECRET_KEY is not set');
      expect(res.out).toContain('openssl rand -hex 32');
      expect(res.out).not.toContain('ECONNREFUSED');
    }
  });
});
