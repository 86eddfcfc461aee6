import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
const cli = join(root, 'bin/zhkh-bridge.js');

/** Whether `npm run build` has made the CLI these tests run. */
export const cliBuilt = existsSync(join(root, 'dist/cli/main.js'));

/**
 * Runs the built CLI without blocking this process: a testbed or a hub in this process answers from
 * its event loop, so spawnSync would deadlock them. Store and hub settings of the environment are
 * cleared so the test decides between store and API; `env` sets what it wants.
 */
export function runCli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const full = { ...process.env };
  for (const k of ['DATABASE_URL', 'ZHKH_URL', 'ZHKH_TOKEN', 'ZHKH_DATA_DIR']) delete full[k];
  Object.assign(full, env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { env: full, timeout: 120_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
