import { splitSettings } from '../../../../engine/sync-settings.js';
import { listConnections } from '../../../../store/connection-store.js';
import type { Db } from '../../../../store/open-store.js';
import type { SecretBox } from '../../../../store/secret-box.js';
import { DomaSettings } from '../doma-settings.js';
import { type DomaRegistry, domaRegistries } from './doma-registries.js';

export interface OrgRegistry extends DomaRegistry {
  connectionName: string;
  /** The connection's registry encoding (windows-1251 unless its settings say utf-8). */
  encoding: 'windows-1251' | 'utf-8';
}

/**
 * A day's registries of an organisation's Doma.ai connections (or of one, by id or name), each built
 * with its connection's registry time zone. What the API route and the CLI share.
 */
export async function orgRegistries(
  db: Db,
  box: SecretBox | undefined,
  orgId: string,
  date: string,
  connection?: string | undefined,
): Promise<OrgRegistry[]> {
  const connections = (await listConnections(db, box, orgId)).filter(
    (c) =>
      c.platform === 'doma' && (connection === undefined || c.id === connection || c.name === connection),
  );
  const out: OrgRegistry[] = [];
  for (const c of connections) {
    const parsed = DomaSettings.safeParse(splitSettings(c.settings).platform);
    const timeZone = parsed.success ? parsed.data.registryTimeZone : 'UTC';
    const encoding = parsed.success ? parsed.data.registryEncoding : 'windows-1251';
    for (const reg of await domaRegistries(db, orgId, [c.id], date, timeZone)) {
      out.push({ ...reg, connectionName: c.name, encoding });
    }
  }
  return out;
}
