import type { RunLike } from './run-like.js';

/** One line per finished run, for stdout (scripts grep it): state first, then every count. */
export function runSummaryLine(run: RunLike, connectionName?: string): string {
  const who = `${run.platform}/${connectionName ?? run.connectionId}`;
  const counts = `sent ${run.sent}, unchanged ${run.unchanged}, failed ${run.failed}, received ${run.received}, acknowledged ${run.acknowledged}`;
  return `run ${run.id} ${who}: ${run.state} — ${counts}${run.lastError ? `; last error: ${run.lastError}` : ''}`;
}
