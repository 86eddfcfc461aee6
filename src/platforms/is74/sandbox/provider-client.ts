import type { z } from 'zod';
import { AuthResponse } from '../contract/auth-request.js';
import { ChargesResponse, ServicesResponse, TariffsResponse } from '../contract/catalogue-response.js';
import { ContractsResponse } from '../contract/contract-response.js';
import { is74Paths } from '../contract/is74-paths.js';
import { UsersResponse } from '../contract/user-response.js';
import type { SandboxState } from './sandbox-state.js';

/** The provider answered something the contract does not allow; already recorded as a violation. */
export class ContractBreak extends Error {
  override name = 'ContractBreak';
}

/** An answer other than 200 or 404 (or no answer). */
export class ProviderFailure extends Error {
  override name = 'ProviderFailure';
  constructor(
    message: string,
    readonly status: number | undefined,
  ) {
    super(message);
  }
}

/**
 * The core's calls to the Data Provider (seed 003 §"Методы для реализации обмена данными"). Every
 * 200 answer is checked strictly against the contract — integer money, known states, the fields
 * the seed shows — and a break is recorded and refused rather than taken in. `undefined` is a 404.
 */
export class ProviderClient {
  constructor(private readonly state: SandboxState) {}

  /** 401 → `false`. */
  async auth(login: string, pswd: string): Promise<string | false> {
    const res = await this.call('POST', is74Paths.auth, { login, pswd });
    if (res.status === 401) return false;
    const body = await this.read(res, `POST ${is74Paths.auth}`, AuthResponse);
    if (!body) throw new ContractBreak('auth answered 404');
    return body.ext_user_id;
  }

  user(id: string) {
    return this.get(`${is74Paths.users}?user_id=${encodeURIComponent(id)}`, UsersResponse);
  }
  contractsOfUser(id: string) {
    return this.get(`${is74Paths.contracts}?user_id=${encodeURIComponent(id)}`, ContractsResponse);
  }
  contract(id: string) {
    return this.get(`${is74Paths.contracts}?id=${encodeURIComponent(id)}`, ContractsResponse);
  }
  tariffs() {
    return this.get(is74Paths.tariffs, TariffsResponse);
  }
  services() {
    return this.get(is74Paths.services, ServicesResponse);
  }
  charges(id: string, limit: number) {
    return this.get(`${is74Paths.charges}?user_id=${encodeURIComponent(id)}&limit=${limit}`, ChargesResponse);
  }

  private async get<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S> | undefined> {
    return this.read(await this.call('GET', path), `GET ${path.split('?')[0]}`, schema);
  }

  private async read<S extends z.ZodType>(
    res: Response,
    call: string,
    schema: S,
  ): Promise<z.output<S> | undefined> {
    if (res.status === 404) {
      await res.body?.cancel();
      return undefined;
    }
    if (res.status !== 200) {
      await res.body?.cancel();
      throw new ProviderFailure(`${call} → ${res.status}`, res.status);
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      this.state.violation(call, ['the answer is not JSON']);
      throw new ContractBreak(`${call}: not JSON`);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(answer)'}: ${i.message}`);
      this.state.violation(call, issues);
      throw new ContractBreak(`${call}: ${issues.join('; ')}`);
    }
    return parsed.data;
  }

  private async call(method: string, path: string, json?: unknown): Promise<Response> {
    const c = this.state.config;
    if (!c.providerUrl) throw new ProviderFailure('no provider URL configured', undefined);
    const headers: Record<string, string> = {};
    if (c.providerToken) headers.authorization = `Bearer ${c.providerToken}`;
    else if (c.providerUser && c.providerPassword) {
      headers.authorization = `Basic ${Buffer.from(`${c.providerUser}:${c.providerPassword}`).toString('base64')}`;
    }
    if (json !== undefined) headers['content-type'] = 'application/json';
    try {
      return await fetch(`${c.providerUrl.replace(/\/$/, '')}${path}`, {
        method,
        headers,
        body: json === undefined ? undefined : JSON.stringify(json),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (err) {
      throw new ProviderFailure(
        `${method} ${path.split('?')[0]}: no answer (${(err as Error).message})`,
        undefined,
      );
    }
  }
}
