import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EpdDocument, EpdVariant } from '../../domain/epd/epd-document.js';
import { epdDocumentOf } from '../../domain/epd/epd-document-of.js';
import { EpdRequisitesError } from '../../domain/epd/epd-requisites.js';
import { publicEpd } from '../../domain/epd/public-epd.js';
import { field } from '../../domain/model/field.js';
import type { Receipt } from '../../domain/model/receipt.js';
import { EPD_RENDERER_VERSION, renderEpdPdf } from '../../render/epd/epd-pdf.js';
import { countPeriodReceipts, listPeriodReceipts, loadEpdSources } from '../../store/epd-sources-store.js';
import { getRecord } from '../../store/record-store.js';
import { decodeCursor, encodeCursor, OrgParams } from '../api-schemas.js';
import { HttpError } from '../http-error.js';
import type { HubContext } from '../hub-context.js';
import { resolveOrg } from '../resolve-org.js';
import { PdfCache } from './pdf-cache.js';

const Params = OrgParams.extend({
  account: z.string().min(1).max(30),
  period: z.string(),
  category: z.string().min(1).max(100),
});
const Query = z.object({ variant: EpdVariant.default('full') });
const ListQuery = z.object({
  period: field.period,
  account: z.string().min(1).max(30).optional(),
  variant: EpdVariant.default('full'),
  after: z.string().optional().describe('the `next` cursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/**
 * The ЕПД the hub renders from what it holds (Приказ Минстроя № 43/пр with the ГОСТ Р 56042-2014
 * payment QR): one receipt's PDF, and the documents of a period as JSON for the CLI, which renders
 * them itself (`zhkh-bridge receipts pdf`).
 */
export function registerEpdRoutes(app: FastifyInstance, ctx: HubContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cache = new PdfCache(256);
  r.get(
    '/v1/orgs/:org/receipts/:account/:period/:category/epd.pdf',
    {
      schema: {
        tags: ['epd'],
        summary: 'The ЕПД of a receipt as PDF, rendered by the hub; ?variant=public for the one without ФИО',
        description:
          'A4, one page per receipt (more only for very long receipts), with the payment QR. Rendered on request and cached by the content of everything it shows (ETag). 422 `epd_requisites` names the recipient requisite that fails its check: no QR and no document are made with it.',
        params: Params,
        querystring: Query,
      },
    },
    async (req, reply) => {
      const org = await resolveOrg(ctx, req, req.params.org);
      const key = `${req.params.account}/${req.params.period}/${req.params.category}`;
      const row = await getRecord(ctx.store.db, org.id, 'receipt', key);
      if (!row || row.deletedAt)
        throw new HttpError(404, 'record_not_found', `receipt "${key}" does not exist`);
      const [sources] = (await loadEpdSources(ctx.store.db, org.id, [row.data as Receipt], org.data)) ?? [];
      if (!sources) throw new HttpError(404, 'record_not_found', `receipt "${key}" does not exist`);
      const full = epdDocumentOf(sources);
      const doc = req.query.variant === 'public' ? publicEpd(full) : full;
      const etag = `"${createHash('sha256')
        .update(`${EPD_RENDERER_VERSION}:${JSON.stringify(doc)}`)
        .digest('base64url')
        .slice(0, 27)}"`;
      reply
        .header('etag', etag)
        .header('cache-control', 'private, no-cache')
        .header(
          'content-disposition',
          `inline; filename="epd_${safeName(key)}${doc.variant === 'public' ? '_public' : ''}.pdf"`,
        );
      if (req.headers['if-none-match'] === etag) return reply.status(304).send();
      let pdf = cache.get(etag);
      if (!pdf) {
        try {
          pdf = await renderEpdPdf(doc);
        } catch (err) {
          if (err instanceof EpdRequisitesError)
            throw new HttpError(422, 'epd_requisites', `receipt "${key}": ${err.message}`, {
              field: err.field,
            });
          throw err;
        }
        cache.set(etag, pdf);
      }
      return reply.type('application/pdf').send(pdf);
    },
  );
  r.get(
    '/v1/orgs/:org/epd-documents',
    {
      schema: {
        tags: ['epd'],
        summary: 'The ЕПД documents of a period (what each receipt’s ЕПД shows), a page in receipt key order',
        description:
          'For clients that render or check ЕПД themselves (the CLI). Money in rubles. `total` (the receipts of the period) comes with the first page.',
        params: OrgParams,
        querystring: ListQuery,
        response: {
          200: z.object({
            items: z.array(z.object({ key: z.string(), document: z.unknown() })),
            next: z.string().nullable(),
            total: z.number().optional(),
          }),
        },
      },
    },
    async (req) => {
      const org = await resolveOrg(ctx, req, req.params.org);
      const { period, account, variant, limit, after } = req.query;
      const rows = await listPeriodReceipts(ctx.store.db, org.id, {
        period,
        account,
        after: after === undefined ? undefined : decodeCursor(after),
        limit,
      });
      const sources =
        (await loadEpdSources(
          ctx.store.db,
          org.id,
          rows.map((x) => x.data),
          org.data,
        )) ?? [];
      const last = rows.at(-1);
      return {
        items: sources.map((s, i) => {
          const full = epdDocumentOf(s);
          return {
            key: rows[i]!.key,
            document: z.encode(EpdDocument, variant === 'public' ? publicEpd(full) : full),
          };
        }),
        next: rows.length === limit && last ? encodeCursor(last.key) : null,
        ...(after === undefined
          ? { total: await countPeriodReceipts(ctx.store.db, org.id, { period, account }) }
          : {}),
      };
    },
  );
}

function safeName(key: string): string {
  return key.replace(/[^\w.-]+/g, '_');
}
