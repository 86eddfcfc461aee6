import type { ContractCallback } from '../contract/callback-request.js';
import { is74Paths } from '../contract/is74-paths.js';
import { postAll } from './post-all.js';
import { type Is74Context, storeOf } from './post-callback.js';
import { usersOfAccounts } from './user-links.js';

/** A contract whose view changed, and the account whose users see it. */
export interface ChangedContract {
  ext_id: string;
  account: string;
}

/**
 * Contract callbacks for one batch (seed 003 §"CallBack" 1 and 2), coalesced per user: a user with
 * two or more changed contracts gets one `{user_ext_id}`, any other changed contract one
 * `{ext_id}`. Contracts no user sees need no call: the core reads them when someone signs in.
 */
export async function notifyContracts(ctx: Is74Context, changed: readonly ChangedContract[]): Promise<void> {
  const unique = [...new Map(changed.map((c) => [c.ext_id, c])).values()];
  const users = await usersOfAccounts(storeOf(ctx), ctx.connection.orgId, [
    ...new Set(unique.map((m) => m.account)),
  ]);
  const seenBy = new Set<string>();
  const covered = new Set<string>();
  const bodies: ContractCallback[] = [];
  for (const u of users) {
    const mine = unique.filter((m) => u.accountNumbers.includes(m.account));
    for (const m of mine) seenBy.add(m.ext_id);
    if (mine.length > 1) {
      bodies.push({ user_ext_id: u.id });
      for (const m of mine) covered.add(m.ext_id);
    }
  }
  for (const m of unique) {
    if (seenBy.has(m.ext_id) && !covered.has(m.ext_id)) {
      bodies.push({ ext_id: m.ext_id });
      covered.add(m.ext_id);
    }
  }
  await postAll(ctx, is74Paths.contractCallback, bodies);
}
