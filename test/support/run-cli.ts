import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
export const CLI = join(root, 'bin/zhkh-bridge.js');
/** The CLI tests spawn the built CLI; without a build they are skipped. */
export const CLI_BUILT = existsSync(join(root, 'dist/cli/main.js'));

/** The environment without the hub and store settings a test must decide itself. */
export function cleanCliEnv(extra: string[] = []): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ['DATABASE_URL', 'ZHKH_URL', 'ZHKH_TOKEN', 'ZHKH_DATA_DIR', ...extra]) delete env[k];
  return env;
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI without blocking this process: a testbed or hub in this process answers from
 * its event loop, so spawnSync would deadlock them.
 */
export function runCli(
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: opts.env ?? cleanCliEnv(),
      cwd: opts.cwd,
      timeout: opts.timeoutMs ?? 180_000,
    });
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
