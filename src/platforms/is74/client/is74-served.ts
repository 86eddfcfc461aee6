import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServedContext, ServedRoutes } from '../../../engine/connector/connector.js';
import { AuthRequest } from '../contract/auth-request.js';
import { is74Paths } from '../contract/is74-paths.js';
import type { Is74UserView } from '../contract/user-response.js';
import type { Is74Credentials } from './is74-credentials.js';
import type { Is74Settings } from './is74-settings.js';
import { loadServiceViews, loadTariffViews } from './load-catalogue.js';
import { loadCharges } from './load-charges.js';
import { loadContractViews } from './load-contract-views.js';
import { userById, userByLogin } from './load-users.js';
import { platformAuthenticated, sameSecret } from './served-auth.js';
import { SnapshotCache } from './snapshot-cache.js';

type Ctx = ServedContext<Is74Settings, Is74Credentials>;
type Query = Record<string, string | undefined>;

/** A resolved connection is reused this long: a changed or disabled connection takes effect within it. */
const RESOLVE_TTL_MS = 1000;
const DEFAULT_CHARGES = 12;
const MAX_CHARGES = 120;

/**
 * The Data Provider API (seed 003 §"Методы для реализации обмена данными") under
 * `/p/is74/<connection>/`, answered from the store. Every call first authenticates the platform
 * (401, empty body, otherwise). Unknown ids answer 404 with an empty body, as the seed shows.
 * Reads are not recorded as operations: the platform calls them on every sign-in and callback, and
 * the hub's HTTP metrics count them by route and status.
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
    /** Resolves and authenticates; answers 404/401 itself and gives back no context then. */
    const admit = async (req: FastifyRequest, reply: FastifyReply): Promise<Ctx | undefined> => {
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
      return ctx;
    };
    const json = (reply: FastifyReply, body: unknown) =>
      reply.type('application/json; charset=utf-8').send(JSON.stringify(body));
    // One cache per store; answers that carry a password (users) are never cached.
    const caches = new WeakMap<object, SnapshotCache>();
    /** Answers a read from the snapshot cache: 404 with an empty body when `read` finds nothing. */
    const cached = async (
      ctx: Ctx,
      req: FastifyRequest,
      reply: FastifyReply,
      read: () => Promise<unknown[] | undefined>,
    ) => {
      let cache = caches.get(ctx.db);
      if (!cache) {
        cache = new SnapshotCache(ctx.db);
        caches.set(ctx.db, cache);
      }
      const body = await cache.get(
        `${ctx.connection.id} ${req.url.slice(req.url.indexOf('/api/'))}`,
        async () => {
          const found = await read();
          return found === undefined ? undefined : JSON.stringify(found);
        },
      );
      if (body === undefined) return reply.status(404).send();
      return reply.type('application/json; charset=utf-8').send(body);
    };
    const orgOf = (ctx: Ctx) => ctx.connection.orgId;

    // seed 003 §"1. Авторизация / проверка логина-пароля пользователя"
    app.post(is74Paths.auth, async (req, reply) => {
      const ctx = await admit(req, reply);
      if (!ctx) return reply;
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
      const ctx = await admit(req, reply);
      if (!ctx) return reply;
      const id = (req.query as Query).user_id;
      const user = id && ctx.box ? await userById(ctx.db, orgOf(ctx), id) : undefined;
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
      const ctx = await admit(req, reply);
      if (!ctx) return reply;
      const { user_id: userId, id } = req.query as Query;
      if (!userId && !id) return reply.status(400).send();
      return cached(ctx, req, reply, async () => {
        const rows = await loadContractViews(ctx.db, orgOf(ctx), id ? { id } : { userId: userId! });
        return rows.length === 0 ? undefined : rows.map((r) => r.view);
      });
    });

    // seed 003 §"5. Список услуг"
    app.get(is74Paths.services, async (req, reply) => {
      const ctx = await admit(req, reply);
      if (!ctx) return reply;
      return cached(ctx, req, reply, () =>
        loadServiceViews(ctx.db, orgOf(ctx), ctx.connection.settings.tariffIds),
      );
    });

    // seed 003 §"6. Список тарифов"
    app.get(is74Paths.tariffs, async (req, reply) => {
      const ctx = await admit(req, reply);
      if (!ctx) return reply;
      return cached(ctx, req, reply, () =>
        loadTariffViews(ctx.db, orgOf(ctx), ctx.connection.settings.tariffIds),
      );
    });

    // seed 003 §"7. Начисления"
    app.get(is74Paths.charges, async (req, reply) => {
      const ctx = await admit(req, reply);
      if (!ctx) return reply;
      const { user_id: userId, limit } = req.query as Query;
      if (!userId) return reply.status(400).send();
      const n = limit === undefined ? DEFAULT_CHARGES : Number(limit);
      if (!Number.isInteger(n) || n < 1) return reply.status(400).send();
      return cached(ctx, req, reply, () => loadCharges(ctx.db, orgOf(ctx), userId, Math.min(n, MAX_CHARGES)));
    });
  },
};
