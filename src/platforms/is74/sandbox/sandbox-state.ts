import type { Is74ChargeView, Is74ServiceView, Is74TariffView } from '../contract/catalogue-response.js';
import type { Is74ContractView } from '../contract/contract-response.js';
import type { Is74UserView } from '../contract/user-response.js';
import type { Permission } from './permission-names.js';

/** Where the Data Provider is and how the sandbox proves itself to it and checks callers. */
export interface SandboxConfig {
  providerUrl: string | undefined;
  providerToken: string | undefined;
  providerUser: string | undefined;
  providerPassword: string | undefined;
  callbackUser: string;
  callbackPassword: string;
  /** How many charges a sign-in pulls (`limit`). */
  chargesLimit: number;
}

/** The organisation's switches on the «Тарифы» page (seed 004 §"Блокировки в мобильном приложении"). */
export interface OrgRules {
  appBlocking: boolean;
  handsetBlocking: boolean;
  handsetTariffIds: string[];
}

/** A user as the core keeps it: the password only as a scrypt hash (seed 003: «пароль хешируется»). */
export interface SandboxUser {
  login: string;
  passwordHash: string;
  profile: Omit<Is74UserView, 'password'>;
  contracts: Is74ContractView[];
  charges: Is74ChargeView[];
  pulledAt: string;
}

/** A provider answer (or a callback) that broke the contract. */
export interface Violation {
  at: string;
  call: string;
  issues: string[];
}

export interface CallbackSeen {
  at: string;
  path: string;
  body: unknown;
  outcome: string;
}

export interface SandboxFaults {
  /** The next this many callbacks are answered 503. */
  failCallbacks: number;
}

/** Everything the sandbox holds, in memory. */
export class SandboxState {
  org: OrgRules = { appBlocking: true, handsetBlocking: false, handsetTariffIds: [] };
  /** Per tariff: the blocking threshold in kopecks of balance (0 unless set). */
  thresholds = new Map<string, number>();
  servicePermissions = new Map<string, Permission[]>();
  entrance = new Map<string, boolean>();
  users = new Map<string, SandboxUser>();
  tariffs: Is74TariffView[] = [];
  services: Is74ServiceView[] = [];
  violations: Violation[] = [];
  callbacks: CallbackSeen[] = [];
  faults: SandboxFaults = { failCallbacks: 0 };

  constructor(public config: SandboxConfig) {}

  /** Forgets users, rules, the catalogue, violations and faults; keeps the configuration. */
  reset(): void {
    this.org = { appBlocking: true, handsetBlocking: false, handsetTariffIds: [] };
    for (const m of [this.thresholds, this.servicePermissions, this.entrance, this.users]) m.clear();
    this.tariffs = [];
    this.services = [];
    this.violations = [];
    this.callbacks = [];
    this.faults = { failCallbacks: 0 };
  }

  violation(call: string, issues: string[]): void {
    this.violations.push({ at: new Date().toISOString(), call, issues });
    if (this.violations.length > 1000) this.violations.shift();
  }

  snapshot() {
    return {
      provider: this.config.providerUrl ?? null,
      org: this.org,
      thresholds: Object.fromEntries(this.thresholds),
      servicePermissions: Object.fromEntries(this.servicePermissions),
      entrance: Object.fromEntries(this.entrance),
      tariffs: this.tariffs,
      services: this.services,
      users: [...this.users.entries()].map(([id, u]) => ({
        ext_user_id: id,
        login: u.login,
        contracts: u.contracts.length,
        charges: u.charges.length,
        pulledAt: u.pulledAt,
      })),
      violations: this.violations,
      callbacks: this.callbacks.slice(-100),
      faults: this.faults,
    };
  }
}
