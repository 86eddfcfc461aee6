import { randomUUID } from 'node:crypto';
import type { EntityName } from '../contract/entities.js';

/** One waiting change: the entity's full snapshot as it was when it changed (seed 001 §"Отправка данных"). */
export interface QueuedChange {
  Guid: string;
  entity: EntityName;
  snapshot: Record<string, unknown>;
}

export interface QueuedDeletion {
  Guid: string;
  Id: string;
  Type: string;
}

/**
 * `To1c/Requests` and `To1c/DeletedItems`: records stay, oldest first, until `To1c/Delete` names
 * their guid. Both lists share the guid space, so one Delete serves either.
 */
export class ChangeQueue {
  private readonly changes = new Map<string, QueuedChange>();
  private readonly deletions = new Map<string, QueuedDeletion>();
  deletedCount = 0;

  push(entity: EntityName, snapshot: Record<string, unknown>): string {
    const Guid = randomUUID();
    // A deep copy: later changes of the entity must not alter what was queued.
    this.changes.set(Guid, { Guid, entity, snapshot: structuredClone(snapshot) });
    return Guid;
  }

  pushDeletion(Id: string, Type: string): string {
    const Guid = randomUUID();
    this.deletions.set(Guid, { Guid, Id, Type });
    return Guid;
  }

  /** The oldest waiting changes, `limit` 0 = all. */
  page(limit: number): QueuedChange[] {
    const out: QueuedChange[] = [];
    for (const change of this.changes.values()) {
      if (limit > 0 && out.length >= limit) break;
      out.push(change);
    }
    return out;
  }

  deletedItems(): QueuedDeletion[] {
    return [...this.deletions.values()];
  }

  get(guid: string): QueuedChange | undefined {
    return this.changes.get(guid);
  }

  /** Removes a change or a deletion record; answers whether the guid was waiting. */
  remove(guid: string): boolean {
    const removed = this.changes.delete(guid) || this.deletions.delete(guid);
    if (removed) this.deletedCount++;
    return removed;
  }

  get length(): number {
    return this.changes.size;
  }

  get deletionsLength(): number {
    return this.deletions.size;
  }
}
