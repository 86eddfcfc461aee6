import { CliError } from './cli-error.js';
import type { RemoteHub } from './remote-hub-of.js';

export interface HubAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field, shaped by the hub's schemas
  body: any;
  /** The answer as text (a file the hub wrote: an export). */
  text: string;
  /** Response headers, names in lower case. */
  headers: Record<string, string>;
}

/** One request as it goes out, whatever carries it. */
export interface HubRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | undefined;
}

/** Carries a request to the hub: fetch over HTTP, or `app.inject` into a hub in this process. */
export type HubSend = (
  req: HubRequest,
) => Promise<{ status: number; text: string; headers?: Record<string, string> | undefined }>;

/** The hub at `hub.url` over HTTP; an unreachable hub becomes a one-line CliError. */
export function fetchSend(url: string): HubSend {
  return async ({ method, path, headers, body }) => {
    let res: Response;
    try {
      res = await fetch(url + path, { method, headers, body, signal: AbortSignal.timeout(60_000) });
    } catch (err) {
      const cause = (err as { cause?: { message?: string } }).cause?.message;
      throw new CliError(`cannot reach the hub at ${url}: ${cause ?? (err as Error).message}`);
    }
    return { status: res.status, text: await res.text(), headers: Object.fromEntries(res.headers) };
  };
}

/**
 * JSON calls to the hub for the operator commands — a running one (`--url`), or one built in this
 * process on the store (see withHubClient), so a command has one code path and one output. A
 * refused request becomes a one-line CliError with the hub's own message, except for the statuses
 * the caller says it handles.
 */
export class HubClient {
  private readonly send: HubSend;
  /** False for a hub in this process: its errors are the store's, not a remote answer. */
  readonly remote: boolean;

  constructor(
    private readonly hub: RemoteHub,
    send?: HubSend,
  ) {
    this.remote = send === undefined;
    this.send = send ?? fetchSend(hub.url);
  }

  async call(
    method: string,
    path: string,
    json?: unknown,
    handled: readonly number[] = [],
  ): Promise<HubAnswer> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.hub.token}` };
    if (json !== undefined) headers['content-type'] = 'application/json';
    const res = await this.send({
      method,
      path,
      headers,
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    let body: unknown;
    try {
      body = res.text === '' ? undefined : JSON.parse(res.text);
    } catch {
      body = undefined;
    }
    if ((res.status >= 200 && res.status < 300) || handled.includes(res.status))
      return { status: res.status, body, text: res.text, headers: res.headers ?? {} };
    const b = (body ?? {}) as { error?: string; message?: string };
    const message =
      [b.error, b.message].filter(Boolean).join(': ') || res.text.slice(0, 200) || '(empty answer)';
    if (!this.remote) throw new CliError(message);
    if (res.status === 401)
      throw new CliError(`the hub refused the token: ${message}; check --token / ZHKH_TOKEN`);
    throw new CliError(`the hub answered ${res.status}: ${message}`);
  }

  get(path: string, handled?: readonly number[]): Promise<HubAnswer> {
    return this.call('GET', path, undefined, handled);
  }

  post(path: string, json: unknown = {}, handled?: readonly number[]): Promise<HubAnswer> {
    return this.call('POST', path, json, handled);
  }

  patch(path: string, json: unknown): Promise<HubAnswer> {
    return this.call('PATCH', path, json);
  }

  delete(path: string): Promise<HubAnswer> {
    return this.call('DELETE', path);
  }
}
