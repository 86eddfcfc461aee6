import type { DomcontrolSandbox } from '../../../src/platforms/domcontrol/sandbox/start-domcontrol-sandbox.js';

export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers field by field
  body: any;
  headers: Headers;
}

/** A plain request to the sandbox: a raw body (or JSON) in, the parsed JSON answer out. */
export async function call(
  sandbox: DomcontrolSandbox,
  method: string,
  path: string,
  opts: { body?: string; json?: unknown; authorization?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.authorization) headers.authorization = opts.authorization;
  const body = opts.json === undefined ? opts.body : JSON.stringify(opts.json);
  const res = await fetch(sandbox.url + path, { method, headers, body });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}
