import type { RecordOutcome, WireRecord } from '../../../engine/connector/connector.js';
import type { ContractCallback } from '../contract/callback-request.js';
import { is74Paths } from '../contract/is74-paths.js';
import { IS74_VIEW_KIND } from './contract-view-record.js';
import { postAll } from './post-all.js';
import { type Is74Context, storeOf } from './post-callback.js';
import { usersOfAccounts } from './user-links.js';

/** What the id map holds for these views (one statement when the engine's view can). */
async function platformIds(ctx: Is74Context, keys: string[]): Promise<Map<string, string>> {
  if (ctx.ids.platformIdsOf) return ctx.ids.platformIdsOf(IS74_VIEW_KIND, keys);
  const found = new Map<string, string>();
  for (const k of keys) {
    const id = await ctx.ids.platformIdOf(IS74_VIEW_KIND, k);
    if (id !== undefined) found.set(k, id);
  }
  return found;
}

/** What the callback stream hashes of a contract view. */
export interface ViewMark {
  ext_id: string;
  account: string;
  /** Digest of the served view. */
  seen: string;
}

/**
 * Contract callbacks for one batch of changed views (seed 003 §"CallBack"), coalesced per user.
 *
 * - A view the core was told of before (the id map holds its `ext_id`) changed: `{ext_id}` — the
 *   core refreshes it for everyone holding it.
 * - A view new to the core (a contract created, or moved to this account) or gone (deleted, or moved
 *   away): `{user_ext_id}` for each user of its account — `{ext_id}` of a contract the core does not
 *   hold attaches it to nobody, and a contract gone from one account may live on under another.
 * - A user with two or more changed contracts gets one `{user_ext_id}` for all of them.
 * Contracts no user sees make no call: the core reads them when someone signs in. The views the
 * connection's first run took as known (a baseline) are not in the id map: their first change is
 * announced per user.
 */
export async function notifyViews(batch: readonly WireRecord[], ctx: Is74Context): Promise<RecordOutcome[]> {
  const marks = batch.map((r) => ({ ...(r.payload as ViewMark), key: r.key, gone: r.op === 'delete' }));
  const told = await platformIds(
    ctx,
    marks.map((m) => m.key),
  );
  const fresh = (m: (typeof marks)[number]) => m.gone || told.get(m.key) !== m.ext_id;
  const users = await usersOfAccounts(storeOf(ctx), ctx.connection.orgId, [
    ...new Set(marks.map((m) => m.account)),
  ]);
  const called = new Set<string>();
  const bodies: ContractCallback[] = [];
  for (const u of users) {
    const mine = marks.filter((m) => u.accountNumbers.includes(m.account));
    if (mine.length > 1 || mine.some(fresh)) {
      bodies.push({ user_ext_id: u.id });
      called.add(u.id);
    }
  }
  for (const m of marks) {
    if (fresh(m)) continue;
    const holders = users.filter((u) => u.accountNumbers.includes(m.account));
    if (holders.some((u) => !called.has(u.id))) bodies.push({ ext_id: m.ext_id });
  }
  await postAll(ctx, is74Paths.contractCallback, bodies);
  // A view gone leaves the id map saying so: the same contract back on this account is new again.
  return marks.map((m): RecordOutcome => ({ status: 'ok', platformId: m.gone ? `gone:${m.key}` : m.ext_id }));
}
