import type { RecordOutcome, WireRecord } from '../../../engine/connector/connector.js';
import { type DomcontrolImport, domcontrolImports } from '../contract/domcontrol-paths.js';
import type { DomcontrolContext } from './domcontrol-context.js';
import { postImport } from './post-import.js';
import { wireText } from './wire-text.js';

interface Item {
  index: number;
  json: string;
}

/**
 * Delivers one batch to an import, in requests of at most `batchSize` items and `maxBytes` bytes.
 * DomControl answers one status for a whole request, so a refused request is split in halves and
 * each half posted again, down to the single records it refuses: those become `rejected` with the
 * platform's reason, every other record lands. Re-posting is safe: an import upserts.
 */
export async function deliverImport(
  name: DomcontrolImport,
  batch: readonly WireRecord[],
  ctx: DomcontrolContext,
): Promise<RecordOutcome[]> {
  const outcomes: RecordOutcome[] = new Array(batch.length);
  const items = batch.map((r, index): Item => ({ index, json: wireText(r.payload) }));
  const { batchSize, maxBytes } = ctx.connection.settings;
  for (const part of requestsOf(items, batchSize, maxBytes - envelopeBytes(name))) {
    await postBisected(name, part, outcomes, ctx);
  }
  return outcomes;
}

async function postBisected(
  name: DomcontrolImport,
  items: readonly Item[],
  outcomes: RecordOutcome[],
  ctx: DomcontrolContext,
): Promise<void> {
  const answer = await postImport(name, bodyOf(name, items), ctx);
  if (answer.ok) {
    for (const item of items) outcomes[item.index] = { status: 'ok' };
    return;
  }
  if (items.length === 1) {
    outcomes[items[0]!.index] = { status: 'rejected', code: answer.code, message: answer.reason };
    return;
  }
  const mid = Math.ceil(items.length / 2);
  await postBisected(name, items.slice(0, mid), outcomes, ctx);
  await postBisected(name, items.slice(mid), outcomes, ctx);
}

/** `{"<list>":[item,item]}` from the items' JSON text. */
function bodyOf(name: DomcontrolImport, items: readonly Item[]): string {
  return `{"${domcontrolImports[name].list}":[${items.map((i) => i.json).join(',')}]}`;
}

function envelopeBytes(name: DomcontrolImport): number {
  return bodyOf(name, []).length;
}

/** Cuts items into requests by count and bytes (a comma each); an item alone is never cut. */
function requestsOf(items: readonly Item[], maxItems: number, maxBytes: number): Item[][] {
  const out: Item[][] = [];
  let current: Item[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = Buffer.byteLength(item.json) + 1;
    if (current.length > 0 && (current.length >= maxItems || bytes + size > maxBytes)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}
