import type { PaymentRegistrySource } from '../../../../engine/connector/connector.js';
import { DomaSettings } from '../doma-settings.js';
import { domaRegistries } from './doma-registries.js';

/**
 * Doma.ai's payment registries for the hub's `registry` command and route: each connection's day
 * is taken in its registry time zone, and its file written in its registry encoding.
 */
export const domaRegistrySource: PaymentRegistrySource = {
  async build(db, connection, date) {
    const parsed = DomaSettings.safeParse(connection.settings);
    const timeZone = parsed.success ? parsed.data.registryTimeZone : 'UTC';
    const encoding = parsed.success ? parsed.data.registryEncoding : 'windows-1251';
    const registries = await domaRegistries(db, connection.orgId, [connection.id], date, timeZone);
    return { registries, encoding };
  },
};
