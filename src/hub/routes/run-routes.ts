import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FINAL_STATES, getOperation, listOperations, type Operation } from '../../store/operation-store.js';
import { OrgParams } from '../api-schemas.js';
import { HttpError } from '../http-error.js';
import type { HubContext } from '../hub-context.js';
import { resolveOrg } from '../resolve-org.js';
import { requireEngine } from './require-engine.js';
import { resolveConnection } from './resolve-connection.js';
import { OperationView, RunDetail, RunView, toRunDetail, toRunView } from './run-view.js';

const RunParams = OrgParams.extend({ id: z.coerce.number().int().positive() });
const Before = z.coerce.number().int().positive().optional().describe('the `next` of the previous page');
const Limit = z.coerce.number().int().min(1).max(1000).default(50);
const State = z.enum(['queued', 'running', 'succeeded', 'partial', 'failed', 'cancelled']);

/** Newest first; `next` is the last id of a full page, to pass as `before`. */
function page<T extends { id: number }>(items: T[], limit: number) {
  return { items, next: items.length === limit ? items.at(-1)!.id : null };
}

export function registerRunRoutes(app: FastifyInstance, ctx: HubContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['sync'];

  /** A run of this organisation, or 404 — another organisation's run looks the same as none. */
  async function runOf(orgId: string, id: number): Promise<Operation> {
    const run = await getOperation(ctx.store.db, id);
    if (!run || run.orgId !== orgId || run.type !== 'run') {
      throw new HttpError(404, 'run_not_found', `run ${id} does not exist`);
    }
    return run;
  }

  r.get(
    '/v1/orgs/:org/runs',
    {
      schema: {
        tags,
        summary: 'Sync runs, newest first',
        params: OrgParams,
        querystring: z.object({
          connection: z.string().optional().describe('id or name'),
          state: State.optional(),
          before: Before,
          limit: Limit,
        }),
        response: { 200: z.object({ items: z.array(RunView), next: z.number().nullable() }) },
      },
    },
    async (req) => {
      const org = await resolveOrg(ctx, req, req.params.org);
      const q = req.query;
      const connectionId = q.connection ? (await resolveConnection(ctx, org.id, q.connection)).id : undefined;
      const runs = await listOperations(ctx.store.db, {
        orgId: org.id,
        connectionId,
        type: 'run',
        state: q.state,
        before: q.before,
        limit: q.limit,
      });
      return page(runs.map(toRunView), q.limit);
    },
  );

  r.get(
    '/v1/orgs/:org/runs/:id',
    {
      schema: {
        tags,
        summary: 'One run with its progress',
        params: RunParams,
        response: { 200: RunDetail },
      },
    },
    async (req) => {
      const org = await resolveOrg(ctx, req, req.params.org);
      return toRunDetail(await runOf(org.id, req.params.id));
    },
  );

  r.get(
    '/v1/orgs/:org/runs/:id/operations',
    {
      schema: {
        tags,
        summary: 'What a run did: its delivered batches and inbound pages, newest first',
        params: RunParams,
        querystring: z.object({ before: Before, limit: Limit }),
        response: { 200: z.object({ items: z.array(OperationView), next: z.number().nullable() }) },
      },
    },
    async (req) => {
      const org = await resolveOrg(ctx, req, req.params.org);
      await runOf(org.id, req.params.id);
      const children = await listOperations(ctx.store.db, {
        orgId: org.id,
        parentId: req.params.id,
        before: req.query.before,
        limit: req.query.limit,
      });
      return page(
        children.map((op) => ({ ...toRunView(op), parentId: op.parentId })),
        req.query.limit,
      );
    },
  );

  r.post(
    '/v1/orgs/:org/runs/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a run',
        description:
          'A queued run is cancelled at once; a running one stops after the batch in flight (its state turns `cancelled` shortly after). 409 when the run has already finished.',
        params: RunParams,
        response: { 200: RunView },
      },
    },
    async (req) => {
      const org = await resolveOrg(ctx, req, req.params.org);
      const engine = requireEngine(ctx);
      const run = await runOf(org.id, req.params.id);
      if (FINAL_STATES.includes(run.state)) {
        throw new HttpError(409, 'run_finished', `run ${run.id} has already finished (${run.state})`, {
          state: run.state,
        });
      }
      const after = await engine.cancel(org.id, run.id);
      return toRunView(after ?? run);
    },
  );
}
