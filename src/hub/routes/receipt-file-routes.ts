import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cleanAccountNumber } from '../../domain/account-number.js';
import { entityKinds } from '../../domain/entity-kinds.js';
import { RECEIPT_FILE_MAX_BYTES, type ReceiptFile, receiptFileKey } from '../../domain/model/receipt-file.js';
import { ingestRecords } from '../../store/ingest-records.js';
import { getRecord } from '../../store/record-store.js';
import { BulkResult, OrgParams } from '../api-schemas.js';
import { HttpError } from '../http-error.js';
import type { HubContext } from '../hub-context.js';
import { resolveOrg } from '../resolve-org.js';

const Params = OrgParams.extend({
  account: z.string().min(1).max(30),
  period: z.string(),
  category: z.string().min(1).max(100),
});
const Query = z.object({ variant: z.enum(['full', 'public']).default('full') });

/**
 * A PDF receipt as a binary body — the convenience form of `POST /v1/orgs/{org}/receipt-files`
 * (base64 in JSON). Same write path, so an unchanged PDF writes nothing and is never sent again.
 */
export function registerReceiptFileRoutes(app: FastifyInstance, ctx: HubContext): void {
  app.register(async (scoped) => {
    // Only in this scope: the rest of the API stays JSON.
    scoped.addContentTypeParser(
      'application/pdf',
      { parseAs: 'buffer', bodyLimit: RECEIPT_FILE_MAX_BYTES },
      (_req, body, done) => done(null, body),
    );
    const r = scoped.withTypeProvider<ZodTypeProvider>();
    const path = '/v1/orgs/:org/receipts/:account/:period/:category/pdf';
    r.put(
      path,
      {
        bodyLimit: RECEIPT_FILE_MAX_BYTES,
        schema: {
          tags: ['receipt-files'],
          summary:
            'Upload the PDF of a receipt (body: application/pdf); ?variant=public for the one without personal data',
          description: `At most ${RECEIPT_FILE_MAX_BYTES} bytes. Stored as a receipt_file record keyed account/period/category/variant; the answer is that record's bulk result.`,
          params: Params,
          querystring: Query,
          response: { 200: BulkResult },
        },
      },
      async (req) => {
        const org = await resolveOrg(ctx, req, req.params.org);
        if (!Buffer.isBuffer(req.body)) {
          throw new HttpError(
            415,
            'unsupported_media_type',
            'send the PDF with Content-Type: application/pdf',
          );
        }
        const { account, period, category } = req.params;
        const record = {
          accountNumber: account,
          period,
          category,
          variant: req.query.variant,
          contentType: 'application/pdf',
          content: req.body.toString('base64'),
        };
        const summary = await ingestRecords(ctx.store.db, org.id, entityKinds.receipt_file, [record]);
        if (summary.rejected > 0) {
          const errors = summary.results[0]?.errors ?? [];
          throw new HttpError(
            400,
            'invalid_receipt_file',
            errors.map((e) => `${e.path}: ${e.message}`).join('; '),
            {
              errors,
            },
          );
        }
        return summary;
      },
    );
    r.get(
      path,
      {
        schema: {
          tags: ['receipt-files'],
          summary: 'Download the PDF of a receipt as uploaded',
          params: Params,
          querystring: Query,
        },
      },
      async (req, reply) => {
        const org = await resolveOrg(ctx, req, req.params.org);
        // Keyed by the cleaned number, as the upload stored it («л/с 123» is «123»).
        const key = receiptFileKey({
          ...req.params,
          accountNumber: cleanAccountNumber(req.params.account),
          variant: req.query.variant,
        });
        const row = await getRecord(ctx.store.db, org.id, 'receipt_file', key);
        if (!row || row.deletedAt)
          throw new HttpError(404, 'record_not_found', `receipt_file "${key}" does not exist`);
        return reply.type('application/pdf').send(Buffer.from((row.data as ReceiptFile).content, 'base64'));
      },
    );
  });
}
