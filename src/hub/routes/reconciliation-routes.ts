import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ReconcileError } from '../../engine/reconcile/reconcile-connection.js';
import { ReconciliationReport } from '../../engine/reconcile/reconciliation-report.js';
import { ConnectionBusyError } from '../../engine/run/execute-run.js';
import { OrgParams } from '../api-schemas.js';
import { HttpError } from '../http-error.js';
import type { HubContext } from '../hub-context.js';
import { resolveOrg } from '../resolve-org.js';
import { requireEngine } from './require-engine.js';
import { resolveConnection } from './resolve-connection.js';
import { RunView, toRunView } from './run-view.js';

const IdParams = OrgParams.extend({ id: z.string().describe('connection id or name') });

const FixView = z.object({
  report: ReconciliationReport.describe('the reconciliation before the fix'),
  resent: z
    .record(z.string(), z.number())
    .describe('records sent again per kind: those the platform lacks or holds with another amount'),
  runs: z.array(RunView).describe('the outbound run sending them (none when nothing differed)'),
});

/**
 * `GET …/reconciliation`: where a connection's records stand, and what the platform holds beside
 * them; `POST …/reconciliation/fix`: the same, then sends again what differs.
 */
export function registerReconciliationRoutes(app: FastifyInstance, ctx: HubContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['connections'];
  const failed = (err: unknown): never => {
    if (err instanceof ReconcileError) throw new HttpError(409, 'connection_invalid', err.message);
    if (err instanceof ConnectionBusyError) throw new HttpError(409, 'connection_busy', err.message);
    throw err;
  };

  r.get(
    '/v1/orgs/:org/connections/:id/reconciliation',
    {
      schema: {
        tags,
        summary: 'Reconciliation: where each kind’s records stand, and what the platform holds of them',
        description:
          'Per kind: live records, confirmed, pending, refused by code, deletions not yet propagated. For platforms that can be read back (Doma.ai receipts and meters) also the records the platform holds that we never sent, ours it lacks, and amounts that differ; for data the platform sends us («Умное ЖКХ» payments) its list beside the inbox. Reads only.',
        params: IdParams,
        response: { 200: ReconciliationReport },
      },
    },
    async (req) => {
      const org = await resolveOrg(ctx, req, req.params.org);
      const engine = requireEngine(ctx);
      const conn = await resolveConnection(ctx, org.id, req.params.id);
      const found = await engine.reconcile(org.id, conn.id).catch(failed);
      if (!found)
        throw new HttpError(404, 'connection_not_found', `connection ${req.params.id} does not exist`);
      return found.report;
    },
  );

  r.post(
    '/v1/orgs/:org/connections/:id/reconciliation/fix',
    {
      schema: {
        tags,
        summary: 'Reconcile, then send again what the platform lacks or holds differently',
        description:
          'Starts an outbound run of the kinds that differ; follow it with GET /v1/orgs/{org}/runs/{id}. Records only the platform holds are reported, never deleted.',
        params: IdParams,
        response: { 200: FixView },
      },
    },
    async (req) => {
      const org = await resolveOrg(ctx, req, req.params.org);
      const engine = requireEngine(ctx);
      const conn = await resolveConnection(ctx, org.id, req.params.id);
      const fixed = await engine.reconcileFix(org.id, conn.id).catch(failed);
      if (!fixed)
        throw new HttpError(404, 'connection_not_found', `connection ${req.params.id} does not exist`);
      return { report: fixed.report, resent: fixed.resent, runs: fixed.runs.map(toRunView) };
    },
  );
}
