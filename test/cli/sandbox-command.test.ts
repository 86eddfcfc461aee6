import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = join(root, 'bin/zhkh-bridge.js');

describe('zhkh-bridge sandbox', () => {
  it('lists every platform sandbox in --help', () => {
    const r = spawnSync(process.execPath, [cli, 'sandbox', '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/testbed/);
  });

  it('refuses a port that is not a number, naming the flag', () => {
    const r = spawnSync(process.execPath, [cli, 'sandbox', 'testbed', '--port', 'abc'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--port abc is not a port number/);
  });

  it('starts a sandbox, prints where it listens, serves, and stops on SIGINT', async () => {
    const child = spawn(process.execPath, [cli, 'sandbox', 'testbed', '--password', 'pw-1'], {
      timeout: 60_000,
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m?.[1] && out.includes('serving until')) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    expect(out).toMatch(/password pw-1/);
    const res = await fetch(`${url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'bridge', password: 'wrong' }),
    });
    expect(res.status).toBe(401);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
