import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { PhaseResult } from './ingest-phases.js';

const main = fileURLToPath(new URL('./main.js', import.meta.url));

/**
 * Runs one benchmark phase in a child process (`bench _phase …`). `onReady` gets the child's READY
 * payload (for the hub phase) and returns when the parent's work is done; the child's RESULT is
 * returned.
 */
export async function runPhaseChild(
  args: string[],
  onReady?: (ready: Record<string, string>) => Promise<void>,
): Promise<PhaseResult> {
  const child = spawn(process.execPath, [main, '_phase', ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  let result: PhaseResult | undefined;
  let work: Promise<void> = Promise.resolve();
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.startsWith('READY ') && onReady) {
      work = onReady(JSON.parse(line.slice(6))).finally(() => child.stdin.end());
      work.catch(() => {});
    } else if (line.startsWith('RESULT ')) {
      result = JSON.parse(line.slice(7));
    }
  }
  child.stdin.end();
  await work;
  const code = await exited;
  if (code !== 0 || !result) throw new Error(`bench phase ${args[0]} failed (exit ${code})`);
  return result;
}
