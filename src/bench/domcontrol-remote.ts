import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { DomcontrolImport } from '../platforms/domcontrol/contract/domcontrol-paths.js';
import { startDomcontrolSandbox } from '../platforms/domcontrol/sandbox/start-domcontrol-sandbox.js';

const cli = fileURLToPath(new URL('../../bin/zhkh-bridge.js', import.meta.url));

/** What the benchmark reads of a sandbox over its admin routes. */
export interface RemoteState {
  directories: Record<DomcontrolImport, number>;
  stats: { requests: number };
}

/** A DomControl sandbox in a process of its own, as the platform is: its work does not take the engine's thread. */
export interface RemoteSandbox {
  url: string;
  state(): Promise<RemoteState>;
  close(): Promise<void>;
}

/**
 * A sandbox for the benchmark: in a process of its own (`zhkh-bridge sandbox domcontrol`, which needs
 * `npm run build`), or in this one (tests, and to see what sharing the thread costs).
 */
export async function startBenchSandbox(latencyMs: number, inProcess: boolean): Promise<RemoteSandbox> {
  if (!inProcess) return startRemoteSandbox(latencyMs);
  const sandbox = await startDomcontrolSandbox({ latencyMs });
  return { url: sandbox.url, state: async () => sandbox.state(), close: () => sandbox.close() };
}

/** Starts `zhkh-bridge sandbox domcontrol --port 0` and sets its latency through `/_sandbox/faults`. */
async function startRemoteSandbox(latencyMs: number): Promise<RemoteSandbox> {
  const child = spawn(process.execPath, [cli, 'sandbox', 'domcontrol', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const url = await announcedUrl(child);
    child.stdout?.resume(); // what it prints later is not read
    const set = await fetch(`${url}/_sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ latencyMs }),
    });
    if (set.status !== 200) throw new Error(`sandbox faults answered ${set.status}: ${await set.text()}`);
    return {
      url,
      async state() {
        return (await (await fetch(`${url}/_sandbox/state`)).json()) as RemoteState;
      },
      async close() {
        child.kill('SIGTERM');
        await exited;
      },
    };
  } catch (err) {
    child.kill('SIGKILL');
    await exited;
    throw err;
  }
}

/** The URL from the sandbox's banner line (`domcontrol sandbox on http://…`). */
async function announcedUrl(child: ChildProcess): Promise<string> {
  for await (const line of createInterface({ input: child.stdout! })) {
    const url = /sandbox on (http:\/\/\S+)/.exec(line)?.[1];
    if (url) return url;
  }
  throw new Error('the sandbox process ended before announcing its address');
}
