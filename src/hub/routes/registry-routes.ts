import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formatMoney } from '../../domain/money.js';
import { encodeRegistry, registryFileName } from '../../domain/registry/payment-registry.js';
import { orgRegistries } from '../../engine/org-registries.js';
import { OrgParams } from '../api-schemas.js';
import { HttpError } from '../http-error.js';
import type { HubContext } from '../hub-context.js';
import { resolveOrg } from '../resolve-org.js';
import { resolveConnection } from './resolve-connection.js';

const Date10 = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const Encoding = z.enum(['windows-1251', 'utf-8']);

/**
 * Bank payment registries built from the payments a platform's connections pulled into the inbox
 * (Doma.ai, seed 000 §"Формирование реестра"): a day's registries as JSON, and one registry as the file a
 * billing loader reads.
 */
export function registerRegistryRoutes(app: FastifyInstance, ctx: HubContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['registries'];

  r.get(
    '/v1/orgs/:org/registries',
    {
      schema: {
        tags,
        summary:
          "A day's bank payment registries (one per connection and payment order, from platforms that build them: Doma.ai), with their text",
        params: OrgParams,
        querystring: z.object({
          date: Date10,
          platform: z.string().min(1).optional().describe('only connections to this platform'),
          connection: z.string().optional(),
        }),
        response: {
          200: z.object({
            registries: z.array(
              z.object({
                connectionId: z.string(),
                connectionName: z.string(),
                platform: z.string(),
                order: z.string(),
                transferDate: z.string(),
                count: z.number(),
                amount: z.string(),
                fee: z.string(),
                encoding: Encoding,
                text: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const org = await resolveOrg(ctx, req, req.params.org);
      const all = await orgRegistries(ctx.store.db, ctx.box, ctx.connectors, org.id, req.query.date, {
        connection: req.query.connection,
        platform: req.query.platform,
      });
      return {
        registries: all.map((x) => ({ ...x, amount: formatMoney(x.amount), fee: formatMoney(x.fee) })),
      };
    },
  );

  r.get(
    '/v1/orgs/:org/connections/:connection/registry',
    {
      schema: {
        tags,
        summary:
          'One bank payment registry file (windows-1251 unless the connection or ?encoding says utf-8)',
        description:
          'With several payment orders that day, pass `order`; without it the answer is 409 listing them.',
        params: OrgParams.extend({ connection: z.string().min(1) }),
        querystring: z.object({ date: Date10, order: z.string().optional(), encoding: Encoding.optional() }),
      },
    },
    async (req, reply) => {
      const org = await resolveOrg(ctx, req, req.params.org);
      const conn = await resolveConnection(ctx, org.id, req.params.connection);
      if (!ctx.connectors.get(conn.platform)?.paymentRegistries) {
        throw new HttpError(
          400,
          'no_registries',
          `connection ${conn.name} is ${conn.platform}; that platform has no payment registries (Doma.ai has)`,
        );
      }
      const { date, order } = req.query;
      const all = await orgRegistries(ctx.store.db, ctx.box, ctx.connectors, org.id, date, {
        connection: conn.id,
      });
      const chosen = order === undefined ? all : all.filter((x) => x.order === order);
      if (chosen.length === 0) {
        throw new HttpError(
          404,
          'registry_not_found',
          `no DONE payments transferred on ${date}${order ? ` with payment order ${order}` : ''}`,
        );
      }
      if (chosen.length > 1) {
        throw new HttpError(
          409,
          'several_orders',
          `${chosen.length} payment orders on ${date}: pass ?order=`,
          {
            orders: chosen.map((x) => x.order),
          },
        );
      }
      const reg = chosen[0]!;
      const encoding = req.query.encoding ?? reg.encoding;
      return reply
        .type(`text/plain; charset=${encoding}`)
        .header('content-disposition', `attachment; filename="${registryFileName(date, reg.order)}"`)
        .header('x-registry-count', String(reg.count))
        .header('x-registry-amount', formatMoney(reg.amount))
        .send(encodeRegistry(reg.text, encoding));
    },
  );
}
