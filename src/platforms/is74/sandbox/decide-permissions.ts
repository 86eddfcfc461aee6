import {
  type Is74ContractView,
  SUSPENSION_CATEGORY,
  SUSPENSION_OPTION,
} from '../contract/contract-response.js';
import { PERMISSIONS, type Permission } from './permission-names.js';
import type { SandboxState } from './sandbox-state.js';

export type Reason =
  | 'granted'
  | 'not_signed_in'
  | 'organization_has_no_tariff_with_permissions'
  | 'no_entrance_access'
  | 'no_tariff_with_permissions'
  | 'contract_not_connected'
  | 'services_suspended_pending_payment'
  | 'balance_below_threshold';

export interface TariffDecision {
  contract: string;
  tariff: string;
  balance: number;
  threshold: number;
  permissions: Permission[];
  outcome: Reason;
}

export interface Decision {
  ext_user_id: string;
  permissions: Permission[];
  reason: Reason;
  handsetBlocked: boolean;
  tariffs: TariffDecision[];
}

/**
 * The checks seed 004 §"Как работают разрешения" makes on every request of the app: access to the
 * entrance, a tariff with active permissions, balance ≥ the tariff's blocking threshold. An
 * organisation none of whose tariffs carries permissions gives everyone all of them. The Settings
 * option `services_suspended_pending_payment` = 1 blocks whatever the balance (seed 003 §"4.").
 * Blocking applies only while the organisation's «блокировки в мобильном приложении» switch is on;
 * a contract that is not «подключено» (state 2) gives nothing (our reading: seed 004 does not say).
 */
export function decidePermissions(state: SandboxState, userId: string): Decision {
  const none = (reason: Reason, handsetBlocked = false): Decision => ({
    ext_user_id: userId,
    permissions: [],
    reason,
    handsetBlocked,
    tariffs: [],
  });
  const user = state.users.get(userId);
  if (!user) return none('not_signed_in');
  const permsOf = (tariffId: string): Permission[] => {
    const tariff = state.tariffs.find((t) => t.id === tariffId);
    const set = new Set<Permission>();
    for (const s of tariff?.services ?? [])
      for (const p of state.servicePermissions.get(s.id) ?? []) set.add(p);
    return [...set];
  };
  const handsetBlocked = isHandsetBlocked(state, user.contracts);
  if (!state.tariffs.some((t) => permsOf(t.id).length > 0)) {
    return {
      ...none('organization_has_no_tariff_with_permissions', handsetBlocked),
      permissions: [...PERMISSIONS],
    };
  }
  if (state.entrance.get(userId) === false) return none('no_entrance_access', handsetBlocked);

  const granted = new Set<Permission>();
  const tariffs: TariffDecision[] = [];
  for (const c of user.contracts) {
    for (const t of c.tariffs) {
      const permissions = permsOf(t.id);
      if (permissions.length === 0) continue;
      const threshold = state.thresholds.get(t.id) ?? 0;
      const outcome = tariffOutcome(state, c, threshold);
      if (outcome === 'granted') for (const p of permissions) granted.add(p);
      tariffs.push({ contract: c.ext_id, tariff: t.id, balance: c.balance, threshold, permissions, outcome });
    }
  }
  const order = (ps: Iterable<Permission>) => PERMISSIONS.filter((p) => new Set(ps).has(p));
  const reason: Reason = granted.size > 0 ? 'granted' : (tariffs[0]?.outcome ?? 'no_tariff_with_permissions');
  return { ext_user_id: userId, permissions: order(granted), reason, handsetBlocked, tariffs };
}

function tariffOutcome(state: SandboxState, c: Is74ContractView, threshold: number): Reason {
  if (c.state !== 2) return 'contract_not_connected';
  if (!state.org.appBlocking) return 'granted';
  if (isSuspended(c)) return 'services_suspended_pending_payment';
  return c.balance >= threshold ? 'granted' : 'balance_below_threshold';
}

export function isSuspended(c: Is74ContractView): boolean {
  return c.options.some(
    (o) => o.category_name === SUSPENSION_CATEGORY && o.name === SUSPENSION_OPTION && o.value === 1,
  );
}

/**
 * Handset (квартирная трубка) blocking, apart from the app (seed 004 §"Блокировка аналоговых
 * трубок"): on for the chosen tariffs, it blocks when a contract's balance is below the threshold.
 */
function isHandsetBlocked(state: SandboxState, contracts: readonly Is74ContractView[]): boolean {
  if (!state.org.handsetBlocking) return false;
  return contracts.some((c) =>
    c.tariffs.some(
      (t) => state.org.handsetTariffIds.includes(t.id) && c.balance < (state.thresholds.get(t.id) ?? 0),
    ),
  );
}
