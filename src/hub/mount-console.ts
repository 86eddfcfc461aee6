import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where `npm run build` puts the console (web/ built by Vite), from dist/hub or src/hub alike. */
export const CONSOLE_DIR = join(import.meta.dirname, '../../web/dist');

/**
 * No inline script or style, nothing from another origin: the console is this origin's files and
 * its calls to this origin's `/v1` API. A CDN font or an injected script would be refused.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The console's pages are public static files; every datum they show comes from `/v1` with a token. */
export function isConsolePage(routeUrl: string | undefined): boolean {
  return routeUrl === '/ui' || (routeUrl?.startsWith('/ui/') ?? false);
}

/**
 * Serves the operator console at `/ui/`: hashed assets cached for good, `index.html` (never cached)
 * for every other path under `/ui/` so client routes survive a reload, and a strict CSP.
 */
export async function mountConsole(app: FastifyInstance, dir: string = CONSOLE_DIR): Promise<void> {
  const index = join(dir, 'index.html');
  const built = existsSync(index);
  await app.register(async (scope) => {
    scope.addHook('onSend', async (_req, reply, payload) => {
      reply.header('content-security-policy', CONSOLE_CSP);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'no-referrer');
      return payload;
    });
    scope.get('/ui', { schema: { hide: true } }, (_req, reply) => reply.redirect('/ui/'));
    if (!built) {
      scope.get('/ui/*', { schema: { hide: true } }, (_req, reply) =>
        reply
          .status(503)
          .type('text/plain; charset=utf-8')
          .send('The console is not built: run `npm run build` (it builds web/ into web/dist).'),
      );
      return;
    }
    await scope.register(fastifyStatic, {
      root: dir,
      prefix: '/ui/',
      wildcard: false,
      index: false,
      schemaHide: true,
      cacheControl: false,
      setHeaders(reply, path) {
        reply.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    // Client routes (/ui/runs/12, /ui/errors) are the one page; an unknown asset is a plain 404.
    scope.get('/ui/*', { schema: { hide: true } }, (req, reply) => {
      if (req.url.startsWith('/ui/assets/'))
        return reply.status(404).send({ error: 'not_found', message: `no file ${req.url.split('?')[0]}` });
      return reply.header('cache-control', 'no-cache').sendFile('index.html', dir);
    });
  });
}
