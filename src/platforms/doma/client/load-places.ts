import type { Account } from '../../../domain/model/account.js';
import type { House } from '../../../domain/model/house.js';
import type { Premise } from '../../../domain/model/premise.js';
import type { StreamDependency } from '../../../engine/connector/connector.js';
import { NonRetryableError } from '../../../engine/policy/platform-errors.js';
import type { DomaContext } from './doma-context.js';

/** Where a лицевой счёт is: its account record, premise and house. */
export interface Place {
  account: Account;
  premise: Premise;
  house: House;
}

/** What a place is made of, for a stream whose records name an account by `accountNumber`. */
export const PLACE_OF_ACCOUNT: readonly StreamDependency[] = [
  { kind: 'account', field: 'accountNumber' },
  { kind: 'premise', from: 'account', field: 'premiseId' },
  { kind: 'house', from: 'premise', field: 'houseId' },
];

/**
 * The places of a page's accounts in three queries (accounts, then their premises, then houses).
 * An account whose premise or house is missing has no place: the caller rejects its records.
 */
export async function loadPlaces(
  ctx: DomaContext,
  accountNumbers: readonly string[],
): Promise<Map<string, Place>> {
  const lookup = ctx.records;
  if (!lookup)
    throw new NonRetryableError('the engine gave no record lookup to the Doma.ai connector', 'internal');
  const accounts = (await lookup.get('account', accountNumbers)) as Map<string, Account>;
  const premises = (await lookup.get(
    'premise',
    [...accounts.values()].map((a) => a.premiseId),
  )) as Map<string, Premise>;
  const houses = (await lookup.get(
    'house',
    [...premises.values()].map((p) => p.houseId),
  )) as Map<string, House>;
  const places = new Map<string, Place>();
  for (const [number, account] of accounts) {
    const premise = premises.get(account.premiseId);
    const house = premise && houses.get(premise.houseId);
    if (premise && house) places.set(number, { account, premise, house });
  }
  return places;
}

/** Why an account has no place, for the record error. */
export function missingPlace(accountNumber: string): { code: string; message: string } {
  return {
    code: 'address_unknown',
    message: `account "${accountNumber}" (or its premise or house) is not in the hub: Doma.ai needs the address`,
  };
}
