import { CliError } from './cli-error.js';
import type { RemoteHub } from './remote-hub-of.js';

export interface HubAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field, shaped by the hub's schemas
  body: any;
}

/**
 * JSON calls to a running hub for the operator commands. A refused request becomes a one-line
 * CliError with the hub's own message, except for the statuses the caller says it handles.
 */
export class HubClient {
  constructor(private readonly hub: RemoteHub) {}

  async call(
    method: string,
    path: string,
    json?: unknown,
    handled: readonly number[] = [],
  ): Promise<HubAnswer> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.hub.token}` };
    if (json !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(this.hub.url + path, {
        method,
        headers,
        body: json === undefined ? undefined : JSON.stringify(json),
        signal: AbortSignal.timeout(60_000),
      });
    } catch (err) {
      const cause = (err as { cause?: { message?: string } }).cause?.message;
      throw new CliError(`cannot reach the hub at ${this.hub.url}: ${cause ?? (err as Error).message}`);
    }
    const text = await res.text();
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (res.ok || handled.includes(res.status)) return { status: res.status, body };
    const b = (body ?? {}) as { error?: string; message?: string };
    const message = [b.error, b.message].filter(Boolean).join(': ') || text.slice(0, 200) || '(empty answer)';
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
}
