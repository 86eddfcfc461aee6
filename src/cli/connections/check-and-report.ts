import type { CheckOutcome } from '../../engine/run/check-connection.js';
import type { ConnectionInfo } from '../../store/connection-store.js';
import type { HubClient } from '../hub-client.js';
import { orgPath } from '../hub-path.js';

/** Checks a connection (by id or name), prints the outcome line, and exits 1 when it failed. */
export async function checkAndReport(client: HubClient, org: string, idOrName: string): Promise<void> {
  const conn = (await client.get(orgPath(org, 'connections', idOrName))).body as ConnectionInfo;
  const outcome = (await client.post(orgPath(org, 'connections', conn.id, 'check'))).body as CheckOutcome;
  console.log(
    outcome.ok
      ? `ok: ${outcome.platform}/${conn.name}${outcome.detail ? ` — ${outcome.detail}` : ''}`
      : `not ok: ${outcome.platform}/${conn.name} — ${outcome.code ?? 'error'}: ${outcome.error ?? 'unknown'}`,
  );
  if (!outcome.ok) process.exitCode = 1;
}
