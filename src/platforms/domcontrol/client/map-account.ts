import type { Account } from '../../../domain/model/account.js';
import type { House } from '../../../domain/model/house.js';
import type { Premise } from '../../../domain/model/premise.js';
import { premiseAddress } from '../../../domain/premise-address.js';
import type { WireAccount } from '../contract/account-import.js';
import { decimalNumber } from '../contract/json-number.js';
import type { DomcontrolSettings } from './domcontrol-settings.js';
import { sharePercent } from './share-percent.js';

/**
 * seed 002 §2: a canonical account as an item of `accounts[]`. The id and the name are both the
 * account number (our key; counters, balances and transactions refer to it). Every field is a
 * string as in the example; what the billing does not know is sent as "".
 */
export function mapAccount(
  a: Account,
  premise: Premise,
  house: House,
  settings: DomcontrolSettings,
): WireAccount {
  const owner = a.persons.find((p) => p.isOwner);
  const share = owner?.share;
  const area = a.area ?? premise.area;
  return {
    id: a.number,
    name: a.number,
    address: premiseAddress(house, premise),
    full_name: a.ownerName ?? owner?.fullName ?? '',
    // An owner without a share owns the whole account.
    ownership: share !== undefined ? sharePercent(share) : owner || a.ownerName ? '100' : '',
    square: area === undefined ? '' : decimalNumber(area).text,
    cadastral: premise.cadastral ?? '',
    phone: a.phones[0] ?? owner?.phones[0] ?? '',
    [settings.emailField]: a.emails[0] ?? owner?.emails[0] ?? '',
  };
}
