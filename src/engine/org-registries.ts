import type { PaymentRegistry } from '../domain/registry/payment-registry.js';
import { listConnections } from '../store/connection-store.js';
import type { Db } from '../store/open-store.js';
import type { SecretBox } from '../store/secret-box.js';
import type { ConnectorRegistry } from './connector/connector-registry.js';
import { splitSettings } from './sync-settings.js';

export interface OrgRegistry extends PaymentRegistry {
  connectionId: string;
  connectionName: string;
  platform: string;
  /** The connection's registry encoding (windows-1251 unless its settings say utf-8). */
  encoding: 'windows-1251' | 'utf-8';
}

/**
 * A transfer date's payment registries of an organisation: every connection whose platform builds
 * them (or one connection, by id or name; or one platform). What the API route and the CLI share.
 */
export async function orgRegistries(
  db: Db,
  box: SecretBox | undefined,
  connectors: ConnectorRegistry,
  orgId: string,
  date: string,
  only: { connection?: string | undefined; platform?: string | undefined } = {},
): Promise<OrgRegistry[]> {
  const out: OrgRegistry[] = [];
  for (const c of await listConnections(db, box, orgId)) {
    const source = connectors.get(c.platform)?.paymentRegistries;
    if (!source || (only.platform !== undefined && c.platform !== only.platform)) continue;
    if (only.connection !== undefined && c.id !== only.connection && c.name !== only.connection) continue;
    const settings = splitSettings(c.settings).platform;
    const { registries, encoding } = await source.build(db, { id: c.id, orgId, settings }, date);
    for (const reg of registries)
      out.push({ ...reg, connectionId: c.id, connectionName: c.name, platform: c.platform, encoding });
  }
  return out;
}
