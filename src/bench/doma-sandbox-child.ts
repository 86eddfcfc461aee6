import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { SeedIds } from '../platforms/doma/sandbox/seed-objects.js';
import { startDomaSandbox } from '../platforms/doma/sandbox/start-doma-sandbox.js';
import { benchHouseAddress, benchHouseFias } from './doma-bench-data.js';

/** A Doma.ai sandbox in a process of its own, as the platform is remote: its CPU is not the engine's. */
export interface ChildSandbox {
  url: string;
  apiUrl: string;
  email: string;
  password: string;
  /** What it holds and has written, from its `/_sandbox/state`. */
  state(): Promise<{ counts: { receipts: number }; writes: { total: number } }>;
  close(): Promise<void>;
}

/**
 * Starts the child with the bench's `houses` in the seed's organization, a quota no run reaches and
 * `latencyMs` added to every answer (the sandbox's latency fault).
 */
export async function startChildSandbox(houses: number, latencyMs: number): Promise<ChildSandbox> {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), String(houses), String(latencyMs)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const [first] = (await once(child.stdout, 'data')) as [Buffer];
  const info = JSON.parse(first.toString('utf8').split('\n')[0]!) as {
    url: string;
    email: string;
    password: string;
  };
  return {
    ...info,
    apiUrl: `${info.url}/admin/api`,
    async state() {
      return (await (await fetch(`${info.url}/_sandbox/state`)).json()) as never;
    },
    async close() {
      child.stdin.end();
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}

/** The child: start, announce where, serve until the parent closes stdin. */
async function main(houses: number, latencyMs: number): Promise<void> {
  const sandbox = await startDomaSandbox({ quota: 1_000_000_000, latencyMs });
  for (let h = 0; h < houses; h++)
    sandbox.addProperty(SeedIds.context, benchHouseAddress(h), benchHouseFias(h));
  process.stdout.write(
    `${JSON.stringify({ url: sandbox.url, email: sandbox.email, password: sandbox.password })}\n`,
  );
  process.stdin.resume();
  await once(process.stdin, 'end');
  await sandbox.close();
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  await main(Number(process.argv[2]), Number(process.argv[3] ?? 0));
