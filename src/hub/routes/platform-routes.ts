import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type EntityKind, entityKinds } from '../../domain/entity-kinds.js';
import { SyncSettings } from '../../engine/sync-settings.js';
import { HttpError } from '../http-error.js';
import type { HubContext } from '../hub-context.js';

const JsonSchema = z.record(z.string(), z.unknown());

const Column = z.object({ field: z.string(), title: z.string() });
const Field = z.object({
  name: z.string(),
  title: z.string(),
  type: z.enum(['string', 'password', 'boolean', 'list']),
  required: z.boolean().optional(),
});
const ConsoleView = z.object({
  pages: z
    .array(
      z.object({
        id: z.string(),
        title: z.string(),
        scope: z.enum(['org', 'connection']),
        description: z.string().optional(),
        list: z.object({
          path: z.string(),
          items: z.string().optional(),
          key: z.string(),
          columns: z.array(Column),
        }),
        create: z.object({ path: z.string(), title: z.string(), fields: z.array(Field) }).optional(),
        remove: z.object({ path: z.string(), title: z.string() }).optional(),
      }),
    )
    .optional(),
  inboxActions: z
    .array(
      z.object({
        kind: z.string(),
        title: z.string(),
        path: z.string(),
        body: z.unknown(),
        input: z.object({ title: z.string(), required: z.boolean() }).optional(),
      }),
    )
    .optional(),
});

const PlatformView = z.object({
  platform: z.string(),
  title: z.string(),
  outbound: z.array(z.string()).describe('kinds the platform is sent, in dependency order'),
  inbound: z.array(z.string()).describe('inbound streams pulled from the platform'),
  registries: z.boolean().describe('builds bank payment registries (GET /v1/orgs/{org}/registries)'),
  console: ConsoleView.describe("the platform's extra pages and inbox actions in the operator console"),
});

/** The input form of a zod schema as JSON Schema; what zod cannot express is left open. */
function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

/**
 * The platforms this hub knows, for clients that build forms and pages from them (the operator
 * console): what each syncs, its extra console pages, and its settings as JSON Schema. The same for
 * every token: it describes the hub's code, not an organisation's data.
 */
export function registerPlatformRoutes(app: FastifyInstance, ctx: HubContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['platforms'];

  r.get(
    '/v1/platforms',
    {
      schema: {
        tags,
        summary: 'Platforms this hub can connect to',
        response: { 200: z.array(PlatformView) },
      },
    },
    async () =>
      ctx.connectors.names().map((name) => {
        const c = ctx.connectors.get(name)!;
        return {
          platform: c.platform,
          title: c.title,
          outbound: [...new Set(c.outbound.map((s) => s.kind))],
          inbound: c.inbound.map((s) => s.name),
          registries: c.paymentRegistries !== undefined,
          console: c.console ?? {},
        };
      }),
  );

  r.get(
    '/v1/kinds',
    {
      schema: {
        tags,
        summary: 'The canonical kinds: the path segment of each (`/v1/orgs/{org}/{plural}`) and its key',
        response: {
          200: z.array(
            z.object({
              name: z.string(),
              plural: z.string(),
              keyFields: z.array(z.string()),
              description: z.string(),
            }),
          ),
        },
      },
    },
    async () =>
      (Object.values(entityKinds) as EntityKind[]).map((k) => ({
        name: k.name,
        plural: k.plural,
        keyFields: [...k.keyFields],
        description: k.description,
      })),
  );

  r.get(
    '/v1/platforms/:platform/settings-schema',
    {
      schema: {
        tags,
        summary: "A platform's connection settings and credentials as JSON Schema (draft 2020-12)",
        description:
          "Generated from the same zod schemas that validate a connection when it is saved. `sync` is the engine's part of the settings (under the key `sync`: schedule, retry); credentials are write-only.",
        params: z.object({ platform: z.string().min(1) }),
        response: { 200: z.object({ settings: JsonSchema, credentials: JsonSchema, sync: JsonSchema }) },
      },
    },
    async (req) => {
      const c = ctx.connectors.get(req.params.platform);
      if (!c) {
        throw new HttpError(
          404,
          'unknown_platform',
          `platform "${req.params.platform}" is not known to this hub (known: ${ctx.connectors.names().join(', ')})`,
        );
      }
      return {
        settings: jsonSchemaOf(c.settings),
        credentials: jsonSchemaOf(c.credentials),
        sync: jsonSchemaOf(SyncSettings),
      };
    },
  );
}
