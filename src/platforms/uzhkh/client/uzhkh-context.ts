import type { ConnectorContext } from '../../../engine/connector/connector.js';
import type { UzhkhCredentials } from './uzhkh-credentials.js';
import type { UzhkhSettings } from './uzhkh-settings.js';

/** The context every «Умное ЖКХ» connector call gets. */
export type UzhkhContext = ConnectorContext<UzhkhSettings, UzhkhCredentials>;
