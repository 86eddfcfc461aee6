/**
 * The API docs page (`/docs`, Swagger UI) is public: it is the same static page for everyone and
 * holds no data. What it shows comes from `/docs/json` (the same document as `/openapi.json`),
 * which needs a token like every other route. The page asks for the token once per browser tab
 * and keeps it in that tab's sessionStorage; every request the page makes (the document and
 * "Try it out") carries it as `Authorization: Bearer …`. The token never goes into a URL, so it
 * never reaches a log line or the browser's history.
 */
export function isDocsPage(routeUrl: string | undefined): boolean {
  return routeUrl === '/docs' || routeUrl === '/docs/' || (routeUrl?.startsWith('/docs/static/') ?? false);
}

// biome-ignore lint/suspicious/noExplicitAny: Swagger UI's requests and responses are untyped objects
type UiMessage = { [k: string]: any };

interface BrowserGlobals {
  sessionStorage: {
    getItem(k: string): string | null;
    setItem(k: string, v: string): void;
    removeItem(k: string): void;
  };
  prompt(message: string): string | null;
  zhkhAsked?: boolean;
}

/**
 * Swagger UI options. The two functions run in the browser: @fastify/swagger-ui writes them into
 * the page with `Function.prototype.toString`, so they may use nothing from this module.
 */
export const docsUiConfig = {
  docExpansion: 'list' as const,
  requestInterceptor: function addToken(req: UiMessage) {
    const g = globalThis as unknown as BrowserGlobals;
    const key = 'zhkh-bridge token';
    let token = g.sessionStorage.getItem(key);
    if (!token && !g.zhkhAsked) {
      g.zhkhAsked = true;
      token = (g.prompt('zhkh-bridge token (kept in this browser tab only):') ?? '').trim();
      if (token) g.sessionStorage.setItem(key, token);
    }
    if (token && !req.headers.Authorization) req.headers.Authorization = `Bearer ${token}`;
    return req;
  },
  responseInterceptor: function forgetRefusedToken(res: UiMessage) {
    const g = globalThis as unknown as BrowserGlobals;
    // A wrong or revoked token: forget it, so that reloading the page asks again.
    if (res.status === 401) {
      g.sessionStorage.removeItem('zhkh-bridge token');
      g.zhkhAsked = false;
    }
    return res;
  },
};
