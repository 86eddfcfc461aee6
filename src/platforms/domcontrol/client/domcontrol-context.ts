import type { ConnectorContext } from '../../../engine/connector/connector.js';
import type { DomcontrolCredentials } from './domcontrol-credentials.js';
import type { DomcontrolSettings } from './domcontrol-settings.js';

/** The context every DomControl connector call gets. */
export type DomcontrolContext = ConnectorContext<DomcontrolSettings, DomcontrolCredentials>;
