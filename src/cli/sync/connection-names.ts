import { listConnections } from '../../store/connection-store.js';
import type { Db } from '../../store/open-store.js';
import type { SecretBox } from '../../store/secret-box.js';
import type { HubClient } from '../hub-client.js';

/** id → name of the organisation's connections, for output people read (ids are UUIDs). */
export async function connectionNames(
  source: { client: HubClient } | { db: Db; box: SecretBox | undefined },
  org: string,
): Promise<Map<string, string>> {
  const list: Array<{ id: string; name: string }> =
    'client' in source
      ? (await source.client.get(`/v1/orgs/${encodeURIComponent(org)}/connections`)).body
      : await listConnections(source.db, source.box, org);
  return new Map(list.map((c) => [c.id, c.name]));
}
