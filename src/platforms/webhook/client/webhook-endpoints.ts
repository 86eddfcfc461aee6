import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { RetryPolicy } from '../../../engine/policy/retry-policy.js';
import { type ConnectionInfo, createConnection, listConnections } from '../../../store/connection-store.js';
import { editConnection } from '../../../store/edit-connection.js';
import type { Db } from '../../../store/open-store.js';
import { queryRows } from '../../../store/query-rows.js';
import type { SecretBox } from '../../../store/secret-box.js';
import { WebhookSettings } from './webhook-settings.js';

/** A webhook endpoint as the API and the CLI show it (the secret only when it was just made). */
export const WebhookView = z.object({
  id: z.string(),
  orgId: z.string(),
  name: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  batchSize: z.number(),
  enabled: z.boolean(),
  queued: z.number().describe('events waiting for this endpoint (not yet answered 2xx)'),
  oldestQueued: z.number().nullable().describe('the id of the oldest of them'),
  lastRun: z
    .object({
      id: z.number(),
      state: z.string(),
      finishedAt: z.string().nullable(),
      lastError: z.string().nullable(),
    })
    .nullable()
    .describe('the last delivery run: a failing endpoint shows here, in operations and in the metrics'),
  createdAt: z.string(),
  updatedAt: z.string(),
  secret: z.string().optional().describe('the signing secret: answered once, when created or rotated'),
});
export type WebhookView = z.infer<typeof WebhookView>;

export const WebhookInput = z.strictObject({
  name: z.string().min(1).max(100).optional().describe('default: webhook-<random>'),
  url: WebhookSettings.shape.url,
  events: WebhookSettings.shape.events,
  batchSize: z.number().int().min(1).max(1000).optional().describe('events per request (default 500)'),
  enabled: z.boolean().optional(),
  retry: RetryPolicy.partial().optional().describe("the engine's retry policy for this endpoint"),
});
export type WebhookInput = z.infer<typeof WebhookInput>;

export const WebhookPatch = WebhookInput.partial().extend({
  rotateSecret: z
    .literal(true)
    .optional()
    .describe('make a new secret (answered once); the old one stops working'),
});
export type WebhookPatch = z.infer<typeof WebhookPatch>;

export function newSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}

export async function createWebhook(
  db: Db,
  box: SecretBox | undefined,
  orgId: string,
  input: WebhookInput,
): Promise<WebhookView> {
  const secret = newSecret();
  const settings: Record<string, unknown> = { url: input.url, events: input.events };
  if (input.batchSize !== undefined) settings.batchSize = input.batchSize;
  WebhookSettings.parse(settings);
  if (input.retry) settings.sync = { retry: input.retry };
  const created = await createConnection(db, box, orgId, {
    platform: 'webhook',
    name: input.name ?? `webhook-${randomBytes(3).toString('hex')}`,
    credentials: { secret },
    settings,
    enabled: input.enabled ?? true,
  });
  return { ...(await viewOf(db, created)), secret };
}

export async function listWebhooks(
  db: Db,
  box: SecretBox | undefined,
  orgId: string,
): Promise<WebhookView[]> {
  const all = (await listConnections(db, box, orgId)).filter((c) => c.platform === 'webhook');
  return Promise.all(all.map((c) => viewOf(db, c)));
}

/** Applies a patch; a changed event list or a disable leaves queued events queued. */
export async function editWebhook(
  db: Db,
  box: SecretBox | undefined,
  orgId: string,
  id: string,
  patch: WebhookPatch,
): Promise<WebhookView | undefined> {
  const secret = patch.rotateSecret ? newSecret() : undefined;
  const info = await editConnection(db, box, orgId, id, ({ info }) => {
    const settings = { ...info.settings };
    if (patch.url !== undefined) settings.url = patch.url;
    if (patch.events !== undefined) settings.events = patch.events;
    if (patch.batchSize !== undefined) settings.batchSize = patch.batchSize;
    if (patch.retry !== undefined) settings.sync = { ...(settings.sync as object), retry: patch.retry };
    const { sync: _sync, ...platform } = settings;
    WebhookSettings.parse(platform);
    return {
      settings,
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
      ...(secret ? { credentials: { secret } } : {}),
    };
  });
  if (!info) return undefined;
  const view = await viewOf(db, info);
  return secret ? { ...view, secret } : view;
}

/**
 * Queues again, for one endpoint, the organisation's events from `from` on (an id, inclusive) of the
 * types it subscribes to — the billing lost them, or wants them again. Events already queued stay
 * as they are. Answers how many were added.
 */
export async function replayWebhook(db: Db, endpoint: ConnectionInfo, from: number): Promise<number> {
  const rows = await queryRows<{ n: string | number }>(
    db,
    sql`
    WITH added AS (
      INSERT INTO webhook_queue (connection_id, event_id)
      SELECT ${endpoint.id}, e.id FROM webhook_events e
      WHERE e.org_id = ${endpoint.orgId} AND e.id >= ${from}
        AND ${JSON.stringify(endpoint.settings.events ?? [])}::jsonb @> jsonb_build_array(e.type)
      ON CONFLICT DO NOTHING RETURNING 1)
    SELECT count(*) AS n FROM added`,
  );
  return Number(rows[0]?.n ?? 0);
}

export async function viewOf(db: Db, c: ConnectionInfo): Promise<WebhookView> {
  const [queue] = await queryRows<{ n: string | number; oldest: string | number | null }>(
    db,
    sql`SELECT count(*) AS n, min(event_id) AS oldest FROM webhook_queue WHERE connection_id = ${c.id}`,
  );
  const [run] = await queryRows<{
    id: string | number;
    state: string;
    finished_at: Date | string | null;
    last_error: string | null;
  }>(
    db,
    sql`SELECT id, state, finished_at, last_error FROM operations
        WHERE connection_id = ${c.id} AND type = 'run' ORDER BY id DESC LIMIT 1`,
  );
  const s = c.settings as { url?: string; events?: string[]; batchSize?: number };
  return {
    id: c.id,
    orgId: c.orgId,
    name: c.name,
    url: s.url ?? '',
    events: s.events ?? [],
    batchSize: s.batchSize ?? 500,
    enabled: c.enabled,
    queued: Number(queue?.n ?? 0),
    oldestQueued: queue?.oldest == null ? null : Number(queue.oldest),
    lastRun: run
      ? {
          id: Number(run.id),
          state: run.state,
          finishedAt: run.finished_at ? new Date(run.finished_at).toISOString() : null,
          lastError: run.last_error,
        }
      : null,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
