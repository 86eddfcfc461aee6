import type { ConnectorContext } from '../../../engine/connector/connector.js';
import type { DomaCredentials } from './doma-credentials.js';
import type { DomaSettings } from './doma-settings.js';

/** The context every Doma.ai connector call gets. */
export type DomaContext = ConnectorContext<DomaSettings, DomaCredentials>;
