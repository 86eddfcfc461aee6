import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ServedContext, ServedRoutes } from '../../../engine/connector/connector.js';
import type { Db } from '../../../store/open-store.js';
import { AuthRequest } from '../contract/auth-request.js';
import { is74Paths } from '../contract/is74-paths.js';
import { ChargesQuery, ContractsQuery, UsersQuery } from '../contract/served-queries.js';
import type { Is74UserView } from '../contract/user-response.js';
import { BatchLoader } from './batch-loader.js';
import type { Is74Credentials } from './is74-credentials.js';
import type { Is74Settings } from './is74-settings.js';
import { loadServiceViews, loadTariffViews } from './load-catalogue.js';
import { loadCharges } from './load-charges.js';
import { userById, userByLogin } from './load-users.js';
import { contractById, contractsOfUsers } from './read-views.js';
import { refreshContractViews } from './refresh-contract-views.js';
import { platformAuthenticated, sameSecret } from './served-auth.js';
import { SnapshotCache } from './snapshot-cache.js';

type Ctx = ServedContext<Is74Settings, Is74Credentials>;

/** A resolved connection is reused this long: a changed or disabled connection takes effect within it. */
const RESOLVE_TTL_MS = 1000;
const DEFAULT_CHARGES = 12;
const MAX_CHARGES = 120;

/**
 * The Data Provider API (seed 003 §"Методы для реализации обмена данными") under
 * `/p/is74/<connection>/`, answered from the store. Every call first authenticates the platform
 * (401, empty body, otherwise); a malformed query is 400 and an unknown id 404, both with an empty
 * body, as the seed shows its errors. Contracts are answered from their views (finished JSON kept
 * current on write, see refresh-contract-views). Reads are not recorded as operations: the platform
 * calls them on every sign-in and callback, and the hub's HTTP metrics count them by route and status.
 */
export const is74Served: ServedRoutes<Is74Settings, Is74Credentials> = {
  register(app: FastifyInstance, resolve) {
    const cache = new Map<string, { at: number; ctx: Ctx | undefined }>();
    const contextOf = async (id: string): Promise<Ctx | undefined> => {
      const hit = cache.get(id);
      if (hit && Date.now() - hit.at < RESOLVE_TTL_MS) return hit.ctx;
      const ctx = await resolve(id);
      if (cache.size > 10_000) cache.clear();
      cache.set(id, { at: Date.now(), ctx });
      return ctx;
    };
    /** Resolves, authenticates and reads the query; answers 404/401/400 itself and gives back nothing then. */
    const admit = async <Q extends z.ZodType = z.ZodUndefined>(
      req: FastifyRequest,
      reply: FastifyReply,
      query?: Q,
    ): Promise<{ ctx: Ctx; query: z.output<Q> } | undefined> => {
      const { connectionId } = req.params as { connectionId: string };
      const ctx = await contextOf(connectionId);
      if (!ctx) {
        reply.status(404).send();
        return undefined;
      }
      if (!platformAuthenticated(req, ctx.connection.settings, ctx.credentials)) {
        reply.status(401).send();
        return undefined;
      }
      const parsed = query?.safeParse(req.query);
      if (parsed && !parsed.success) {
        reply.status(400).send();
        return undefined;
      }
      return { ctx, query: parsed?.data as z.output<Q> };
    };
    const json = (reply: FastifyReply, body: unknown) =>
      reply.type('application/json; charset=utf-8').send(JSON.stringify(body));
    // Per store: answers that carry a password (users) are never cached.
    const caches = new WeakMap<Db, SnapshotCache>();
    const cacheOf = (db: Db) => {
      let c = caches.get(db);
      if (!c) {
        c = new SnapshotCache(db, {
          name: 'is74_wave',
          pending: sql`EXISTS (SELECT 1 FROM is74_dirty)`,
          freshen: () => refreshContractViews(db),
        });
        caches.set(db, c);
      }
      return c;
    };
    // First reads of users' contracts, a wave at a time (per store and organisation).
    const loaders = new WeakMap<Db, Map<string, BatchLoader<string[]>>>();
    const contractsOf = (ctx: Ctx, userId: string) => {
      const byOrg = loaders.get(ctx.db) ?? new Map<string, BatchLoader<string[]>>();
      loaders.set(ctx.db, byOrg);
      const org = ctx.connection.orgId;
      let loader = byOrg.get(org);
      if (!loader) {
        loader = new BatchLoader((ids) => contractsOfUsers(ctx.db, org, ids));
        byOrg.set(org, loader);
      }
      return loader.load(userId);
    };
    /** Answers a read from the snapshot cache: 404 with an empty body when `read` finds nothing. */
    const cached = async (
      ctx: Ctx,
      req: FastifyRequest,
      reply: FastifyReply,
      read: () => Promise<string | undefined>,
    ) => {
      const body = await cacheOf(ctx.db).get(
        `${ctx.connection.id} ${req.url.slice(req.url.indexOf('/api/'))}`,
        read,
      );
      if (body === undefined) return reply.status(404).send();
      return reply.type('application/json; charset=utf-8').send(body);
    };
    const rendered = async (found: Promise<unknown[] | undefined>) => {
      const list = await found;
      return list === undefined ? undefined : JSON.stringify(list);
    };
    const orgOf = (ctx: Ctx) => ctx.connection.orgId;

    // seed 003 §"1. Авторизация / проверка логина-пароля пользователя"
    app.post(is74Paths.auth, async (req, reply) => {
      const admitted = await admit(req, reply);
      if (!admitted) return reply;
      const { ctx } = admitted;
      const body = AuthRequest.safeParse(req.body);
      if (!body.success || !ctx.box) return reply.status(401).send();
      const user = await userByLogin(ctx.db, orgOf(ctx), body.data.login);
      let stored = '';
      try {
        stored = user ? String(ctx.box.open(user.password)) : '';
      } catch {
        stored = '';
      }
      // Compared even for an unknown login, so the answer's timing does not tell logins apart.
      const ok = sameSecret(body.data.pswd, stored) && user !== undefined && stored !== '';
      if (!ok) return reply.status(401).send();
      return json(reply, { ext_user_id: user.id });
    });

    // seed 003 §"2. Получение информации о пользователе"
    app.get(is74Paths.users, async (req, reply) => {
      const admitted = await admit(req, reply, UsersQuery);
      if (!admitted) return reply;
      const { ctx, query } = admitted;
      const user = ctx.box ? await userById(ctx.db, orgOf(ctx), query.user_id) : undefined;
      if (!user || !ctx.box) return reply.status(404).send();
      const view: Is74UserView = {
        ext_user_id: user.id,
        login: user.login,
        password: String(ctx.box.open(user.password)),
        is_blocked: user.blocked,
        full_name: user.fullName,
        phones: user.phones.map((p) => ({ number: p.number, confirmed: p.confirmed })),
      };
      return json(reply, [view]);
    });

    // seed 003 §"3. Получение контрактов" and §"4. Получение определённого контракта"
    app.get(is74Paths.contracts, async (req, reply) => {
      const admitted = await admit(req, reply, ContractsQuery);
      if (!admitted) return reply;
      const { ctx, query } = admitted;
      return cached(ctx, req, reply, async () => {
        const bodies =
          query.id !== undefined
            ? [await contractById(ctx.db, orgOf(ctx), query.id)].filter((b) => b !== undefined)
            : await contractsOf(ctx, query.user_id);
        return bodies && bodies.length > 0 ? `[${bodies.join(',')}]` : undefined;
      });
    });

    // seed 003 §"5. Список услуг"
    app.get(is74Paths.services, async (req, reply) => {
      const admitted = await admit(req, reply);
      if (!admitted) return reply;
      const { ctx } = admitted;
      return cached(ctx, req, reply, () =>
        rendered(loadServiceViews(ctx.db, orgOf(ctx), ctx.connection.settings.tariffIds)),
      );
    });

    // seed 003 §"6. Список тарифов"
    app.get(is74Paths.tariffs, async (req, reply) => {
      const admitted = await admit(req, reply);
      if (!admitted) return reply;
      const { ctx } = admitted;
      return cached(ctx, req, reply, () =>
        rendered(loadTariffViews(ctx.db, orgOf(ctx), ctx.connection.settings.tariffIds)),
      );
    });

    // seed 003 §"7. Начисления"
    app.get(is74Paths.charges, async (req, reply) => {
      const admitted = await admit(req, reply, ChargesQuery);
      if (!admitted) return reply;
      const { ctx, query } = admitted;
      const limit = Math.min(query.limit ?? DEFAULT_CHARGES, MAX_CHARGES);
      return cached(ctx, req, reply, () => rendered(loadCharges(ctx.db, orgOf(ctx), query.user_id, limit)));
    });
  },
};
