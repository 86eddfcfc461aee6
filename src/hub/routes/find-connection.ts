import { type ConnectionInfo, getConnection, listConnections } from '../../store/connection-store.js';
import type { Db } from '../../store/open-store.js';
import type { SecretBox } from '../../store/secret-box.js';

/**
 * A connection of the organisation by id or, failing that, by name — operators type names, the
 * API hands out ids. The id wins; names are unique per organisation and may not be shaped like an
 * id (check-connection-name.ts), so the answer is never ambiguous.
 */
export async function findConnection(
  db: Db,
  box: SecretBox | undefined,
  orgId: string,
  idOrName: string,
): Promise<ConnectionInfo | undefined> {
  const byId = await getConnection(db, box, orgId, idOrName);
  if (byId) return byId;
  return (await listConnections(db, box, orgId)).find((c) => c.name === idOrName);
}
