import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parseExportDate } from '../../domain/export/export-date.js';
import { exportKindNames } from '../../domain/export/export-kinds.js';
import type { ExportProblem } from '../../domain/export/export-row.js';
import { isTimeZone } from '../../domain/export/one-c-values.js';
import { encodeExport, exportCsv, exportNdjson } from '../../domain/export/render-export.js';
import { buildExport } from '../../engine/exports/build-export.js';
import { advanceExportCursor, listExportCursors } from '../../store/export-cursor-store.js';
import { maxInboxCursor } from '../../store/inbox-store.js';
import { OrgParams } from '../api-schemas.js';
import { HttpError } from '../http-error.js';
import type { HubContext } from '../hub-context.js';
import { resolveOrg } from '../resolve-org.js';

const Kind = z.enum(exportKindNames as ['readings', 'payments', 'tickets', 'registrations']);
const Cursor = z.coerce.number().int().min(0);
const CursorName = z
  .string()
  .regex(/^[\w.-]{1,63}$/, 'letters, digits, ".", "_", "-"; at most 63')
  .describe('the named cursor (default: the kind)');
const ExportParams = OrgParams.extend({ kind: Kind });

/** How much of the problems the answer's header carries (HTTP clients cap headers near 16 KiB). */
const PROBLEMS_HEADER_CHARS = 4000;

/**
 * Files a 1С «Загрузка из файла» processing reads, made from the inbox (README "Exports for 1С"):
 * `GET …/exports/{kind}` writes the file and says in headers which inbox cursors it covers;
 * `POST …/exports/{kind}/ack` moves the named cursor there once the billing has loaded it — so a
 * failed load is repeated by asking again.
 */
export function registerExportRoutes(app: FastifyInstance, ctx: HubContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['exports'];

  r.get(
    '/v1/orgs/:org/exports/:kind',
    {
      schema: {
        tags,
        summary:
          'One export file (CSV for 1С, or NDJSON) of readings, payments, заявки or registration requests',
        description:
          'Reads the inbox after the named cursor (or `since`; `date` alone reads the whole inbox for that day or month). Readings are deduplicated across platforms. Headers: `x-export-after`, `x-export-through` (pass it to `…/ack` once loaded), `x-export-rows`, `x-export-items`, `x-export-skipped` and `x-export-problems` (JSON, the first items that could not be exported, naming the field). Nothing moves until `ack`; a `date` export is not one to ack (its `x-export-through` covers the other days too).',
        params: ExportParams,
        querystring: z.object({
          format: z.enum(['csv', 'ndjson']).default('csv'),
          encoding: z
            .enum(['windows-1251', 'utf-8'])
            .optional()
            .describe('CSV: windows-1251 (default) or utf-8; NDJSON is always utf-8'),
          since: Cursor.optional().describe('start after this inbox cursor instead of the named cursor'),
          date: z
            .string()
            .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'YYYY-MM-DD or YYYY-MM')
            .optional()
            .describe("only this day's or month's rows (a reading's date, a payment's day)"),
          cursor: CursorName.optional(),
          timeZone: z.string().default('Europe/Moscow').describe('the zone of dates and times in the file'),
        }),
      },
    },
    async (req, reply) => {
      const org = await resolveOrg(ctx, req, req.params.org);
      const q = req.query;
      if (!isTimeZone(q.timeZone))
        throw new HttpError(400, 'time_zone', `timeZone "${q.timeZone}" is not a time zone`);
      if (q.format === 'ndjson' && q.encoding === 'windows-1251')
        throw new HttpError(400, 'encoding', 'NDJSON is UTF-8 (JSON text is); windows-1251 is for CSV');
      if (q.date !== undefined) {
        try {
          parseExportDate(q.date);
        } catch (err) {
          throw new HttpError(400, 'date_format', `date: ${(err as Error).message}`);
        }
      }
      const kind = req.params.kind;
      const cursorName = q.cursor ?? kind;
      const out = await buildExport(ctx.store.db, org.id, {
        kind,
        since: q.since,
        date: q.date,
        cursorName,
        timeZone: q.timeZone,
      });
      const encoding = q.format === 'ndjson' ? 'utf-8' : (q.encoding ?? 'windows-1251');
      const text = q.format === 'csv' ? exportCsv(kind, out.rows, q.timeZone) : exportNdjson(kind, out.rows);
      const type = q.format === 'csv' ? 'text/csv' : 'application/x-ndjson';
      return reply
        .type(`${type}; charset=${encoding}`)
        .header('content-disposition', `attachment; filename="${kind}_${q.date ?? out.through}.${q.format}"`)
        .header('x-export-cursor', cursorName)
        .header('x-export-after', String(out.after))
        .header('x-export-through', String(out.through))
        .header('x-export-rows', String(out.rows.length))
        .header('x-export-items', String(out.items))
        .header('x-export-skipped', String(out.problems.length))
        .header('x-export-problems', problemsHeader(out.problems))
        .send(encodeExport(text, encoding));
    },
  );

  r.post(
    '/v1/orgs/:org/exports/:kind/ack',
    {
      schema: {
        tags,
        summary: 'Move a named export cursor to the `x-export-through` of a loaded file (never back)',
        params: ExportParams,
        body: z.object({ through: Cursor, cursor: CursorName.optional() }),
        response: { 200: z.object({ kind: Kind, cursor: z.string(), position: z.number() }) },
      },
    },
    async (req) => {
      const org = await resolveOrg(ctx, req, req.params.org);
      const max = await maxInboxCursor(ctx.store.db, org.id);
      if (req.body.through > max)
        throw new HttpError(
          400,
          'cursor_ahead',
          `through ${req.body.through} is beyond the newest inbox item (${max})`,
        );
      const kind = req.params.kind;
      const cursor = req.body.cursor ?? kind;
      const position = await advanceExportCursor(ctx.store.db, org.id, kind, cursor, req.body.through);
      return { kind, cursor, position };
    },
  );

  r.get(
    '/v1/orgs/:org/exports',
    {
      schema: {
        tags,
        summary: "The organization's named export cursors and where each has got to",
        params: OrgParams,
        response: {
          200: z.object({
            cursors: z.array(
              z.object({
                kind: z.string(),
                name: z.string(),
                position: z.number(),
                updatedAt: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const org = await resolveOrg(ctx, req, req.params.org);
      return { cursors: await listExportCursors(ctx.store.db, org.id) };
    },
  );
}

/** The first problems, as many as fit, each message cut to 200 characters. */
function problemsHeader(problems: readonly ExportProblem[]): string {
  let shown: ExportProblem[] = [];
  for (const p of problems) {
    const next = [...shown, { ...p, message: p.message.slice(0, 200) }];
    if (asciiJson(next).length > PROBLEMS_HEADER_CHARS) break;
    shown = next;
  }
  return asciiJson(shown);
}

/** JSON a header can carry: every non-ASCII character escaped. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
