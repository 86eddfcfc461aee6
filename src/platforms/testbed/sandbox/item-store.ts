import type { ItemWrite } from '../contract/items-request.js';
import type { ItemResult } from '../contract/items-response.js';

/** One record as the platform holds it. */
export interface TestbedItem {
  /** `tb-<n>`, assigned on the first write of (kind, key) and kept for good. */
  id: string;
  payload: unknown;
  deleted: boolean;
  /** How many writes were applied to this key: a lost answer retried shows as 2, not as a duplicate. */
  writes: number;
}

/** Records by kind and key: upsert by key, delete as a tombstone that keeps id and payload. */
export class ItemStore {
  private readonly kinds = new Map<string, Map<string, TestbedItem>>();
  private sequence = 0;

  of(kind: string): Map<string, TestbedItem> {
    let byKey = this.kinds.get(kind);
    if (!byKey) {
      byKey = new Map();
      this.kinds.set(kind, byKey);
    }
    return byKey;
  }

  /** Reads without creating: inspecting a kind must not make it appear in the state. */
  peek(kind: string): ReadonlyMap<string, TestbedItem> {
    return this.kinds.get(kind) ?? new Map();
  }

  kindNames(): string[] {
    return [...this.kinds.keys()];
  }

  /** Applies the writes in order; the hot path of the benchmark, so no allocation beyond the results. */
  apply(
    kind: string,
    writes: readonly ItemWrite[],
  ): { results: ItemResult[]; applied: number; rejected: number } {
    const byKey = this.of(kind);
    const results: ItemResult[] = new Array(writes.length);
    let applied = 0;
    for (let i = 0; i < writes.length; i++) {
      const write = writes[i]!;
      const code = rejectCodeOf(write.payload);
      if (code !== undefined) {
        results[i] = { key: write.key, status: 'error', code, message: `refused on purpose: ${code}` };
        continue;
      }
      const deleting = write.op === 'delete';
      let item = byKey.get(write.key);
      if (item) {
        if (!deleting) item.payload = write.payload;
        item.deleted = deleting;
        item.writes++;
      } else {
        // Deleting a key never written still answers an id: deletes are idempotent on real platforms.
        item = {
          id: `tb-${++this.sequence}`,
          payload: deleting ? null : write.payload,
          deleted: deleting,
          writes: 1,
        };
        byKey.set(write.key, item);
      }
      results[i] = { key: write.key, status: 'ok', id: item.id };
      applied++;
    }
    return { results, applied, rejected: writes.length - applied };
  }
}

/** Tests make a record invalid by giving it `{reject: '<code>'}`. */
function rejectCodeOf(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const reject = (payload as { reject?: unknown }).reject;
  return typeof reject === 'string' ? reject : undefined;
}
