import { createHash } from 'node:crypto';
import type { Contract } from '../../../domain/model/contract.js';
import type { OutboundStream, RecordOutcome, WireRecord } from '../../../engine/connector/connector.js';
import type { ContractCallback } from '../contract/callback-request.js';
import { is74Paths } from '../contract/is74-paths.js';
import type { Is74Credentials } from './is74-credentials.js';
import type { Is74Settings } from './is74-settings.js';
import { loadContractViews } from './load-contract-views.js';
import { usersOfAccounts } from './load-users.js';
import { postAll } from './post-all.js';
import { type Is74Context, storeOf } from './post-callback.js';

/** The wire record of a contract: whose account it is and a digest of what `/api/contracts` answers. */
interface ContractMark {
  ext_id: string;
  account: string;
  seen: string | null;
}

/** A short digest: equal views hash equal, so the engine's delta sends nothing for an unchanged one. */
export function digestOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);
}

/**
 * Contract callbacks (seed 003 §"CallBack" 1 and 2). The payload is the digest of the contract as
 * the platform would read it — state, options, tariffs with their options and the balance from the
 * account's balances — so a change of any of them, and nothing else, makes a callback. The payload
 * depends on other records (balances, tariffs), so every run maps every contract (not self-contained).
 */
export const contractCallbacks: OutboundStream<Is74Settings, Is74Credentials> = {
  kind: 'contract',
  limits: { maxRecords: 1000, maxBytes: 1_000_000 },
  async toWire(rows, ctx) {
    const live = rows.filter((r) => !r.deleted).map((r) => r.key);
    const views = new Map(
      (await loadContractViews(storeOf(ctx), ctx.connection.orgId, { keys: live })).map((v) => [
        v.key,
        v.view,
      ]),
    );
    const records = rows.map((r): WireRecord => {
      const view = views.get(r.key);
      const payload: ContractMark = {
        ext_id: r.key,
        account: (r.data as Contract).accountNumber,
        seen: view ? digestOf(view) : null,
      };
      return { key: r.key, op: r.deleted || !view ? 'delete' : 'upsert', payload };
    });
    return { records };
  },
  deliver: deliverContractCallbacks,
};

/**
 * Coalesces per user: a user with two or more changed contracts in the batch gets one
 * `{user_ext_id}`; any other changed contract one `{ext_id}`. Contracts no user sees need no call —
 * the platform reads them when someone signs in.
 */
async function deliverContractCallbacks(
  batch: readonly WireRecord[],
  ctx: Is74Context,
): Promise<RecordOutcome[]> {
  const marks = batch.map((r) => r.payload as ContractMark);
  const users = await usersOfAccounts(storeOf(ctx), ctx.connection.orgId, [
    ...new Set(marks.map((m) => m.account)),
  ]);
  const seenBy = new Set<string>();
  const bodies: ContractCallback[] = [];
  const covered = new Set<string>();
  for (const u of users) {
    const mine = marks.filter((m) => u.accountNumbers.includes(m.account));
    for (const m of mine) seenBy.add(m.ext_id);
    if (mine.length > 1) {
      bodies.push({ user_ext_id: u.id });
      for (const m of mine) covered.add(m.ext_id);
    }
  }
  for (const m of marks) {
    if (seenBy.has(m.ext_id) && !covered.has(m.ext_id)) {
      bodies.push({ ext_id: m.ext_id });
      covered.add(m.ext_id);
    }
  }
  await postAll(ctx, is74Paths.contractCallback, bodies);
  return batch.map((): RecordOutcome => ({ status: 'ok' }));
}
