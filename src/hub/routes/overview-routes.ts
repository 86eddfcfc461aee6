import { CronExpressionParser } from 'cron-parser';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SyncSettings, splitSettings } from '../../engine/sync-settings.js';
import { listConnections } from '../../store/connection-store.js';
import { listOperations } from '../../store/operation-store.js';
import { countOpenRecordErrors } from '../../store/record-error-store.js';
import { OrgParams } from '../api-schemas.js';
import type { HubContext } from '../hub-context.js';
import { resolveOrg } from '../resolve-org.js';
import { RunView, toRunView } from './run-view.js';

const ConnectionHealth = z.object({
  id: z.string(),
  name: z.string(),
  platform: z.string(),
  enabled: z.boolean(),
  lastRun: RunView.nullable(),
  openErrors: z.number().describe('records with an open error'),
  schedule: z.string().nullable().describe('cron (UTC) of the scheduled runs'),
  nextRunAt: z.string().nullable().describe('when the schedule fires next'),
  health: z
    .enum(['green', 'amber', 'red', 'off'])
    .describe(
      'red: last run failed; amber: open errors, a partial or cancelled run, or never run; green otherwise; off: disabled',
    ),
});

function nextRun(
  settings: Record<string, unknown>,
  now: Date,
): { schedule: string | null; at: string | null } {
  const parsed = SyncSettings.safeParse(splitSettings(settings).sync);
  const schedule = parsed.success ? (parsed.data.schedule ?? null) : null;
  if (!schedule) return { schedule: null, at: null };
  try {
    const at = CronExpressionParser.parse(schedule, { tz: 'UTC', currentDate: now }).next().toISOString();
    return { schedule, at };
  } catch {
    return { schedule, at: null };
  }
}

function healthOf(enabled: boolean, lastRun: RunView | null, openErrors: number) {
  if (!enabled) return 'off' as const;
  if (lastRun?.state === 'failed') return 'red' as const;
  if (!lastRun || openErrors > 0 || lastRun.state === 'partial' || lastRun.state === 'cancelled')
    return 'amber' as const;
  return 'green' as const;
}

/** One call for an organisation's dashboard: each connection's last run, open errors and schedule. */
export function registerOverviewRoutes(app: FastifyInstance, ctx: HubContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/v1/orgs/:org/overview',
    {
      schema: {
        tags: ['sync'],
        summary: "Each connection's health: last run, open record errors, next scheduled run",
        params: OrgParams,
        response: { 200: z.object({ connections: z.array(ConnectionHealth) }) },
      },
    },
    async (req) => {
      const org = await resolveOrg(ctx, req, req.params.org);
      const connections = await listConnections(ctx.store.db, ctx.box, org.id);
      const open = new Map<string, number>();
      for (const row of await countOpenRecordErrors(ctx.store.db))
        open.set(row.connectionId, (open.get(row.connectionId) ?? 0) + row.open);
      const now = new Date();
      const rows = await Promise.all(
        connections.map(async (c) => {
          const [last] = await listOperations(ctx.store.db, {
            orgId: org.id,
            connectionId: c.id,
            type: 'run',
            limit: 1,
          });
          const lastRun = last ? toRunView(last) : null;
          const openErrors = open.get(c.id) ?? 0;
          const next = nextRun(c.settings, now);
          return {
            id: c.id,
            name: c.name,
            platform: c.platform,
            enabled: c.enabled,
            lastRun,
            openErrors,
            schedule: next.schedule,
            nextRunAt: c.enabled ? next.at : null,
            health: healthOf(c.enabled, lastRun, openErrors),
          };
        }),
      );
      return { connections: rows };
    },
  );
}
