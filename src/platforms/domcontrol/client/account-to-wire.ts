import type { Account } from '../../../domain/model/account.js';
import type { House } from '../../../domain/model/house.js';
import type { Premise } from '../../../domain/model/premise.js';
import type { CanonicalRow, WireRecord } from '../../../engine/connector/connector.js';
import type { DomcontrolContext } from './domcontrol-context.js';
import { mapAccount } from './map-account.js';

type Rejected = { key: string; code: string; message: string };

/**
 * Accounts need their premise and its house for the address (and the premise's area and cadastral
 * number): both are loaded for the whole page in two queries through `ctx.records`.
 */
export async function accountsToWire(
  rows: readonly CanonicalRow[],
  ctx: DomcontrolContext,
): Promise<{ records: WireRecord[]; rejected: Rejected[] }> {
  const live = rows.filter((r) => !r.deleted);
  const accounts = live.map((r) => r.data as Account);
  const view = ctx.records;
  if (!view) {
    const message = 'the engine gives this connector no access to premises and houses';
    return { records: [], rejected: live.map((r) => ({ key: r.key, code: 'no_store_access', message })) };
  }
  const premises = (await view.get(
    'premise',
    accounts.map((a) => a.premiseId),
  )) as Map<string, Premise>;
  const houses = (await view.get(
    'house',
    [...premises.values()].map((p) => p.houseId),
  )) as Map<string, House>;
  const records: WireRecord[] = [];
  const rejected: Rejected[] = [];
  live.forEach((row, i) => {
    const account = accounts[i]!;
    const premise = premises.get(account.premiseId);
    const house = premise && houses.get(premise.houseId);
    if (!premise) {
      rejected.push({
        key: row.key,
        code: 'premise_missing',
        message: `premise ${account.premiseId} is not in the hub`,
      });
    } else if (!house) {
      rejected.push({
        key: row.key,
        code: 'house_missing',
        message: `house ${premise.houseId} is not in the hub`,
      });
    } else {
      records.push({
        key: row.key,
        op: 'upsert',
        payload: mapAccount(account, premise, house, ctx.connection.settings),
      });
    }
  });
  return { records, rejected };
}
