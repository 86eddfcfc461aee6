import type { Account } from '../../../domain/model/account.js';
import type { Balance } from '../../../domain/model/balance.js';
import type { Contract } from '../../../domain/model/contract.js';
import type { House } from '../../../domain/model/house.js';
import type { Premise } from '../../../domain/model/premise.js';
import type { Tariff } from '../../../domain/model/tariff.js';
import type { Is74ContractView, Is74Option } from '../contract/contract-response.js';
import { is74Balance, is74OptionValue, is74State } from './is74-wire-values.js';

export interface ContractSources {
  account: Account | undefined;
  premise: Premise | undefined;
  house: House | undefined;
  balances: readonly Balance[];
  tariffs: ReadonlyMap<string, Tariff>;
}

/**
 * A canonical contract as is74 sees it (seed 003 §"3. Получение контрактов"): the account's debt is
 * its balances summed — for each service the latest dated one — and negated into is74's sign.
 * Address fields come from the account's premise and house when the billing sent them.
 */
export function contractView(c: Contract, s: ContractSources): Is74ContractView {
  const view: Is74ContractView = {
    ext_id: c.id,
    account: c.accountNumber,
    contract: c.number,
    state: is74State(c.state),
    balance: is74Balance(debtOf(s.balances)),
    options: options(c.options),
    tariffs: c.tariffIds.map((id) => ({ id, options: options(s.tariffs.get(id)?.options ?? []) })),
  };
  if (s.house) {
    view.address = s.house.address;
    if (s.house.fiasGuid) view.building_code = s.house.fiasGuid;
    const region = s.house.region?.trim();
    if (region && /^\d{1,3}$/.test(region)) view.region = Number(region);
    if (s.house.buildingNumber) view.building_num = s.house.buildingNumber;
  }
  if (s.premise) view.flat = s.premise.number;
  return view;
}

/** The latest balance of each service, summed (canonical sign: positive = debt). */
export function debtOf(balances: readonly Balance[]): number {
  const latest = new Map<string, Balance>();
  for (const b of balances) {
    const seen = latest.get(b.serviceId);
    if (!seen || seen.date < b.date) latest.set(b.serviceId, b);
  }
  let debt = 0;
  for (const b of latest.values()) debt += b.amount;
  return debt;
}

/** Options whose value is not an integer (free text) have no is74 form and are left out. */
function options(
  list: ReadonlyArray<{ category?: string | undefined; name: string; hidden?: boolean; value: string }>,
): Is74Option[] {
  return list.flatMap((o) => {
    const value = is74OptionValue(o.value);
    return value === undefined
      ? []
      : [{ category_name: o.category ?? '', name: o.name, hidden: o.hidden ?? false, value }];
  });
}
