import type { InboundRecord } from '../contract/inbound-response.js';
import { inboundId } from '../contract/inbound-sequence.js';

/** Records for the billing, kept until acknowledged (like «Умное ЖКХ»), oldest first. */
export class InboundQueue {
  private waiting: InboundRecord[] = [];
  private sequence = 0;

  get length(): number {
    return this.waiting.length;
  }

  add(items: ReadonlyArray<{ kind: string; payload: unknown }>): string[] {
    return items.map(({ kind, payload }) => {
      const id = inboundId(++this.sequence);
      this.waiting.push({ id, kind, payload });
      return id;
    });
  }

  page(limit: number): { items: InboundRecord[]; hasMore: boolean } {
    return { items: this.waiting.slice(0, limit), hasMore: this.waiting.length > limit };
  }

  list(): InboundRecord[] {
    return this.waiting.slice();
  }

  /**
   * Removes the given ids. `redeliver` is asked for each removed record; a yes queues it again at the
   * end with the same id, as a platform that lost the acknowledgement would.
   */
  ack(ids: readonly string[], redeliver: () => boolean): { acked: number; redelivered: number } {
    const wanted = new Set(ids);
    const kept: InboundRecord[] = [];
    const again: InboundRecord[] = [];
    let acked = 0;
    for (const record of this.waiting) {
      if (!wanted.has(record.id)) kept.push(record);
      else {
        acked++;
        if (redeliver()) again.push(record);
      }
    }
    this.waiting = kept.concat(again);
    return { acked, redelivered: again.length };
  }
}
