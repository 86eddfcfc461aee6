import { createHash } from 'node:crypto';
import type { EngineContext } from '../engine-context.js';

/** A connection's cached session state and what it was opened with. */
export interface CachedSession {
  /** Hash of the credentials and platform settings the session was opened with. */
  fingerprint: string;
  state: Map<string, unknown>;
}

/**
 * The session state (auth tokens) of a connection, kept across runs and checks in this process —
 * but only while the connection's credentials and platform settings (`baseUrl`, the login's
 * organisation…) are the ones it was opened with. Every run and check reads them from the store,
 * so a change made through any route or process drops the old session here at the next use: a
 * token obtained with a password that has since been changed is never used again.
 */
export function connectionSession(
  engine: Pick<EngineContext, 'sessions'>,
  connectionId: string,
  opened: { credentials: unknown; settings: unknown },
): Map<string, unknown> {
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([opened.credentials, opened.settings]))
    .digest('base64url');
  const cached = engine.sessions.get(connectionId);
  if (cached?.fingerprint === fingerprint) return cached.state;
  const state = new Map<string, unknown>();
  engine.sessions.set(connectionId, { fingerprint, state });
  return state;
}
