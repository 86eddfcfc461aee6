import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { is74Paths } from '../contract/is74-paths.js';
import {
  ConfigBody,
  EntranceBody,
  FaultsBody,
  LoginBody,
  OrgBody,
  PermissionsBody,
  ThresholdBody,
} from './admin-bodies.js';
import { decidePermissions } from './decide-permissions.js';
import { readJson, sendJson } from './http-io.js';
import { ContractBreak, ProviderFailure } from './provider-client.js';
import type { SandboxCore } from './sandbox-core.js';

/** Routes the core's callbacks (seed 003 §"CallBack") and the `/_sandbox/` admin routes. */
export async function handleRequest(
  core: SandboxCore,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { pathname: path } = new URL(req.url ?? '/', 'http://sandbox');
  const method = req.method ?? 'GET';
  try {
    if (method === 'POST' && (path === is74Paths.contractCallback || path === is74Paths.chargeCallback)) {
      return await callback(core, path, req, res);
    }
    if (path === '/_sandbox' || path.startsWith('/_sandbox/'))
      return await admin(core, method, path, req, res);
    sendJson(res, 404, { error: 'not_found' });
  } catch (err) {
    if (err instanceof ContractBreak)
      sendJson(res, 502, { error: 'provider_broke_contract', message: err.message });
    else if (err instanceof ProviderFailure)
      sendJson(res, 502, { error: 'provider_failed', message: err.message, status: err.status ?? null });
    else sendJson(res, 500, { error: 'internal', message: (err as Error).message });
  }
}

async function callback(core: SandboxCore, path: string, req: IncomingMessage, res: ServerResponse) {
  const { state } = core;
  const expected = `Basic ${Buffer.from(`${state.config.callbackUser}:${state.config.callbackPassword}`).toString('base64')}`;
  const body = await readJson(req);
  const seen = (outcome: string) =>
    state.callbacks.push({
      at: new Date().toISOString(),
      path,
      body: body instanceof Error ? null : body,
      outcome,
    });
  if (req.headers.authorization !== expected) {
    seen('unauthorized');
    return sendJson(res, 401, { error: 'unauthorized' });
  }
  if (state.faults.failCallbacks > 0) {
    state.faults.failCallbacks--;
    seen('fault 503');
    return sendJson(res, 503, { error: 'unavailable' });
  }
  try {
    const outcome =
      path === is74Paths.chargeCallback ? await core.onCharge(body) : await core.onContract(body);
    seen(outcome);
    return sendJson(res, outcome === 'malformed' ? 400 : 200, { status: outcome });
  } catch (err) {
    // A broken answer is the provider's to fix: the callback itself was taken.
    if (!(err instanceof ContractBreak)) throw err;
    seen(`pull refused: ${err.message}`);
    return sendJson(res, 200, { status: 'pull refused' });
  }
}

async function admin(
  core: SandboxCore,
  method: string,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const { state } = core;
  const parts = path.split('/').filter(Boolean).slice(1).map(decodeURIComponent);
  const body = method === 'GET' ? undefined : await readJson(req);
  const parse = <S extends z.ZodType>(schema: S): z.output<S> | undefined => {
    const r = schema.safeParse(body);
    if (r.success) return r.data;
    sendJson(res, 400, {
      error: 'bad_request',
      issues: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    });
    return undefined;
  };
  const [a, id, sub] = parts;
  const ok = () => sendJson(res, 200, state.snapshot());

  if (method === 'GET' && a === undefined) return ok();
  if (method === 'POST' && a === 'login' && !id) {
    const b = parse(LoginBody);
    if (!b) return;
    const userId = await core.login(b.login, b.pswd);
    if (!userId) return sendJson(res, 401, { error: 'invalid_credentials' });
    return sendJson(res, 200, { ext_user_id: userId, decision: decidePermissions(state, userId) });
  }
  if (method === 'PUT' && a === 'config' && !id) {
    const b = parse(ConfigBody);
    if (!b) return;
    for (const [k, v] of Object.entries(b))
      if (v !== undefined) (state.config as unknown as Record<string, unknown>)[k] = v;
    return ok();
  }
  if (method === 'PUT' && a === 'org' && !id) {
    const b = parse(OrgBody);
    if (!b) return;
    state.org = { ...state.org, ...Object.fromEntries(Object.entries(b).filter(([, v]) => v !== undefined)) };
    return ok();
  }
  if (method === 'PUT' && a === 'tariffs' && id && !sub) {
    const b = parse(ThresholdBody);
    if (!b) return;
    state.thresholds.set(id, b.threshold);
    return ok();
  }
  if (method === 'PUT' && a === 'services' && id && !sub) {
    const b = parse(PermissionsBody);
    if (!b) return;
    state.servicePermissions.set(id, b.permissions);
    return ok();
  }
  if (method === 'PUT' && a === 'users' && id && sub === 'entrance') {
    const b = parse(EntranceBody);
    if (!b) return;
    state.entrance.set(id, b.access);
    return ok();
  }
  if (method === 'GET' && a === 'users' && id && sub === 'permissions') {
    return sendJson(res, 200, decidePermissions(state, id));
  }
  if (method === 'GET' && a === 'users' && id && !sub) {
    const u = state.users.get(id);
    if (!u) return sendJson(res, 404, { error: 'not_signed_in' });
    const { passwordHash: _hash, ...shown } = u;
    return sendJson(res, 200, shown);
  }
  if (method === 'POST' && a === 'faults' && !id) {
    const b = parse(FaultsBody);
    if (!b) return;
    state.faults = b;
    return ok();
  }
  if (method === 'POST' && a === 'reset' && !id) {
    core.reset();
    return ok();
  }
  sendJson(res, 404, { error: 'not_found' });
}
