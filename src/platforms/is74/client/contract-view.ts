import type { Account } from '../../../domain/model/account.js';
import type { Balance } from '../../../domain/model/balance.js';
import type { Contract } from '../../../domain/model/contract.js';
import type { House } from '../../../domain/model/house.js';
import type { Premise } from '../../../domain/model/premise.js';
import type { Tariff } from '../../../domain/model/tariff.js';
import type { Is74ContractView, Is74Option } from '../contract/contract-response.js';
import type { ViewIssue } from './contract-view-record.js';
import { is74Balance, is74OptionValue, is74State, is74TypedOptionValue } from './is74-wire-values.js';

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
 * Address fields come from the account's premise and house; each one the seed shows that they
 * cannot fill is named in an `address_incomplete` issue.
 */
export function contractView(
  c: Contract,
  s: ContractSources,
): { view: Is74ContractView; issues: ViewIssue[] } {
  const view: Is74ContractView = {
    ext_id: c.id,
    account: c.accountNumber,
    contract: c.number,
    state: is74State(c.state),
    balance: is74Balance(debtOf(s.balances)),
    options: c.options.flatMap((o) => {
      const value = is74TypedOptionValue(o.type, o.value);
      return value === undefined ? [] : [option(o.category, o.name, o.hidden, value)];
    }),
    tariffs: c.tariffIds.map((id) => ({ id, options: tariffOptions(s.tariffs.get(id)) })),
  };
  const missing: string[] = [];
  const lacks = (field: string, why: string) => missing.push(`${field} (${why})`);
  if (!s.account)
    lacks('address, building_code, region, building_num, flat', `account "${c.accountNumber}" not found`);
  else if (!s.premise)
    lacks('address, building_code, region, building_num, flat', `premise "${s.account.premiseId}" not found`);
  else {
    view.flat = s.premise.number;
    const h = s.house;
    if (!h) lacks('address, building_code, region, building_num', `house "${s.premise.houseId}" not found`);
    else {
      view.address = h.address;
      if (h.fiasGuid) view.building_code = h.fiasGuid;
      else lacks('building_code', `house "${h.id}" has no fiasGuid`);
      const region = h.region?.trim();
      if (region && /^\d{1,3}$/.test(region)) view.region = Number(region);
      else
        lacks(
          'region',
          `house "${h.id}" has ${region ? `a region "${region}" that is not a number` : 'no region'}`,
        );
      if (h.buildingNumber) view.building_num = h.buildingNumber;
      else lacks('building_num', `house "${h.id}" has no buildingNumber`);
    }
  }
  const issues: ViewIssue[] =
    missing.length === 0
      ? []
      : [
          {
            code: 'address_incomplete',
            message: `contract "${c.id}" is served without ${missing.join(', ')}`,
          },
        ];
  return { view, issues };
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

/**
 * A tariff's options are the shared catalogue's (untyped text, the same for every platform): those
 * whose value is an integer are shown, the rest have no is74 form (a description belongs in the
 * tariff's `description`).
 */
function tariffOptions(t: Tariff | undefined): Is74Option[] {
  return (t?.options ?? []).flatMap((o) => {
    const value = is74OptionValue(o.value);
    return value === undefined ? [] : [option(o.category ?? '', o.name, false, value)];
  });
}

function option(category: string, name: string, hidden: boolean, value: number): Is74Option {
  return { category_name: category, name, hidden, value };
}
