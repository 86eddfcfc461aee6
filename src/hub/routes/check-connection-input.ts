import type { Connector } from '../../engine/connector/connector.js';
import { SyncSettings, splitSettings } from '../../engine/sync-settings.js';
import { HttpError } from '../http-error.js';

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
}

/**
 * Refuses settings or credentials the platform's connector would refuse at run time, so a typo
 * surfaces when the connection is saved, not at 3 a.m. in a scheduled run. `settings.sync` belongs
 * to the engine and the rest to the platform. Credential values are never echoed: only field names.
 */
export function checkConnectionInput(
  connector: Connector,
  input: {
    settings?: Record<string, unknown> | undefined;
    credentials?: Record<string, unknown> | undefined;
  },
): void {
  if (input.settings !== undefined) {
    const { sync, platform } = splitSettings(input.settings);
    const s = SyncSettings.safeParse(sync);
    if (!s.success) refuse('invalid_settings', 'settings', ['sync'], s.error.issues, false);
    const p = connector.settings.safeParse(platform);
    if (!p.success) refuse('invalid_settings', 'settings', [], p.error.issues, false);
  }
  if (input.credentials !== undefined) {
    const c = connector.credentials.safeParse(input.credentials);
    if (!c.success) refuse('invalid_credentials', 'credentials', [], c.error.issues, true);
  }
}

function refuse(
  code: string,
  root: string,
  prefix: string[],
  zodIssues: readonly Issue[],
  secret: boolean,
): never {
  const issues = zodIssues.map((i) => {
    const path = [root, ...prefix, ...i.path.map(String)].join('.');
    // An unknown field's name is no secret and is the useful part; a value's message might quote it.
    const message =
      i.code === 'unrecognized_keys'
        ? `unknown field(s): ${(i.keys ?? []).join(', ')}`
        : secret
          ? 'missing or invalid'
          : i.message;
    return { path, message, code: i.code };
  });
  throw new HttpError(
    400,
    code,
    `${root} refused: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    {
      issues,
    },
  );
}
