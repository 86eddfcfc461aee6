import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type EntityKind, entityKinds } from '../../domain/entity-kinds.js';
import { type IngestSummary, ingestRecords, ingestValidated } from '../../store/ingest-records.js';
import { deleteRecords, getRecord, listRecords, type StoredRecord } from '../../store/record-store.js';
import { BulkResult, decodeCursor, encodeCursor, OrgParams, PageQuery, queryFlag } from '../api-schemas.js';
import { bulkInputs } from '../bulk-inputs.js';
import { DeferredBody } from '../deferred-body.js';
import { HttpError } from '../http-error.js';
import type { HubContext } from '../hub-context.js';
import { parseBodyBytes } from '../json-body-parsers.js';
import { checkOrgAccess, resolveOrg } from '../resolve-org.js';

/** A record as the API shows it: the canonical record in its input form (money back in rubles). */
function present(kind: EntityKind, r: StoredRecord) {
  let data: unknown = r.data;
  try {
    data = z.encode(kind.schema, r.data as never);
  } catch {
    // Stored by an older schema version: show it as stored rather than fail the read.
  }
  return { key: r.key, data, hash: r.hash, seq: r.seq, deletedAt: r.deletedAt, updatedAt: r.updatedAt };
}

const PresentedRecord = z.object({
  key: z.string(),
  data: z.unknown(),
  hash: z.string(),
  seq: z.number(),
  deletedAt: z.string().nullable(),
  updatedAt: z.string(),
});

const UpsertQuery = z.object({
  dryRun: queryFlag('true: validate and answer exactly as an upsert would, but write nothing'),
  merge: queryFlag(
    'true: each record is laid over the stored one of its key — fields it leaves out keep their stored values',
  ),
});

/** Bulk upsert, reads, paged lists and soft deletes for every canonical kind. */
export function registerRecordRoutes(app: FastifyInstance, ctx: HubContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const kind of Object.values(entityKinds) as EntityKind[]) {
    const base = `/v1/orgs/:org/${kind.plural}`;
    const tags = [kind.plural];

    r.post(
      base,
      {
        schema: {
          tags,
          summary: `Upsert ${kind.plural} (JSON array or NDJSON, up to ${ctx.limits.maxRecords} records)`,
          description: `${kind.description}. Key: ${kind.keyFields.join(' + ')}. Each record is answered in input order; bad records never block good ones, and re-sending unchanged records writes nothing. With \`?dryRun=true\` the answer is the same but nothing is written; with \`?merge=true\` fields a record leaves out keep their stored values.`,
          params: OrgParams,
          querystring: UpsertQuery,
          body: z.array(kind.schema),
          response: { 200: BulkResult },
        },
        config: { perRecordBody: true, bulkRecords: true },
        // Records are validated one by one in ingestRecords so that each gets its own answer;
        // the body schema above is for the documentation only.
        validatorCompiler: ({ httpPart }) => {
          if (httpPart === 'body') return (data: unknown) => ({ value: data });
          const schema = httpPart === 'querystring' ? UpsertQuery : OrgParams;
          return (data: unknown) => {
            const res = schema.safeParse(data);
            return res.success ? { value: res.data } : { error: res.error as unknown as Error };
          };
        },
      },
      async (req) => {
        const org = await resolveOrg(ctx, req, req.params.org);
        const { dryRun, merge } = req.query as z.output<typeof UpsertQuery>;
        const raw = req.body as unknown;
        // Waits its turn behind the bulk writes already working (WriteGate); reads never wait here.
        const summary = await ctx.writes.run(async (): Promise<IngestSummary> => {
          if (raw instanceof DeferredBody && !merge && ctx.bulkBodies) {
            // Parsed and validated in a bulk-body thread: the event loop stays free for other requests.
            const chunks = ctx.bulkBodies.validate(kind.name, raw, ctx.limits.maxRecords);
            ctx.metrics.bulkBodies.inc({ where: 'thread' });
            return ingestValidated(ctx.store.db, org.id, kind, chunks, { dryRun });
          }
          // A merge validates what it merged with the stored records: on this thread, in the write.
          const body = raw instanceof DeferredBody ? parseBodyBytes(raw.bytes, raw.ndjson) : raw;
          const inputs = bulkInputs(body, ctx.limits.maxRecords);
          ctx.metrics.bulkBodies.inc({ where: 'hub' });
          return ingestRecords(ctx.store.db, org.id, kind, inputs, { dryRun, merge });
        });
        if (dryRun) return summary;
        for (const s of ['created', 'updated', 'unchanged', 'rejected'] as const) {
          if (summary[s] > 0) ctx.metrics.records.inc({ kind: kind.name, status: s }, summary[s]);
        }
        if (summary.created + summary.updated > 0) ctx.changes.notify(org.id, kind.name);
        return summary;
      },
    );

    r.get(
      base,
      {
        schema: {
          tags,
          summary: `List ${kind.plural} in key order`,
          params: OrgParams,
          querystring: PageQuery,
          response: { 200: z.object({ items: z.array(PresentedRecord), next: z.string().nullable() }) },
        },
      },
      async (req) => {
        const orgId = req.params.org;
        checkOrgAccess(req, orgId);
        const { limit, after, includeDeleted } = req.query;
        const rows = await listRecords(ctx.store.db, orgId, kind.name, {
          after: after === undefined ? undefined : decodeCursor(after),
          limit,
          includeDeleted,
        });
        if (rows.length === 0) await resolveOrg(ctx, req, orgId); // an empty page of no organisation is a 404
        const last = rows.at(-1);
        return {
          items: rows.map((row) => present(kind, row)),
          next: rows.length === limit && last ? encodeCursor(last.key) : null,
        };
      },
    );

    const KeyParams = OrgParams.extend({ '*': z.string().min(1) });
    r.get(
      `${base}/*`,
      {
        schema: {
          tags,
          summary: `Read one ${kind.name} by key (${kind.keyFields.join('/')}), deleted ones included`,
          params: KeyParams,
          response: { 200: PresentedRecord },
        },
      },
      async (req) => {
        const orgId = req.params.org;
        checkOrgAccess(req, orgId);
        const key = req.params['*'];
        const row = await getRecord(ctx.store.db, orgId, kind.name, key);
        if (!row) {
          await resolveOrg(ctx, req, orgId); // no organisation: 404 org_not_found
          throw new HttpError(404, 'record_not_found', `${kind.name} "${key}" does not exist in "${orgId}"`);
        }
        return present(kind, row);
      },
    );

    r.delete(
      `${base}/*`,
      {
        schema: {
          tags,
          summary: `Soft-delete one ${kind.name}: it stays visible (deletedAt) so platforms get the deletion`,
          params: KeyParams,
          response: { 200: z.object({ deleted: z.array(z.string()) }) },
        },
      },
      async (req) => {
        const org = await resolveOrg(ctx, req, req.params.org);
        const key = req.params['*'];
        const deleted = await deleteRecords(ctx.store.db, org.id, kind.name, [key]);
        if (deleted.length === 0 && !(await getRecord(ctx.store.db, org.id, kind.name, key))) {
          throw new HttpError(404, 'record_not_found', `${kind.name} "${key}" does not exist in "${org.id}"`);
        }
        if (deleted.length > 0) ctx.changes.notify(org.id, kind.name);
        return { deleted };
      },
    );

    r.post(
      `${base}/delete`,
      {
        schema: {
          tags,
          summary: `Soft-delete many ${kind.plural} by key`,
          params: OrgParams,
          body: z.object({ keys: z.array(z.string().min(1)).min(1).max(ctx.limits.maxRecords) }),
          response: { 200: z.object({ deleted: z.array(z.string()) }) },
        },
      },
      async (req) => {
        const org = await resolveOrg(ctx, req, req.params.org);
        const deleted = await deleteRecords(ctx.store.db, org.id, kind.name, req.body.keys);
        if (deleted.length > 0) ctx.changes.notify(org.id, kind.name);
        return { deleted };
      },
    );
  }
}
