import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ackInbox, maxInboxCursor, readInbox, readInboxEntry } from '../../store/inbox-store.js';
import { OrgParams } from '../api-schemas.js';
import { HttpError } from '../http-error.js';
import type { HubContext } from '../hub-context.js';
import { resolveOrg } from '../resolve-org.js';

const Cursor = z.coerce.number().int().min(0);

const InboxItem = z.object({
  cursor: z.number(),
  connectionId: z.string(),
  platform: z.string(),
  kind: z.string(),
  sourceId: z.string(),
  receivedAt: z.string(),
  payload: z.unknown(),
});

export function registerInboxRoutes(app: FastifyInstance, ctx: HubContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inbox'];

  r.get(
    '/v1/orgs/:org/inbox',
    {
      schema: {
        tags,
        summary: 'What platforms sent back (readings, payments, заявки…), oldest first',
        description:
          'Without `after`, the feed starts after the last acknowledged cursor. Each item carries its `cursor`; pass the last one as `after` for the next page and to `ack` once processed.',
        params: OrgParams,
        querystring: z.object({
          after: Cursor.optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
          kind: z.string().optional().describe('only this kind: reading, payment, …'),
          platform: z.string().optional().describe('only what this platform sent'),
        }),
        response: {
          200: z.object({
            items: z.array(InboxItem),
            ackedThrough: z.number(),
            next: z.number().nullable(),
          }),
        },
      },
    },
    async (req) => {
      const org = await resolveOrg(ctx, req, req.params.org);
      const page = await readInbox(ctx.store.db, org.id, req.query);
      const last = page.items.at(-1);
      return { ...page, next: page.items.length === req.query.limit && last ? last.cursor : null };
    },
  );

  r.get(
    '/v1/orgs/:org/inbox/:cursor',
    {
      schema: {
        tags,
        summary: 'One inbox item by its cursor, with its payload (acknowledged or not)',
        params: OrgParams.extend({ cursor: Cursor }),
        response: { 200: InboxItem },
      },
    },
    async (req) => {
      const org = await resolveOrg(ctx, req, req.params.org);
      const item = await readInboxEntry(ctx.store.db, org.id, req.params.cursor);
      if (!item)
        throw new HttpError(404, 'inbox_item_not_found', `inbox item ${req.params.cursor} does not exist`);
      return item;
    },
  );

  r.post(
    '/v1/orgs/:org/inbox/ack',
    {
      schema: {
        tags,
        summary: 'Acknowledge the inbox up to and including a cursor (never moves back)',
        params: OrgParams,
        body: z.object({ cursor: Cursor }),
        response: { 200: z.object({ ackedThrough: z.number() }) },
      },
    },
    async (req) => {
      const org = await resolveOrg(ctx, req, req.params.org);
      const max = await maxInboxCursor(ctx.store.db, org.id);
      if (req.body.cursor > max) {
        throw new HttpError(
          400,
          'cursor_ahead',
          `cursor ${req.body.cursor} is beyond the newest entry (${max})`,
        );
      }
      return { ackedThrough: await ackInbox(ctx.store.db, org.id, req.body.cursor) };
    },
  );
}
