import { changedPaths, mergePatch } from '../../domain/json-merge-patch.js';
import type { Connector } from '../../engine/connector/connector.js';
import type { ConnectionChange, ConnectionNow } from '../../store/edit-connection.js';
import { checkConnectionInput } from './check-connection-input.js';

/** A PATCH body: `settings` and `credentials` are JSON merge patches (RFC 7396), `null` clears. */
export interface ConnectionPatch {
  name?: string | undefined;
  enabled?: boolean | undefined;
  settings?: Record<string, unknown> | null | undefined;
  credentials?: Record<string, unknown> | null | undefined;
}

/**
 * What a PATCH changes, computed from what is stored now: settings and credentials are merged
 * (a key left out keeps its value, so `baseUrl` changes only when the patch names it), and the
 * merged result — not the patch — is validated with the platform's schemas. `changed` lists the
 * paths that differ (credential fields by name only, never values).
 */
export function mergeConnectionPatch(
  /** The platform's connector; asked for only when settings or credentials change. */
  connector: () => Connector,
  now: ConnectionNow,
  patch: ConnectionPatch,
): { change: ConnectionChange; changed: string[] } {
  const change: ConnectionChange = {};
  const changed: string[] = [];
  if (patch.name !== undefined && patch.name !== now.info.name) {
    change.name = patch.name;
    changed.push('name');
  }
  if (patch.enabled !== undefined && patch.enabled !== now.info.enabled) {
    change.enabled = patch.enabled;
    changed.push('enabled');
  }
  const checked: Parameters<typeof checkConnectionInput>[1] = {};
  if (patch.settings !== undefined) {
    const settings = mergePatch(now.info.settings, patch.settings ?? {}) as Record<string, unknown>;
    const paths = changedPaths(now.info.settings, settings, 'settings');
    if (paths.length > 0) {
      change.settings = settings;
      changed.push(...paths);
      checked.settings = settings;
    }
  }
  if (patch.credentials !== undefined) {
    const before = now.credentials();
    const after =
      patch.credentials === null
        ? undefined
        : (mergePatch(before ?? {}, patch.credentials) as Record<string, unknown>);
    const paths = changedPaths(before ?? {}, after ?? {}, 'credentials');
    if (paths.length > 0) {
      change.credentials = after ?? null;
      changed.push(...paths);
      checked.credentials = after ?? {};
    }
  }
  // A connection whose platform left this build can still be renamed, enabled or disabled.
  if (checked.settings || checked.credentials) checkConnectionInput(connector(), checked);
  return { change, changed };
}
