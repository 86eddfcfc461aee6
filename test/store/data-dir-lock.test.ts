import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from '../../src/store/data-dir-lock.js';
import { openStore } from '../../src/store/open-store.js';

const cli = join(import.meta.dirname, '../../bin/zhkh-bridge.js');
const built = existsSync(join(import.meta.dirname, '../../dist/cli/main.js'));

describe('data directory lock', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill('SIGKILL');
    child = undefined;
  });

  it('refuses a second holder in the same process and releases on close', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'zb-lock-')), 'data');
    const store = await openStore({ driver: 'pglite', dataDir: dir });
    await expect(openStore({ driver: 'pglite', dataDir: dir })).rejects.toThrow(
      new DataDirInUseError(dir, process.pid).message,
    );
    await store.close();
    expect(existsSync(`${dir}.lock`)).toBe(false);
    const again = await openStore({ driver: 'pglite', dataDir: dir });
    await again.close();
  });

  it('takes over a lock left by a process that is gone', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'zb-lock-')), 'data');
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
    writeFileSync(`${dir}.lock`, String(dead));
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    release();
  });

  it.runIf(built)('a second process on the same directory exits non-zero naming the holder', async () => {
    const home = mkdtempSync(join(tmpdir(), 'zb-lock-'));
    const dataDir = join(home, 'data');
    child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child!.stdout!.on('data', (d) => {
        out += d;
        if (out.includes('listening on')) resolve();
      });
      child!.on('exit', (code) => reject(new Error(`serve exited early with ${code}: ${out}`)));
    });
    const second = spawnSync(process.execPath, [cli, 'orgs', 'list', '--data-dir', dataDir], {
      encoding: 'utf8',
    });
    expect(second.status).toBe(1);
    // The holder is serve: the message names it and gives the lines that go through its API.
    expect(second.stderr).toContain(
      `data directory ${dataDir} is held by zhkh-bridge serve (process ${child.pid})`,
    );
    expect(second.stderr).toMatch(/\n {2}export ZHKH_URL=http:\/\/127\.0\.0\.1:\d+ ZHKH_TOKEN=/);
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child!.on('exit', resolve));
    expect(code).toBe(0);
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    expect(existsSync(`${dataDir}.serve.json`)).toBe(false);
    const third = spawnSync(process.execPath, [cli, 'orgs', 'list', '--data-dir', dataDir], {
      encoding: 'utf8',
    });
    expect(third.status).toBe(0);
  });
});
