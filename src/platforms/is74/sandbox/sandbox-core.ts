import { ChargeCallback, ContractCallback } from '../contract/callback-request.js';
import { is74Paths } from '../contract/is74-paths.js';
import { hashPassword } from './password-hash.js';
import { ProviderClient } from './provider-client.js';
import type { SandboxState } from './sandbox-state.js';

/**
 * What the core does with the Data Provider: sign a user in and pull everything about them (seed
 * 003 §"Методы…": «наша система запрашивает данные по пользователю и сохраняет их у себя»), and
 * pull again when a callback says something changed (seed 003 §"CallBack").
 */
export class SandboxCore {
  readonly provider: ProviderClient;

  constructor(readonly state: SandboxState) {
    this.provider = new ProviderClient(state);
  }

  reset(): void {
    this.state.reset();
  }

  /** `undefined` for a wrong login or password (the provider's 401). */
  async login(login: string, pswd: string): Promise<string | undefined> {
    const id = await this.provider.auth(login, pswd);
    if (id === false) return undefined;
    const users = await this.provider.user(id);
    const profile = users?.[0];
    if (!profile) {
      this.state.violation(`GET ${is74Paths.users}`, [`user ${id} signed in but is not found`]);
      return undefined;
    }
    const { password: _clear, ...rest } = profile;
    // Settled, not raced: every broken answer is recorded before the sign-in is refused.
    const pulls = await Promise.allSettled([
      this.provider.contractsOfUser(id),
      this.provider.tariffs(),
      this.provider.services(),
      this.provider.charges(id, this.state.config.chargesLimit),
    ]);
    const failed = pulls.find((p) => p.status === 'rejected');
    if (failed) throw failed.reason;
    const [contracts, tariffs, services, charges] = pulls.map(
      (p) => (p as PromiseFulfilledResult<unknown>).value,
    ) as [
      Awaited<ReturnType<ProviderClient['contractsOfUser']>>,
      Awaited<ReturnType<ProviderClient['tariffs']>>,
      Awaited<ReturnType<ProviderClient['services']>>,
      Awaited<ReturnType<ProviderClient['charges']>>,
    ];
    this.state.tariffs = tariffs ?? [];
    this.state.services = services ?? [];
    this.state.users.set(id, {
      login,
      passwordHash: await hashPassword(pswd),
      profile: rest,
      contracts: contracts ?? [],
      charges: charges ?? [],
      pulledAt: new Date().toISOString(),
    });
    return id;
  }

  /** A contract callback: one contract (`ext_id`) or all of a user's (`user_ext_id`). */
  async onContract(body: unknown): Promise<string> {
    const parsed = ContractCallback.safeParse(body);
    if (!parsed.success) {
      this.state.violation(`POST ${is74Paths.contractCallback}`, [
        'body is neither {ext_id} nor {user_ext_id}',
      ]);
      return 'malformed';
    }
    if ('user_ext_id' in parsed.data) {
      const user = this.state.users.get(parsed.data.user_ext_id);
      if (!user) return 'unknown user';
      user.contracts = (await this.provider.contractsOfUser(parsed.data.user_ext_id)) ?? [];
      user.pulledAt = new Date().toISOString();
      return 'pulled contracts of user';
    }
    const extId = parsed.data.ext_id;
    const holders = [...this.state.users.values()].filter((u) => u.contracts.some((c) => c.ext_id === extId));
    if (holders.length === 0) return 'unknown contract';
    const fresh = (await this.provider.contract(extId))?.[0];
    for (const u of holders) {
      u.contracts = fresh
        ? u.contracts.map((c) => (c.ext_id === extId ? fresh : c))
        : u.contracts.filter((c) => c.ext_id !== extId);
      u.pulledAt = new Date().toISOString();
    }
    return fresh ? 'pulled contract' : 'contract gone';
  }

  async onCharge(body: unknown): Promise<string> {
    const parsed = ChargeCallback.safeParse(body);
    if (!parsed.success) {
      this.state.violation(`POST ${is74Paths.chargeCallback}`, ['body is not {user_ext_id}']);
      return 'malformed';
    }
    const user = this.state.users.get(parsed.data.user_ext_id);
    if (!user) return 'unknown user';
    user.charges =
      (await this.provider.charges(parsed.data.user_ext_id, this.state.config.chargesLimit)) ?? [];
    user.pulledAt = new Date().toISOString();
    return 'pulled charges';
  }
}
