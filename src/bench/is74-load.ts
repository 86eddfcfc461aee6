import { createHash } from 'node:crypto';
import { Agent, get } from 'node:http';

export interface LoadResult {
  requests: number;
  rps: number;
  p99Ms: number;
}

/**
 * A closed-loop load generator in this process: `concurrency` keep-alive connections, each sending
 * the next request when the last answer is read, for `seconds` (or until `maxRequests` were sent).
 * Every answer must be 200.
 */
export async function loadFor(opts: {
  base: string;
  pathOf: (i: number) => string;
  headers: Record<string, string>;
  concurrency: number;
  seconds: number;
  maxRequests?: number;
}): Promise<LoadResult> {
  const url = new URL(opts.base);
  const agent = new Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const end = started + opts.seconds * 1000;
  const worker = async () => {
    while (performance.now() < end && next < (opts.maxRequests ?? Number.POSITIVE_INFINITY)) {
      const t0 = performance.now();
      await once(agent, url, opts.pathOf(next++), opts.headers);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    rps: latencies.length / elapsed,
    p99Ms: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] ?? 0,
  };
}

/** One GET; resolves with the body's sha256 (to compare what two routes answer). */
export function once(agent: Agent, url: URL, path: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = get(
      { agent, host: url.hostname, port: url.port, path: url.pathname + path, headers },
      (res) => {
        const hash = createHash('sha256');
        res.on('data', (c) => hash.update(c));
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(hash.digest('hex'))
            : reject(new Error(`GET ${path} → ${res.statusCode}`)),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
  });
}
