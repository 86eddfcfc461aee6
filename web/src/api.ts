/** The hub's /v1 API with the operator's token (kept in this tab's sessionStorage, never in a URL). */
const TOKEN_KEY = 'zhkh.token';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  signIn: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  signOut: () => sessionStorage.removeItem(TOKEN_KEY),
};

const listeners = new Set<() => void>();
/** Called when the API answers 401: the token is gone or revoked, so the console asks again. */
export function onUnauthorized(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

async function send(
  method: string,
  path: string,
  body?: unknown,
  token = session.token(),
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) {
    let code = 'http_' + res.status;
    let message = res.statusText;
    try {
      const j = (await res.json()) as { error?: string; message?: string };
      code = j.error ?? code;
      message = j.message ?? message;
    } catch {
      // not JSON: keep the status line
    }
    if (res.status === 401) for (const fn of listeners) fn();
    throw new ApiError(res.status, code, message);
  }
  return res;
}

export async function api<T = unknown>(
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<T> {
  const res = await send(method, path, body, token ?? session.token());
  const text = await res.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

export const get = <T = unknown>(path: string) => api<T>('GET', path);
export const post = <T = unknown>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});

/** Downloads a file from the API (with the token, so not a plain link) under the server's name. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await send('GET', path);
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `/v1/orgs/{org}/…` with every segment encoded. */
export function orgPath(org: string, ...rest: string[]): string {
  return ['/v1/orgs', encodeURIComponent(org), ...rest.map(encodeURIComponent)].join('/');
}
